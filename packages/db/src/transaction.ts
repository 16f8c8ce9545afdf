import type { Database, Tx } from "./database";

/**
 * Runs `work` in one transaction. On PostgreSQL a serialization failure or deadlock is retried a few times;
 * PGlite has a single connection, so it never sees either.
 */
export async function inTransaction<T>(database: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction(work);
    } catch (e) {
      const code = sqlState(e);
      if ((code === "40001" || code === "40P01") && attempt < 5) continue;
      throw e;
    }
  }
}

/** The SQLSTATE of a database error, whether thrown by pg, PGlite or wrapped by Drizzle. */
export function sqlState(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  if (typeof err?.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) return err.code;
  if (typeof err?.cause?.code === "string") return err.cause.code;
  return undefined;
}
