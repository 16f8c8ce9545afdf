import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerList } from "./list";
import { registerShow } from "./show";

export function registerFrameworksCommands(program: Command, ctx: CommandContext) {
  const frameworks = program
    .command("frameworks")
    .summary("framework catalogues (ISO/IEC 42001…): list, show")
    .description(
      "The framework catalogues shipped with OpenAIMS: identifiers, short titles and our guidance.",
    );
  registerList(frameworks, ctx);
  registerShow(frameworks, ctx);
}
