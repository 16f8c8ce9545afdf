import type { Command } from "commander";
import { DataDirLockedError, migrateDatabase } from "@openaims/db";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode } from "../../exit-codes";
import { describeTarget, localTarget, withLocalDatabase } from "../../local/local-database";

export function registerMigrate(db: Command, ctx: CommandContext) {
  db.command("migrate")
    .summary("apply the database migrations (local; no server needed)")
    .description(
      "Applies the committed SQL migrations to DATABASE_URL (PostgreSQL) or, when it is not set, to the embedded\n" +
        "database in OPENAIMS_DATA_DIR (default ./.openaims/data). Safe to run again; the server also migrates on\n" +
        "start. The embedded database can only be opened while the server is stopped.",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  aims db migrate\n  DATABASE_URL=postgres://aims@db/aims aims db migrate",
    )
    .action(
      ctx.action(async () => {
        const target = localTarget(ctx.io);
        try {
          await withLocalDatabase(target, (database) => migrateDatabase(database));
        } catch (e) {
          if (e instanceof DataDirLockedError) throw new CliError(ExitCode.unreachable, e.message);
          if (e instanceof CliError) throw e;
          throw new CliError(
            ExitCode.failure,
            `Migrating ${describeTarget(target)} failed: ${(e as Error).message}`,
          );
        }
        ctx.out(`Migrated ${describeTarget(target)}.\n`);
      }),
    );
}
