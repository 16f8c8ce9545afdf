import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerMigrate } from "./migrate";

export function registerDbCommands(program: Command, ctx: CommandContext) {
  const db = program.command("db").summary("local database administration (no server needed)");
  registerMigrate(db, ctx);
}
