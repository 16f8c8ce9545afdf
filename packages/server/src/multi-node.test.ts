import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { bootstrapInstance, createAppContext, hashSecret, newSecret } from "@openaims/app";
import { openDatabase, tables, verifyAuditChain, type Database } from "@openaims/db";

const adminUrl = process.env.OPENAIMS_TEST_DATABASE_URL;
const MUTATIONS = 1000;
const CONCURRENCY = 50;
const mainTs = fileURLToPath(new URL("./main.ts", import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

describe(
  "two server processes on one PostgreSQL",
  { skip: adminUrl ? false : "needs OPENAIMS_TEST_DATABASE_URL" },
  () => {
    const dbName = `openaims_multinode_${randomBytes(4).toString("hex")}`;
    const children: ChildProcess[] = [];
    const urls: string[] = [];
    let database: Database;

    before(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const u = new URL(adminUrl!);
      u.pathname = `/${dbName}`;
      const databaseUrl = u.toString();
      // Both nodes start at once on an empty database: they must not collide while migrating.
      const ports = [await freePort(), await freePort()];
      const logs: string[] = ["", ""];
      ports.forEach((port, i) => {
        const child = spawn(process.execPath, ["--import", "tsx", mainTs], {
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            HOST: "127.0.0.1",
            LOG_LEVEL: "warn",
            DATABASE_POOL_SIZE: "20",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout!.on("data", (d) => (logs[i] += d));
        child.stderr!.on("data", (d) => (logs[i] += d));
        children.push(child);
        urls.push(`http://127.0.0.1:${port}`);
      });
      await Promise.all(urls.map((url, i) => waitForHealth(url, children[i]!, () => logs[i]!)));
      database = await openDatabase({ kind: "postgres", url: databaseUrl });
    });

    after(async () => {
      for (const c of children) c.kill("SIGTERM");
      await Promise.all(
        children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))),
      );
      await database?.close();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    });

    it(`records ${MUTATIONS} concurrent mutations as ${MUTATIONS} new events in a chain that verifies`, async () => {
      const ctx = createAppContext(database);
      const { orgId, userId } = await bootstrapInstance(ctx, {
        email: "owner@example.test",
        password: "correct horse battery staple",
        org: "Concurrency Ltd",
      });
      const token = newSecret("oa_");
      await database.db.insert(tables.apiTokens).values({
        orgId,
        userId,
        name: "load",
        role: "owner",
        tokenHash: hashSecret(token),
        prefix: token.slice(0, 10),
      });
      const before = await verifyAuditChain(database.db, orgId);
      assert.equal(before.ok, true);

      let next = 0;
      const failures: string[] = [];
      const worker = async () => {
        while (next < MUTATIONS) {
          const i = next++;
          const res = await fetch(`${urls[i % 2]}/api/v1/orgs/${orgId}/ai-systems`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ name: `System ${i}`, lifecycleStage: "development" }),
          });
          if (res.status !== 201) failures.push(`${res.status} ${await res.text()}`);
          else await res.arrayBuffer();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      assert.deepEqual(failures.slice(0, 3), []);

      const result = await verifyAuditChain(database.db, orgId);
      assert.equal(result.ok, true, result.reason);
      assert.equal(result.checked, before.checked + MUTATIONS);
      const created = await database.pool!.query(
        "select count(*)::int as n, count(distinct seq)::int as seqs from audit_events where org_id = $1 and type = 'ai_system.created'",
        [orgId],
      );
      assert.deepEqual(created.rows[0], { n: MUTATIONS, seqs: MUTATIONS });
      const systems = await database.pool!.query(
        "select count(*)::int as n from ai_systems where org_id = $1",
        [orgId],
      );
      assert.equal(systems.rows[0].n, MUTATIONS);
    });
  },
);
