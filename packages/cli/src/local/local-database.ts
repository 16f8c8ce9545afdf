import { resolve } from "node:path";
import { DataDirLockedError, openDatabase, redactUrl, type Database } from "@openaims/db";
import { CliError, ExitCode, usageError } from "../exit-codes";
import type { Io } from "../io";

export type LocalTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** The same choice the server makes: DATABASE_URL when set, else the embedded data directory. */
export function localTarget(io: Io): LocalTarget {
  const url = io.env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw usageError("DATABASE_URL must be a postgres:// or postgresql:// URL.");
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: resolve(io.cwd, io.env.OPENAIMS_DATA_DIR || "./.openaims/data") };
}

export const describeTarget = (t: LocalTarget) =>
  t.kind === "postgres" ? `PostgreSQL at ${redactUrl(t.url)}` : `the embedded database in ${t.dataDir}`;

/** Opens the database; DataDirLockedError passes through so callers can fall back to the running server. */
export async function openLocalDatabase(target: LocalTarget): Promise<Database> {
  try {
    const database =
      target.kind === "postgres"
        ? await openDatabase({ kind: "postgres", url: target.url, poolSize: 2 })
        : await openDatabase({ kind: "pglite", dataDir: target.dataDir });
    // the pool connects lazily: find out now whether PostgreSQL is there at all
    if (database.pool) {
      await database.pool.query("select 1").catch(async (e: unknown) => {
        await database.close().catch(() => undefined);
        throw e;
      });
    }
    return database;
  } catch (e) {
    if (e instanceof DataDirLockedError) throw e;
    throw new CliError(
      ExitCode.unreachable,
      `Cannot open ${describeTarget(target)}: ${(e as Error).message}`,
    );
  }
}

/** Runs `fn` with an open database and always closes it (releasing the data-dir lock). */
export async function withLocalDatabase<T>(
  target: LocalTarget,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const database = await openLocalDatabase(target);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
