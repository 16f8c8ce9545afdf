import type { Command } from "commander";
import { isOrgCreationMode, orgCreationModes } from "@openaims/core";
import { createAppContext, getOrgCreationMode, setOrgCreationMode } from "@openaims/app";
import { migrateDatabase } from "@openaims/db";
import type { CommandContext } from "../../command-context";
import { usageError } from "../../exit-codes";
import { localTarget, withLocalDatabase } from "../../local/local-database";

export function registerSettings(admin: Command, ctx: CommandContext) {
  const settings = admin.command("settings").summary("show or change instance settings (local)");
  settings
    .command("show", { isDefault: true })
    .summary("show the instance settings")
    .option("--json", "print JSON")
    .action(
      ctx.action(async (opts: { json?: boolean }) => {
        const mode = await withLocalDatabase(localTarget(ctx.io), async (database) => {
          await migrateDatabase(database);
          return getOrgCreationMode(database.db);
        });
        if (opts.json) ctx.out(JSON.stringify({ orgCreation: mode }));
        else
          ctx.out(`org-creation  ${mode}  (who may create organizations: ${orgCreationModes.join(" | ")})`);
      }),
    );
  settings
    .command("set")
    .summary("change a setting: set org-creation instance_admins|any_user")
    .argument("<name>", "the setting: org-creation")
    .argument("<value>", `for org-creation: ${orgCreationModes.join(" or ")}`)
    .action(
      ctx.action(async (name: string, value: string) => {
        if (name !== "org-creation") throw usageError(`Unknown setting '${name}'; known: org-creation.`);
        if (!isOrgCreationMode(value))
          throw usageError(`org-creation must be one of ${orgCreationModes.join(", ")}; got '${value}'.`);
        await withLocalDatabase(localTarget(ctx.io), async (database) => {
          await migrateDatabase(database);
          await setOrgCreationMode(createAppContext(database), value);
        });
        ctx.out(`org-creation is now ${value}.`);
      }),
    );
}
