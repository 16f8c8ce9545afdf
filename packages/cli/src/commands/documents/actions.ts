import type { Command } from "commander";
import type { DocumentView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { checkDocumentId } from "./present";

const verbs = {
  submit: { done: "Submitted for review", summary: "submit the draft for review" },
  approve: {
    done: "Approved",
    summary: "approve the version in review (never your own: four-eyes)",
  },
  publish: { done: "Published", summary: "publish the approved version (it comes into force)" },
  "mark-reviewed": {
    done: "Recorded a review of",
    summary: "record a periodic review with no change (moves the next review date on)",
  },
} as const;

function registerAction(documents: Command, ctx: CommandContext, verb: keyof typeof verbs) {
  documents
    .command(verb)
    .summary(verbs[verb].summary)
    .argument("<id>", "the document's id")
    .option("--comment <text>", "a note kept in the audit trail")
    .option("--version <n>", "the document version you last read (default: the current one)")
    .option("--json", "print the document as JSON")
    .action(
      ctx.action(
        async (
          id: string,
          opts: { comment?: string; version?: string; json?: boolean },
          ...rest: unknown[]
        ) => {
          const explicit = opts.version !== undefined ? parseVersion(opts.version) : undefined;
          const session = await ctx.session(commandOf(rest));
          const path = await session.orgPath(`/documents/${checkDocumentId(id)}`);
          const version = explicit ?? (await session.client.json<DocumentView>("GET", path)).version;
          const doc = await session.client.json<DocumentView>("POST", `${path}/${verb}`, {
            json: { version, ...(opts.comment ? { comment: opts.comment } : {}) },
          });
          if (opts.json) return ctx.out(printJson(doc));
          ctx.out(
            `${verbs[verb].done} ${doc.title} (version ${doc.latestVersion}, ${doc.status}); document now version ${doc.version}.\n`,
          );
        },
      ),
    );
}

export function registerActions(documents: Command, ctx: CommandContext) {
  for (const verb of Object.keys(verbs) as (keyof typeof verbs)[]) registerAction(documents, ctx, verb);
}
