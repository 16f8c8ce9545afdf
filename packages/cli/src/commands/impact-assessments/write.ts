import type { Command } from "commander";
import { impactAssessmentVariants, Uuid, type ImpactAssessmentView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { assessmentDetails, checkAssessmentId, readContentFile } from "./present";

const checkVariant = (v: string | undefined) => {
  if (v !== undefined && !(impactAssessmentVariants as readonly string[]).includes(v))
    throw usageError(`--variant: one of ${impactAssessmentVariants.join(", ")}.`);
  return v;
};

export function registerAssessmentWrites(ia: Command, ctx: CommandContext) {
  ia.command("create")
    .summary("start an impact assessment of an AI system (a draft)")
    .requiredOption("--system <id>", "the AI system assessed")
    .option("--title <text>", "a title (default: the template's title and the system's name)")
    .option("--variant <v>", "standard or fria (default: fria when the system's classification requires one)")
    .option("--file <path>", "the content as YAML or JSON ('-' reads standard input)")
    .option("--json", "print the created assessment as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims impact-assessments create --system <systemId> --file assessment.yaml\n" +
        "  aims impact-assessments show <id> --json | jq .content > assessment.json",
    )
    .action(
      ctx.action(
        async (
          opts: { system: string; title?: string; variant?: string; file?: string; json?: boolean },
          ...rest: unknown[]
        ) => {
          if (!Uuid.safeParse(opts.system).success)
            throw usageError(`--system: '${opts.system}' is not a UUID.`);
          const content = opts.file ? await readContentFile(ctx, opts.file) : undefined;
          const session = await ctx.session(commandOf(rest));
          const a = await session.client.json<ImpactAssessmentView>(
            "POST",
            await session.orgPath("/impact-assessments"),
            {
              json: {
                aiSystemId: opts.system,
                ...(opts.title ? { title: opts.title } : {}),
                ...(checkVariant(opts.variant) ? { variant: opts.variant } : {}),
                ...(content ? { content } : {}),
              },
            },
          );
          ctx.out(opts.json ? printJson(a) : assessmentDetails(a));
        },
      ),
    );

  ia.command("update")
    .summary("replace a draft's content from a file, or change its title, variant or next review date")
    .argument("<id>", "the assessment's id")
    .option("--file <path>", "the content as YAML or JSON ('-' reads standard input)")
    .option("--title <text>", "a new title")
    .option("--variant <v>", "standard or fria (drafts only)")
    .option("--next-review <YYYY-MM-DD>", "the next scheduled review")
    .option("--version <n>", "the assessment version you last read (default: the current one)")
    .option("--json", "print the assessment as JSON")
    .action(
      ctx.action(
        async (
          id: string,
          opts: {
            file?: string;
            title?: string;
            variant?: string;
            nextReview?: string;
            version?: string;
            json?: boolean;
          },
          ...rest: unknown[]
        ) => {
          const content = opts.file ? await readContentFile(ctx, opts.file) : undefined;
          const explicit = opts.version !== undefined ? parseVersion(opts.version) : undefined;
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath(`/impact-assessments/${checkAssessmentId(id)}`);
          const version = explicit ?? (await session.client.json<ImpactAssessmentView>("GET", path)).version;
          const a = await session.client.json<ImpactAssessmentView>("PATCH", path, {
            json: {
              version,
              ...(content ? { content } : {}),
              ...(opts.title ? { title: opts.title } : {}),
              ...(checkVariant(opts.variant) ? { variant: opts.variant } : {}),
              ...(opts.nextReview ? { nextReviewDate: opts.nextReview } : {}),
            },
          });
          ctx.out(opts.json ? printJson(a) : assessmentDetails(a));
        },
      ),
    );

  ia.command("notify")
    .summary("record that the market-surveillance authority was notified of an approved FRIA (Art. 27(3))")
    .argument("<id>", "the assessment's id")
    .requiredOption("--on <YYYY-MM-DD>", "the day the authority was notified")
    .requiredOption("--authority <name>", "which authority")
    .option("--reference <ref>", "the authority's or your reference")
    .option("--note <text>", "a note")
    .option("--json", "print the assessment as JSON")
    .action(
      ctx.action(
        async (
          id: string,
          opts: { on: string; authority: string; reference?: string; note?: string; json?: boolean },
          ...rest: unknown[]
        ) => {
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath(`/impact-assessments/${checkAssessmentId(id)}/notifications`);
          const a = await session.client.json<ImpactAssessmentView>("POST", path, {
            json: {
              notifiedOn: opts.on,
              authority: opts.authority,
              ...(opts.reference ? { reference: opts.reference } : {}),
              ...(opts.note ? { note: opts.note } : {}),
            },
          });
          ctx.out(
            opts.json ? printJson(a) : `Recorded the notification of ${a.title} to ${opts.authority}.\n`,
          );
        },
      ),
    );
}
