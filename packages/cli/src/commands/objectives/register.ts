import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerObjectiveList } from "./list";
import { registerObjectiveShow } from "./show";
import { registerObjectiveProgress } from "./progress";

export function registerObjectivesCommands(program: Command, ctx: CommandContext) {
  const objectives = program
    .command("objectives")
    .summary("AI objectives (6.2): list, show, record progress")
    .description("The organization's AI objectives and their progress; pipelines push measured values.");
  registerObjectiveList(objectives, ctx);
  registerObjectiveShow(objectives, ctx);
  registerObjectiveProgress(objectives, ctx);
}
