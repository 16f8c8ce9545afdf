import type { Command } from "commander";
import { commandOf, type CommandContext } from "../../command-context";
import { profileName, readConfig, writeConfig } from "../../config/profiles";

export function registerLogout(program: Command, ctx: CommandContext) {
  program
    .command("logout")
    .summary("forget a saved profile")
    .description(
      "Removes the profile (and its token) from the local configuration. The token itself stays valid until\n" +
        "it expires or is revoked in the web UI under Settings → API tokens.",
    )
    .action(
      ctx.action(async (...args: unknown[]) => {
        const name = profileName(ctx.io, ctx.profileOption(commandOf(args)));
        const config = await readConfig(ctx.io);
        if (!config.profiles[name]) {
          ctx.out(`No profile named '${name}'; nothing to do.\n`);
          return;
        }
        delete config.profiles[name];
        await writeConfig(ctx.io, config);
        ctx.out(`Removed profile '${name}'. Revoke the token in the web UI if it is no longer needed.\n`);
      }),
    );
}
