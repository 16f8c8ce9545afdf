import type { Command } from "commander";
import { taskOrigins, taskStatusFilters, TaskListQuery, type TaskView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { fetchPages } from "../../http/pages";
import { taskTable, validateTaskInput } from "./present";

interface ListOptions {
  mine?: boolean;
  overdue?: boolean;
  status?: string;
  assignee?: string;
  origin?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  all?: boolean;
  json?: boolean;
}

const flagOf = {
  status: "--status",
  assigneeId: "--assignee",
  origin: "--origin",
  sort: "--sort",
  limit: "--limit",
  cursor: "--cursor",
};

export function registerList(tasks: Command, ctx: CommandContext) {
  tasks
    .command("list")
    .alias("ls")
    .summary("list tasks (by due date)")
    .option("--mine", "only tasks assigned to you")
    .option("--overdue", "only active tasks due before today (UTC)")
    .option("--status <status>", `one of: ${taskStatusFilters.join(", ")} (active = open or in progress)`)
    .option("--assignee <userId>", "only tasks assigned to this member")
    .option("--origin <origin>", `where the task came from: ${taskOrigins.join(", ")}`)
    .option("--sort <key>", "dueDate (default; undated last) or -createdAt (newest first)")
    .option("--limit <n>", "page size, 1–200 (default 50; 200 with --all)")
    .option("--cursor <cursor>", "continue after a previous page (its nextCursor)")
    .option("--all", "follow cursors and print every matching task")
    .option("--json", "print the raw JSON page ({ items, nextCursor, total })")
    .addHelpText(
      "after",
      "\nExamples:\n  aims tasks list --mine --status active\n  aims tasks list --overdue --json | jq -r '.items[].title'",
    )
    .action(
      ctx.action(async (opts: ListOptions, ...rest: unknown[]) => {
        const limit = opts.limit ?? (opts.all ? "200" : undefined);
        const candidate = Object.fromEntries(
          Object.entries({
            mine: opts.mine ? "true" : undefined,
            overdue: opts.overdue ? "true" : undefined,
            status: opts.status,
            assigneeId: opts.assignee,
            origin: opts.origin,
            sort: opts.sort,
            limit,
            cursor: opts.cursor,
          }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        validateTaskInput(TaskListQuery, candidate, flagOf);
        const session = await ctx.session(commandOf(rest));
        const page = await fetchPages<TaskView>(session, "/tasks", candidate, !!opts.all);
        if (opts.json) return ctx.out(printJson(page));
        if (page.items.length === 0) return ctx.out("No tasks match.\n");
        ctx.out(taskTable(page.items));
        const total = page.total !== undefined ? ` of ${page.total}` : "";
        ctx.note(`${page.items.length}${total} tasks.`);
        if (page.nextCursor) ctx.note(`More: add --cursor ${page.nextCursor} (or --all).`);
      }),
    );
}
