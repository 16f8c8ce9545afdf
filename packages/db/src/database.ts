import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock";

export type Schema = typeof schema;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: Db;
  /** a human-readable location for logs (never the password) */
  readonly location: string;
  /** the PGlite instance, for embedded-only operations (tests clone it) */
  readonly pglite: PGlite | null;
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string | null; lock?: boolean }
  | { kind: "pglite-instance"; pglite: PGlite; location: string };

// PostgreSQL returns int8 and numeric as strings; our counts and sequences fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    pool.on("error", () => {
      /* an idle client lost its connection; the pool replaces it on next use */
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      location: redactUrl(config.url),
      pglite: null,
      pool,
      close: () => pool.end(),
    };
  }
  if (config.kind === "pglite-instance") {
    return wrapPglite(config.pglite, config.location, null);
  }
  let lock: DataDirLock | null = null;
  if (config.dataDir && config.lock !== false) lock = await acquireDataDirLock(config.dataDir);
  try {
    const lite = config.dataDir ? await PGlite.create(config.dataDir) : await PGlite.create();
    return wrapPglite(lite, config.dataDir ?? "memory://", lock);
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

function wrapPglite(lite: PGlite, location: string, lock: DataDirLock | null): Database {
  const db = drizzlePglite(lite, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    location,
    pglite: lite,
    pool: null,
    close: async () => {
      try {
        if (!lite.closed) await lite.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}
