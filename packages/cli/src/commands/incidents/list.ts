import type { Command } from "commander";
import { describeIssues, IncidentListQuery, incidentStatuses, type IncidentView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { fetchPages } from "../../http/pages";
import { printJson } from "../../output/format";
import { incidentTable } from "./present";

const flagOf: Record<string, string> = {
  status: "--status",
  open: "--open",
  limit: "--limit",
  cursor: "--cursor",
};

interface ListOptions {
  status?: string;
  open?: boolean;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

export function registerIncidentList(incidents: Command, ctx: CommandContext) {
  incidents
    .command("list")
    .alias("ls")
    .summary("list AI incidents with their next regulatory deadline")
    .option("--status <status>", `one of: ${incidentStatuses.join(", ")}`)
    .option("--open", "only incidents not yet resolved or closed")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching incident")
    .option("--json", "print the raw JSON page ({ items, nextCursor })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims incidents list --open\n  aims incidents list --all --json | jq '.items[].deadlines'",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const candidate = Object.fromEntries(
          Object.entries({
            status: opts.status,
            open: opts.open ? "true" : undefined,
            limit: opts.limit ?? (opts.all ? "200" : undefined),
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const parsed = IncidentListQuery.safeParse(candidate);
        if (!parsed.success)
          throw usageError(
            "Invalid filter.",
            describeIssues(parsed.error).map((i) => ({ path: flagOf[i.path] ?? i.path, message: i.message })),
          );
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<IncidentView>(session, "/incidents", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No incidents match.\n");
        ctx.out(incidentTable(page.items));
        ctx.note(`${page.items.length} incidents.`);
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
