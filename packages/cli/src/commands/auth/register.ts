import type { Command } from "commander";
import type { CommandContext } from "../../command-context";
import { registerLogin } from "./login";
import { registerLogout } from "./logout";
import { registerWhoami } from "./whoami";

export function registerAuthCommands(program: Command, ctx: CommandContext) {
  registerLogin(program, ctx);
  registerLogout(program, ctx);
  registerWhoami(program, ctx);
}
