import type { Command } from "commander";
import { objectiveStatuses, ObjectiveListQuery, type ObjectiveSummaryView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { describeIssues } from "@openaims/core";
import { usageError } from "../../exit-codes";
import { objectiveTable } from "./present";

const flagOf: Record<string, string> = {
  status: "--status",
  ownerId: "--owner",
  q: "--q",
  archived: "--archived",
  limit: "--limit",
  cursor: "--cursor",
};

interface ListOptions {
  status?: string;
  owner?: string;
  q?: string;
  archived?: string | boolean;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerObjectiveList(objectives: Command, ctx: CommandContext) {
  objectives
    .command("list")
    .alias("ls")
    .summary("list AI objectives with their status")
    .option("--status <status>", `derived status: ${objectiveStatuses.join(", ")}`)
    .option("--owner <userId>", "owner's user id")
    .option("--q <text>", "search title, description and measure")
    .option(
      "--archived [which]",
      "archived objectives: 'true' (the default with no value), 'all', or 'false'",
    )
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching objective")
    .option("--json", "print the raw JSON page ({ items, nextCursor, total })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims objectives list --status off_track\n  aims objectives list --all --json | jq -r '.items[] | [.id, .status] | @tsv'",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const limit = opts.limit ?? (opts.all ? "200" : undefined);
        const candidate = Object.fromEntries(
          Object.entries({
            status: opts.status,
            ownerId: opts.owner,
            q: opts.q,
            archived: opts.archived === true ? "true" : opts.archived,
            limit,
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        // validated with the server's own schema, so a typo fails here with the flag named
        const parsed = ObjectiveListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({ path: flagOf[i.path] ?? i.path, message: i.message })),
          );
        const query = candidate;
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<ObjectiveSummaryView>(session, "/objectives", query, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No objectives match.\n");
        ctx.out(objectiveTable(page.items));
        const total = page.total !== undefined ? ` of ${page.total}` : "";
        ctx.note(`${page.items.length}${total} objectives.`);
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
