import type { Command } from "commander";
import { AiSystemListQuery, type AiSystemView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { fetchPages } from "../../http/pages";
import { addFilterOptions, filterCandidate, sortHelp, validateFilter, type FilterOptions } from "./filters";
import { systemTable } from "./present";

interface ListOptions extends FilterOptions {
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerList(systems: Command, ctx: CommandContext) {
  addFilterOptions(systems.command("list").alias("ls").summary("list AI systems"))
    .option("--sort <key>", sortHelp)
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching system")
    .option("--json", "print the raw JSON page ({ items, nextCursor, total })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims systems list --stage deployed --tag hr\n  aims systems list --all --json | jq -r '.items[].name'",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const session = await ctx.session(commandOf(rest));
        const limit = opts.limit ?? (opts.all ? "200" : undefined);
        const candidate = {
          ...filterCandidate(opts),
          ...(limit ? { limit } : {}),
          ...(opts.cursor ? { cursor: opts.cursor } : {}),
        };
        const query = validateFilter(AiSystemListQuery, candidate);
        const page = await fetchPages<AiSystemView>(session, "/ai-systems", query, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No AI systems match.\n");
        ctx.out(systemTable(page.items));
        const total = page.total !== undefined ? ` of ${page.total}` : "";
        ctx.note(`${page.items.length}${total} AI systems.`);
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
