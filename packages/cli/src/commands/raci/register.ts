import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerExport } from "./export";
import { registerShow } from "./show";

export function registerRaciCommands(program: Command, ctx: CommandContext) {
  const raci = program
    .command("raci")
    .summary("the RACI matrix of AIMS responsibilities (clause 5.3): show, export")
    .description("Who is Responsible, Accountable, Consulted and Informed for each AIMS activity.");
  registerShow(raci, ctx);
  registerExport(raci, ctx);
}
