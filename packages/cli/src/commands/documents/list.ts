import type { Command } from "commander";
import {
  documentKinds,
  DocumentListQuery,
  documentStatusFilters,
  reviewStatuses,
  type DocumentSummaryView,
} from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { fetchPages } from "../../http/pages";
import { validateFilter } from "../systems/filters";
import { documentTable } from "./present";

interface ListOptions {
  kind?: string;
  status?: string;
  review?: string;
  q?: string;
  template?: string;
  owner?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerList(documents: Command, ctx: CommandContext) {
  documents
    .command("list")
    .alias("ls")
    .summary("list documents")
    .option("--kind <kind>", `kind: ${documentKinds.join(", ")}`)
    .option("--status <status>", `latest version's status, or in_force: ${documentStatusFilters.join(", ")}`)
    .option("--review <state>", `review state of documents in force: ${reviewStatuses.join(", ")}`)
    .option("--q <text>", "search the title")
    .option("--template <key>", "created from this template (see 'aims documents templates')")
    .option("--owner <userId>", "owned by this member")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching document")
    .option("--json", "print the raw JSON page ({ items, nextCursor, total })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims documents list --review overdue\n  aims documents list --kind policy --status in_force --json",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const limit = opts.limit ?? (opts.all ? "200" : undefined);
        const candidate = Object.fromEntries(
          Object.entries({
            kind: opts.kind,
            status: opts.status,
            review: opts.review,
            q: opts.q,
            templateKey: opts.template,
            ownerId: opts.owner,
            limit,
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const query = validateFilter(DocumentListQuery, candidate);
        const page = await fetchPages<DocumentSummaryView>(session, "/documents", query, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No documents match.\n");
        ctx.out(documentTable(page.items));
        ctx.note(`${page.items.length}${page.total !== undefined ? ` of ${page.total}` : ""} documents.`);
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
