import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerVerify } from "./verify";
import { registerEvents } from "./events";

export function registerAuditCommands(program: Command, ctx: CommandContext) {
  const audit = program
    .command("audit")
    .summary("the audit trail: verify the hash chain, list events")
    .description("The organization's append-only, hash-chained audit trail.");
  registerVerify(audit, ctx);
  registerEvents(audit, ctx);
}
