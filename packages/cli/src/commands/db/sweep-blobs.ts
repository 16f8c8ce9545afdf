import { join, resolve } from "node:path";
import type { Command } from "commander";
import { createEvidenceStorage, DEFAULT_BLOB_SWEEP_GRACE_HOURS, sweepOrphanBlobs } from "@openaims/app";
import { DataDirLockedError } from "@openaims/db";
import type { CommandContext } from "../../command-context";
import { CliError, ExitCode, usageError } from "../../exit-codes";
import { describeTarget, localTarget, withLocalDatabase } from "../../local/local-database";

export function registerSweepBlobs(db: Command, ctx: CommandContext) {
  db.command("sweep-blobs")
    .summary("delete evidence files no evidence item names (local; no server needed)")
    .description(
      "Deletes stored evidence files that no evidence item of any organization names — left behind when a\n" +
        "process stopped between storing a file and recording it — and the leftovers of interrupted uploads.\n" +
        "Only files older than the grace period are touched, so an upload in progress is never disturbed.\n" +
        "The server does the same on its task schedule (OPENAIMS_TASK_SCHEDULE_MINUTES). The store is chosen\n" +
        "as the server chooses it: OPENAIMS_EVIDENCE_STORE, else the database with DATABASE_URL and the\n" +
        "directory OPENAIMS_EVIDENCE_DIR (default <OPENAIMS_DATA_DIR>/evidence) without it.",
    )
    .option("--older-than-hours <n>", "grace period in hours", String(DEFAULT_BLOB_SWEEP_GRACE_HOURS))
    .option("--json", "print the counts as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  aims db sweep-blobs\n  aims db sweep-blobs --older-than-hours 72 --json",
    )
    .action(
      ctx.action(async (opts: { olderThanHours: string; json?: boolean }) => {
        const graceHours = Number(opts.olderThanHours);
        if (!/^\d+(\.\d+)?$/.test(opts.olderThanHours) || !Number.isFinite(graceHours))
          throw usageError("--older-than-hours must be a number of hours ≥ 0.");
        const env = ctx.io.env;
        const storeVar = env.OPENAIMS_EVIDENCE_STORE;
        if (storeVar !== undefined && storeVar !== "fs" && storeVar !== "db")
          throw usageError("OPENAIMS_EVIDENCE_STORE must be fs or db.");
        const store = storeVar ?? (env.DATABASE_URL ? "db" : "fs");
        const dataDir = env.OPENAIMS_DATA_DIR || "./.openaims/data";
        const dir = resolve(ctx.io.cwd, env.OPENAIMS_EVIDENCE_DIR ?? join(dataDir, "evidence"));
        const target = localTarget(ctx.io);
        let result;
        try {
          result = await withLocalDatabase(target, (database) =>
            sweepOrphanBlobs(database, createEvidenceStorage(database, { store, dir }).store, { graceHours }),
          );
        } catch (e) {
          if (e instanceof DataDirLockedError) throw new CliError(ExitCode.unreachable, e.message);
          if (e instanceof CliError) throw e;
          throw new CliError(
            ExitCode.failure,
            `Sweeping evidence files in ${describeTarget(target)} failed: ${(e as Error).message}`,
          );
        }
        if (opts.json) ctx.out(`${JSON.stringify(result)}\n`);
        else
          ctx.out(
            `Examined ${result.examined} stored file(s) older than ${graceHours} h: removed ${result.removed} ` +
              `that no evidence item names and ${result.temporariesRemoved} interrupted upload(s).\n`,
          );
      }),
    );
}
