import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerMigrate } from "./migrate";
import { registerSweepBlobs } from "./sweep-blobs";

export function registerDbCommands(program: Command, ctx: CommandContext) {
  const db = program.command("db").summary("local database administration (no server needed)");
  registerMigrate(db, ctx);
  registerSweepBlobs(db, ctx);
}
