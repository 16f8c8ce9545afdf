import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type Database } from "../database";
import { migrateDatabase, migrationsFolder } from "../migrate";

export type TestBackend = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when OPENAIMS_TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  return process.env.OPENAIMS_TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

async function migrationsFingerprint(): Promise<string> {
  const h = createHash("sha256");
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else h.update(entry.name).update(await readFile(p));
    }
  };
  await walk(migrationsFolder);
  return h.digest("hex").slice(0, 16);
}

let templateDump: Promise<Blob> | null = null;

/**
 * A migrated PGlite data directory, built once (initdb takes ~5 s) and cached in the OS temp dir across test
 * processes, keyed by the migrations' content; each test database is loaded from it in about a second.
 */
function migratedTemplate(): Promise<Blob> {
  templateDump ??= (async () => {
    const dir = join(tmpdir(), "openaims-test-templates");
    const file = join(dir, `pglite-${await migrationsFingerprint()}.tar.gz`);
    if (existsSync(file)) return new Blob([await readFile(file)]);
    const lite = await PGlite.create();
    const database = await openDatabase({
      kind: "pglite-instance",
      pglite: lite,
      location: "memory://template",
    });
    await migrateDatabase(database);
    const dump = await lite.dumpDataDir("gzip");
    await lite.close();
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await rename(tmp, file);
    return dump;
  })();
  return templateDump;
}

/** A fresh, migrated database of the given backend; `close()` also drops a PostgreSQL test database. */
export async function createTestDatabase(backend: TestBackend = "pglite"): Promise<Database> {
  if (backend === "pglite") {
    const lite = await PGlite.create({ loadDataDir: await migratedTemplate() });
    return openDatabase({ kind: "pglite-instance", pglite: lite, location: "memory://test" });
  }
  const url = process.env.OPENAIMS_TEST_DATABASE_URL;
  if (!url) throw new Error("OPENAIMS_TEST_DATABASE_URL is not set");
  const name = `openaims_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: u.toString(), poolSize: 20 });
  await migrateDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
