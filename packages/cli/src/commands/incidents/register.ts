import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerIncidentList } from "./list";
import { registerIncidentReport } from "./report";
import { registerIncidentShow } from "./show";

export function registerIncidentsCommands(program: Command, ctx: CommandContext) {
  const incidents = program
    .command("incidents")
    .summary("AI incidents (A.8.4; EU AI Act Art. 73): list, show, report")
    .description("The AI incident register with the serious-incident test and its regulatory deadlines.");
  registerIncidentList(incidents, ctx);
  registerIncidentShow(incidents, ctx);
  registerIncidentReport(incidents, ctx);
}
