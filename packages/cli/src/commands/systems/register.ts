import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerList } from "./list";
import { registerShow } from "./show";
import { registerCreate } from "./create";
import { registerUpdate } from "./update";
import { registerArchive, registerRestore } from "./archive";
import { registerHistory } from "./history";
import { registerImport } from "./import";
import { registerExport } from "./export";
import { registerSystemClassify, registerSystemObligations } from "./classification";

export function registerSystemsCommands(program: Command, ctx: CommandContext) {
  const systems = program
    .command("systems")
    .summary("the AI system register: list, show, create, update, archive, import, export")
    .description("The organization's AI system register (inventory).");
  registerList(systems, ctx);
  registerShow(systems, ctx);
  registerCreate(systems, ctx);
  registerUpdate(systems, ctx);
  registerArchive(systems, ctx);
  registerRestore(systems, ctx);
  registerHistory(systems, ctx);
  registerImport(systems, ctx);
  registerExport(systems, ctx);
  registerSystemClassify(systems, ctx);
  registerSystemObligations(systems, ctx);
}
