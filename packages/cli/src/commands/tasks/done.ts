import type { Command } from "commander";
import type { TaskView } from "@openaims/core";
import { commandOf, type CommandContext } from "../../command-context";
import { printJson } from "../../output/format";
import { parseVersion } from "../systems/version";
import { checkTaskId } from "./present";

export function registerDone(tasks: Command, ctx: CommandContext) {
  tasks
    .command("done")
    .summary("mark a task done")
    .argument("<id>", "the task's id")
    .option("--version <n>", "the version you last read (default: the current one)")
    .option("--json", "print the task as JSON")
    .action(
      ctx.action(async (id: string, opts: { version?: string; json?: boolean }, ...rest: unknown[]) => {
        checkTaskId(id);
        const explicit = opts.version !== undefined ? parseVersion(opts.version) : undefined;
        const session = await ctx.session(commandOf(rest));
        const path = await session.orgPath(`/tasks/${id}`);
        const version = explicit ?? (await session.client.json<TaskView>("GET", path)).version;
        const task = await session.client.json<TaskView>("PATCH", path, {
          json: { status: "done", version },
        });
        if (opts.json) return ctx.out(printJson(task));
        ctx.out(`Done: task ${task.id} (${task.title}); now version ${task.version}.\n`);
      }),
    );
}
