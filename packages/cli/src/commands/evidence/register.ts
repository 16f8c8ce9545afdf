import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerAdd } from "./add";
import { registerList } from "./list";
import { registerShow } from "./show";
import { registerDownload } from "./download";
import { registerArchiveAndDelete } from "./archive";

export function registerEvidenceCommands(program: Command, ctx: CommandContext) {
  const evidence = program
    .command("evidence")
    .summary("evidence files and links: add, list, show, download, archive, delete")
    .description(
      "Evidence: files and links that show the management system works, linked to what they demonstrate.",
    );
  registerAdd(evidence, ctx);
  registerList(evidence, ctx);
  registerShow(evidence, ctx);
  registerDownload(evidence, ctx);
  registerArchiveAndDelete(evidence, ctx);
}
