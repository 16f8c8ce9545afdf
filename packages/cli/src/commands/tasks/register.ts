import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerList } from "./list";
import { registerCreate } from "./create";
import { registerDone } from "./done";
import { registerGenerate } from "./generate";

export function registerTasksCommands(program: Command, ctx: CommandContext) {
  const tasks = program
    .command("tasks")
    .summary("tasks: list (--mine, --overdue), create, done, generate")
    .description("Tasks of the management system: made by hand, or generated from reviews due and SoA gaps.");
  registerList(tasks, ctx);
  registerCreate(tasks, ctx);
  registerDone(tasks, ctx);
  registerGenerate(tasks, ctx);
}
