import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims audit on ${backend}`, () => {
    const t = useCliTestServer(backend);

    it("verifies an intact chain with exit 0, for people and as JSON", async () => {
      const { env } = await orgWithToken(t);
      assert.equal((await runCli(["systems", "create", "--name", "Audited"], { env })).code, 0);
      const r = await runCli(["audit", "verify"], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Audit trail intact: \d+ events checked; head #\d+ [0-9a-f]{64}\.$/m);
      const json = await runCli(["audit", "verify", "--json"], { env });
      assert.equal(json.code, 0);
      const result = JSON.parse(json.stdout);
      assert.equal(result.ok, true);
      assert.ok(result.checked >= 1);
    });

    it("exits 1 and names the first broken event when the chain was altered", async () => {
      const { org, env } = await orgWithToken(t);
      for (const name of ["One", "Two", "Three"]) {
        assert.equal((await runCli(["systems", "create", "--name", name], { env })).code, 0);
      }
      const { db } = t.server.database;
      const seq = 2;
      await db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      try {
        await db.execute(
          sql`update audit_events set payload = '{"name":"forged"}' where org_id = ${org.orgId} and seq = ${seq}`,
        );
      } finally {
        await db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      }
      const r = await runCli(["audit", "verify"], { env });
      assert.equal(r.code, 1);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, new RegExp(`^error: the audit trail is broken at event #${seq}: .+`));
      const json = await runCli(["audit", "verify", "--json"], { env });
      assert.equal(json.code, 1, "--json keeps the exit code");
      assert.deepEqual([JSON.parse(json.stdout).ok, JSON.parse(json.stdout).firstBrokenSeq], [false, seq]);
    });

    it("lists audit events, filtered by entity, newest first", async () => {
      const { env } = await orgWithToken(t);
      const s = JSON.parse(
        (await runCli(["systems", "create", "--name", "Tracked", "--json"], { env })).stdout,
      );
      assert.equal((await runCli(["systems", "update", s.id, "--purpose", "changed"], { env })).code, 0);
      const r = await runCli(["audit", "events", "--entity-type", "ai_system", "--entity-id", s.id], { env });
      assert.equal(r.code, 0, r.stderr);
      const rows = r.stdout.trimEnd().split("\n");
      assert.match(rows[0]!, /^SEQ +WHEN +EVENT +ENTITY +ACTOR$/);
      assert.deepEqual(
        rows.slice(1).map((l) => l.split(/ {2,}/)[2]),
        ["ai_system.updated", "ai_system.created"],
      );
      const json = JSON.parse((await runCli(["audit", "events", "--limit", "1", "--json"], { env })).stdout);
      assert.equal(json.items.length, 1);
      assert.ok(json.nextCursor);
    });

    it("rejects a bad --from with exit 2, naming the flag", async () => {
      const { env } = await orgWithToken(t);
      const r = await runCli(["audit", "events", "--from", "yesterday"], { env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^ {2}--from: must be an ISO 8601 date-time$/m);
    });
  });
}
