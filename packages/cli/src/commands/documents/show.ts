import type { Command } from "commander";
import type { DocumentVersionView, DocumentView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { checkDocumentId, documentDetails } from "./present";

interface ShowOptions {
  text?: boolean;
  number?: string;
  json?: boolean;
}

export function registerShow(documents: Command, ctx: CommandContext) {
  documents
    .command("show")
    .summary("show a document, its versions, or a version's text")
    .argument("<id>", "the document's id")
    .option("--text", "print the Markdown text in force (or the latest text when none is in force)")
    .option("--number <n>", "print the text of version n")
    .option("--json", "print the raw JSON (DocumentView, or DocumentVersionView with --number)")
    .addHelpText(
      "after",
      "\nExamples:\n  aims documents show 6f1c… \n  aims documents show 6f1c… --text > policy.md\n  aims documents show 6f1c… --number 1 --json",
    )
    .action(
      ctx.action(async (id: string, opts: ShowOptions, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/documents/${checkDocumentId(id)}`);
        if (opts.number !== undefined) {
          const n = parseVersion(opts.number);
          const v = await session.client.json<DocumentVersionView>("GET", `${path}/versions/${n}`);
          return ctx.out(opts.json ? printJson(v) : v.body.endsWith("\n") ? v.body : `${v.body}\n`);
        }
        const doc = await session.client.json<DocumentView>("GET", path);
        if (opts.json) return ctx.out(printJson(doc));
        if (opts.text) {
          const body = (doc.current ?? doc.latest).body;
          return ctx.out(body.endsWith("\n") ? body : `${body}\n`);
        }
        ctx.out(documentDetails(doc));
      }),
    );
}
