import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestDatabase, testBackends } from "./testing/test-database";
import { appendAuditEvents, startAuditChain, verifyAuditChain } from "./audit-chain";
import { inTransaction } from "./transaction";
import { auditEvents, organizations } from "./schema";
import { eq } from "drizzle-orm";
import type { Database } from "./database";

const appendOnly = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message));

for (const backend of testBackends()) {
  describe(`audit chain on ${backend}`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDatabase(backend);
    });
    after(async () => database?.close());

    async function newOrg() {
      const id = randomUUID();
      await inTransaction(database, async (tx) => {
        await tx.insert(organizations).values({ id, name: `Org ${id.slice(0, 6)}` });
        await startAuditChain(tx, id);
      });
      return id;
    }
    const stamp = () => ({
      actorType: "system" as const,
      actorId: null,
      requestId: "test",
      occurredAt: new Date(),
    });
    const event = (i: number) => ({
      type: "ai_system.created" as const,
      entityType: "ai_system" as const,
      entityId: `sys-${i}`,
      payload: { diff: { name: [null, `System ${i}`] }, nested: { b: 1, a: [1, "x", null] } },
    });

    it("appends events with consecutive sequence numbers and a chain that verifies", async () => {
      const orgId = await newOrg();
      await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [event(1), event(2)]));
      await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [event(3)]));
      const result = await verifyAuditChain(database.db, orgId);
      assert.deepEqual(
        { ok: result.ok, checked: result.checked, headSeq: result.headSeq },
        { ok: true, checked: 3, headSeq: 3 },
      );
    });

    it("keeps each organization's chain separate", async () => {
      const a = await newOrg();
      const b = await newOrg();
      await inTransaction(database, (tx) => appendAuditEvents(tx, a, stamp(), [event(1), event(2)]));
      await inTransaction(database, (tx) => appendAuditEvents(tx, b, stamp(), [event(1)]));
      assert.equal((await verifyAuditChain(database.db, a)).checked, 2);
      assert.equal((await verifyAuditChain(database.db, b)).checked, 1);
    });

    it("rejects UPDATE and DELETE on audit events", async () => {
      const orgId = await newOrg();
      await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [event(1)]));
      await assert.rejects(
        database.db.execute(sql`update audit_events set type = 'x' where org_id = ${orgId}`),
        appendOnly,
      );
      await assert.rejects(
        database.db.execute(sql`delete from audit_events where org_id = ${orgId}`),
        appendOnly,
      );
      assert.equal((await verifyAuditChain(database.db, orgId)).ok, true);
    });

    it("rolls back events with the transaction that failed", async () => {
      const orgId = await newOrg();
      await assert.rejects(
        inTransaction(database, async (tx) => {
          await appendAuditEvents(tx, orgId, stamp(), [event(1)]);
          throw new Error("boom");
        }),
        /boom/,
      );
      const result = await verifyAuditChain(database.db, orgId);
      assert.deepEqual([result.ok, result.checked], [true, 0]);
    });

    it("detects an altered event, a removed event and a truncated tail", async () => {
      const orgId = await newOrg();
      await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [1, 2, 3, 4].map(event)));
      // Only a superuser who switches the trigger off can do this; verification must still notice.
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      try {
        await database.db.execute(
          sql`update audit_events set payload = '{"diff":{"name":[null,"forged"]}}' where org_id = ${orgId} and seq = 2`,
        );
        const altered = await verifyAuditChain(database.db, orgId);
        assert.deepEqual([altered.ok, altered.firstBrokenSeq], [false, 2]);

        await database.db.execute(sql`delete from audit_events where org_id = ${orgId} and seq = 2`);
        const removed = await verifyAuditChain(database.db, orgId);
        assert.deepEqual([removed.ok, removed.firstBrokenSeq], [false, 2]);

        await database.db.execute(sql`delete from audit_events where org_id = ${orgId} and seq >= 2`);
        const truncated = await verifyAuditChain(database.db, orgId);
        assert.deepEqual([truncated.ok, truncated.checked, truncated.firstBrokenSeq], [false, 1, 2]);
      } finally {
        await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      }
    });

    for (const [separator, code] of [
      ["field", 30],
      ["event", 29],
    ] as const)
      it(`detects a field altered to contain the verifier's ${separator} separator`, async () => {
        const orgId = await newOrg();
        await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [1, 2, 3].map(event)));
        await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
        try {
          await database.db.execute(
            sql`update audit_events set entity_id = 'sys-2' || chr(${sql.raw(String(code))}) || 'x' where org_id = ${orgId} and seq = 2`,
          );
        } finally {
          await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
        }
        const result = await verifyAuditChain(database.db, orgId);
        assert.deepEqual([result.ok, result.firstBrokenSeq, result.checked], [false, 2, 1]);
      });

    it("verifies across fetch batches and finds breaks at and next to their boundaries", async () => {
      const orgId = await newOrg();
      await inTransaction(database, (tx) =>
        appendAuditEvents(tx, orgId, stamp(), [1, 2, 3, 4, 5, 6, 7].map(event)),
      );
      // batches of two: (0,2] (2,4] (4,6] (6,7] and the open-ended one beyond the head
      const ok = await verifyAuditChain(database.db, orgId, { batchSize: 2 });
      assert.deepEqual([ok.ok, ok.checked], [true, 7]);
      await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      try {
        await database.db.execute(
          sql`update audit_events set type = 'ai_system.updated' where org_id = ${orgId} and seq = 5`,
        );
        const altered = await verifyAuditChain(database.db, orgId, { batchSize: 2 });
        assert.deepEqual([altered.ok, altered.firstBrokenSeq, altered.checked], [false, 5, 4]);
        assert.match(altered.reason ?? "", /content does not match/);
        await database.db.execute(sql`delete from audit_events where org_id = ${orgId} and seq = 4`);
        const removed = await verifyAuditChain(database.db, orgId, { batchSize: 2 });
        assert.deepEqual([removed.ok, removed.firstBrokenSeq, removed.checked], [false, 4, 3]);
        assert.match(removed.reason ?? "", /event 4 is missing/);
      } finally {
        await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
      }
    });

    it("detects an event inserted behind the chain's back, beyond its head", async () => {
      const orgId = await newOrg();
      await inTransaction(database, (tx) => appendAuditEvents(tx, orgId, stamp(), [event(1)]));
      const [first] = await database.db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId));
      // INSERT is allowed (the log is append-only), but an append that skips the head lock is not part of the chain.
      await database.db
        .insert(auditEvents)
        .values({ ...first!, seq: 2, id: randomUUID(), prevHash: first!.hash });
      const result = await verifyAuditChain(database.db, orgId);
      assert.deepEqual([result.ok, result.firstBrokenSeq, result.checked], [false, 2, 1]);
      assert.match(result.reason ?? "", /beyond the chain head/);
    });
  });
}
