import type { Command } from "commander";
import type { ImpactAssessmentView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { checkAssessmentId } from "./present";

const verbs = {
  submit: { done: "Submitted for sign-off", summary: "submit the draft for sign-off (freezes a version)" },
  approve: {
    done: "Approved",
    summary: "sign off the assessment in review (never your own work: four-eyes)",
  },
  reject: { done: "Sent back to draft", summary: "send the assessment in review back to draft" },
  revise: { done: "Started a revision of", summary: "start a new draft revision of the approved assessment" },
  "mark-reviewed": { done: "Recorded a review of", summary: "confirm the approved assessment still holds" },
  archive: { done: "Archived", summary: "archive the assessment" },
  restore: {
    done: "Restored",
    summary: "restore an archived assessment (approved again if it was archived as approved, else a draft)",
  },
} as const;

export function registerAssessmentActions(ia: Command, ctx: CommandContext) {
  for (const verb of Object.keys(verbs) as (keyof typeof verbs)[])
    ia.command(verb)
      .summary(verbs[verb].summary)
      .argument("<id>", "the assessment's id")
      .option("--comment <text>", "a note kept with the version and in the audit trail")
      .option("--version <n>", "the assessment version you last read (default: the current one)")
      .option("--json", "print the assessment as JSON")
      .action(
        ctx.action(
          async (
            id: string,
            opts: { comment?: string; version?: string; json?: boolean },
            ...rest: unknown[]
          ) => {
            const explicit = opts.version !== undefined ? parseVersion(opts.version) : undefined;
            const session = await ctx.session(commandOf(rest));
            const path = await session.orgPath(`/impact-assessments/${checkAssessmentId(id)}`);
            const version =
              explicit ?? (await session.client.json<ImpactAssessmentView>("GET", path)).version;
            const a = await session.client.json<ImpactAssessmentView>("POST", `${path}/${verb}`, {
              json: { version, ...(opts.comment ? { comment: opts.comment } : {}) },
            });
            if (opts.json) return ctx.out(printJson(a));
            ctx.out(
              `${verbs[verb].done} ${a.title}: ${a.status}${a.approvedVersion ? `, approved version ${a.approvedVersion}` : ""}.\n`,
            );
          },
        ),
      );
}
