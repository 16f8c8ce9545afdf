import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerList } from "./list";
import { registerShow } from "./show";
import { registerCreate, registerFromTemplate, registerTemplates } from "./create";
import { registerActions } from "./actions";

export function registerDocumentsCommands(program: Command, ctx: CommandContext) {
  const documents = program
    .command("documents")
    .alias("docs")
    .summary(
      "policies and procedures: list, show, create, templates, from-template, submit, approve, publish",
    )
    .description(
      "Documented information (ISO/IEC 42001 7.5): policies, procedures, records and plans with approvals.",
    );
  registerList(documents, ctx);
  registerShow(documents, ctx);
  registerCreate(documents, ctx);
  registerTemplates(documents, ctx);
  registerFromTemplate(documents, ctx);
  registerActions(documents, ctx);
}
