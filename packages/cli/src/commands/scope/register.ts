import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerShow } from "./show";

export function registerScopeCommands(program: Command, ctx: CommandContext) {
  const scope = program
    .command("scope")
    .summary("the AIMS scope (ISO/IEC 42001 clause 4.3): show")
    .description("The scope of the AI management system: statement, inclusions, exclusions and boundaries.");
  registerShow(scope, ctx);
}
