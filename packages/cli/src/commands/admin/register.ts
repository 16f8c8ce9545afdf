import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerBootstrap } from "./bootstrap";
import { registerSettings } from "./settings";

export function registerAdminCommands(program: Command, ctx: CommandContext) {
  const admin = program.command("admin").summary("local instance administration (no server needed)");
  registerBootstrap(admin, ctx);
  registerSettings(admin, ctx);
}
