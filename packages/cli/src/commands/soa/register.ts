import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerExport } from "./export";
import { registerSet } from "./set";
import { registerShow } from "./show";
import { registerVersions } from "./versions";

export function registerSoaCommands(program: Command, ctx: CommandContext) {
  const soa = program
    .command("soa")
    .summary("the Statement of Applicability (6.1.3): show, set, versions, export")
    .description(
      "Per Annex A control and per additional control: applicable or not, why, implementation status, owner,\n" +
        "applied controls and evidence. Versions freeze it for approval.",
    );
  registerShow(soa, ctx);
  registerSet(soa, ctx);
  registerVersions(soa, ctx);
  registerExport(soa, ctx);
}
