import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@openaims/db";
import { sql } from "drizzle-orm";

const mainTs = fileURLToPath(new URL("./main.ts", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "openaims-main-"));
const dataDir = join(root, "data");

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", mainTs], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      OPENAIMS_DATA_DIR: dataDir,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout!.on("data", (d) => (out.stdout += d));
  child.stderr!.on("data", (d) => (out.stderr += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, out, exited };
}

describe("npm start (the server process)", () => {
  let first: ReturnType<typeof start> | null = null;
  after(() => {
    first?.child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("refuses to start on invalid configuration, naming the variable", async () => {
    const bad = start({ PORT: "not-a-port" });
    assert.equal(await bad.exited, 1);
    assert.match(bad.out.stderr, /PORT="not-a-port": must be a number/);
    assert.doesNotMatch(bad.out.stderr, /at .*\.ts:\d+/); // no stack trace
  });

  it("starts on an empty embedded database and prints how to create the first owner", async () => {
    const port = await freePort();
    first = start({ PORT: String(port) });
    for (let i = 0; i < 300 && !first.out.stdout.includes("No owner exists yet"); i++) {
      if (first.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(first.out.stdout, /No owner exists yet/);
    assert.match(first.out.stdout, /aims admin bootstrap/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(health.status, 200);
  });

  it("keeps a second process off the same data directory with a clear message", async () => {
    const second = start({ PORT: String(await freePort()) });
    assert.equal(await second.exited, 1);
    assert.match(second.out.stderr, /already open in another process/);
  });

  it("shuts down cleanly on SIGTERM, releasing the lock and leaving the data directory usable", async () => {
    assert.ok(first);
    first.child.kill("SIGTERM");
    assert.equal(await first.exited, 0);
    assert.equal(existsSync(`${dataDir}.lock`), false);
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const r = await database.db.execute(sql`select count(*)::int as n from organizations`);
      assert.equal((r as unknown as { rows: { n: number }[] }).rows[0]!.n, 0);
    } finally {
      await database.close();
    }
  });
});
