import { fileURLToPath } from "node:url";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./database";
import * as schema from "./schema";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/** A fixed advisory-lock key: nodes starting together take turns, the later ones find nothing left to do. */
const MIGRATION_LOCK_KEY = 4_207_001;

/** Applies the committed SQL migrations. Safe to call from several processes at once on PostgreSQL. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    // One process holds the data-dir lock, so there is nobody to race with.
    await migratePglite(database.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
