import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Actor } from "@openaims/core";
import { inTransaction, startAuditChain, tables, verifyAuditChain, type Database } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { actorInOrg } from "../access/authenticate";
import { createAppContext, type AppContext } from "../shared/context";
import { archiveAiSystem } from "./archive-ai-system";
import { createAiSystem } from "./create-ai-system";
import { importAiSystems } from "./import-ai-systems";
import { listAiSystems } from "./list-ai-systems";
import { restoreAiSystem } from "./restore-ai-system";
import { updateAiSystem } from "./update-ai-system";

const meta = { requestId: "test" };

async function newOrg(ctx: AppContext): Promise<Actor> {
  const orgId = randomUUID();
  const [user] = await ctx.database.db
    .insert(tables.users)
    .values({ email: `${orgId}@example.test`, name: "Owner" })
    .returning();
  await inTransaction(ctx.database, async (tx) => {
    await tx.insert(tables.organizations).values({ id: orgId, name: "Org" });
    await startAuditChain(tx, orgId);
    await tx.insert(tables.memberships).values({ orgId, userId: user!.id, role: "owner" });
  });
  return actorInOrg(
    ctx,
    {
      userId: user!.id,
      email: user!.email,
      name: user!.name,
      isInstanceAdmin: false,
      via: "session",
      sessionId: null,
      csrfToken: null,
      token: null,
    },
    orgId,
  );
}

/** The counter row next to a real count over ai_systems. */
async function countsOf(database: Database, orgId: string) {
  const { rows } = (await database.db.execute(sql`select
      (select live from ai_system_counts where org_id = ${orgId}) as live,
      (select archived from ai_system_counts where org_id = ${orgId}) as archived,
      (select count(*) from ai_systems where org_id = ${orgId} and archived_at is null)::int as real_live,
      (select count(*) from ai_systems where org_id = ${orgId} and archived_at is not null)::int as real_archived`)) as unknown as {
    rows: { live: number | null; archived: number | null; real_live: number; real_archived: number }[];
  };
  const r = rows[0]!;
  return { counter: [r.live ?? 0, r.archived ?? 0], real: [r.real_live, r.real_archived] };
}

async function assertExact(ctx: AppContext, actor: Actor, expected: [number, number], step: string) {
  const c = await countsOf(ctx.database, actor.orgId);
  assert.deepEqual(c.real, expected, `${step}: the real count is not what the test set up`);
  assert.deepEqual(c.counter, c.real, `${step}: ai_system_counts drifted from the real count`);
  // and the list's unfiltered totals read it
  const live = await listAiSystems(ctx, actor, { limit: 1 });
  const archived = await listAiSystems(ctx, actor, { limit: 1, archived: "true" });
  const all = await listAiSystems(ctx, actor, { limit: 1, archived: "all" });
  assert.deepEqual(
    [live.total, archived.total, all.total],
    [expected[0], expected[1], expected[0] + expected[1]],
    `${step}: list totals`,
  );
}

for (const backend of testBackends()) {
  describe(`AI system counts (the list's unfiltered total) on ${backend}`, () => {
    let ctx: AppContext;
    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
    });
    after(async () => ctx?.database.close());

    it("stay exact through create, edit, archive, restore, import and bulk SQL writes", async () => {
      const actor = await newOrg(ctx);
      const other = await newOrg(ctx);
      await assertExact(ctx, actor, [0, 0], "new org");

      const a = await createAiSystem(ctx, actor, meta, { name: "A" });
      const b = await createAiSystem(ctx, actor, meta, { name: "B" });
      await createAiSystem(ctx, other, meta, { name: "Other org" });
      await assertExact(ctx, actor, [2, 0], "after two creates");

      await updateAiSystem(ctx, actor, meta, a.id, { version: 1, name: "A renamed" });
      await assertExact(ctx, actor, [2, 0], "an edit changes no count");

      await archiveAiSystem(ctx, actor, meta, a.id, 2);
      await assertExact(ctx, actor, [1, 1], "after archive");
      await restoreAiSystem(ctx, actor, meta, a.id, 3);
      await assertExact(ctx, actor, [2, 0], "after restore");
      await archiveAiSystem(ctx, actor, meta, b.id, 1);

      // import: two new rows and an update of a live system (the upsert path)
      await importAiSystems(ctx, actor, meta, { csv: `id,name\n,New one\n,New two\n${a.id},A imported\n` });
      await assertExact(ctx, actor, [3, 1], "after import");

      // a failing all-or-nothing import stores nothing, counts included
      await assert.rejects(
        importAiSystems(ctx, actor, meta, { csv: `name,lifecycleStage\nFine,idea\nBroken,nonsense\n` }),
      );
      await assertExact(ctx, actor, [3, 1], "after a rejected import");

      // a rolled-back transaction leaves the counter as it was
      await assert.rejects(
        inTransaction(ctx.database, async (tx) => {
          await tx.insert(tables.aiSystems).values({ orgId: actor.orgId, name: "Rolled back" });
          throw new Error("roll back");
        }),
      );
      await assertExact(ctx, actor, [3, 1], "after a rollback");

      // bulk SQL, as the benchmark seeds: one statement, two orgs, some rows already archived
      await ctx.database.db.execute(sql`insert into ai_systems (org_id, name, archived_at)
        select case when i % 3 = 0 then ${other.orgId}::uuid else ${actor.orgId}::uuid end, 'Bulk ' || i,
          case when i % 5 = 0 then now() end
        from generate_series(1, 30) i`);
      // i in 1..30 for actor: i%3<>0 → 20 rows, of which i%5=0 → 5,10,20,25 → 4 archived
      await assertExact(ctx, actor, [3 + 16, 1 + 4], "after a bulk insert");
      const otherCounts = await countsOf(ctx.database, other.orgId);
      assert.deepEqual(otherCounts.counter, otherCounts.real, "the other org's counter");

      // a statement archiving many rows at once, then a delete (nothing deletes systems today; the trigger copes)
      await ctx.database.db.execute(
        sql`update ai_systems set archived_at = now() where org_id = ${actor.orgId} and name like 'Bulk %' and archived_at is null`,
      );
      await assertExact(ctx, actor, [3, 21], "after a bulk archive");
      await ctx.database.db.execute(
        sql`delete from ai_systems where org_id = ${actor.orgId} and name like 'Bulk %'`,
      );
      await assertExact(ctx, actor, [3, 1], "after a delete");

      // filtered totals still count the filter
      const filtered = await listAiSystems(ctx, actor, { limit: 1, q: "new" });
      assert.equal(filtered.total, 2);
      assert.equal((await verifyAuditChain(ctx.database.db, actor.orgId)).ok, true);
    });

    if (backend === "postgres")
      it("stay exact with concurrent writers: creates, archives, restores and imports at once", async () => {
        const actor = await newOrg(ctx);
        const seeded = await Promise.all(
          Array.from({ length: 20 }, (_, i) => createAiSystem(ctx, actor, meta, { name: `Seed ${i}` })),
        );
        await Promise.all([
          ...Array.from({ length: 40 }, (_, i) => createAiSystem(ctx, actor, meta, { name: `C ${i}` })),
          ...seeded.slice(0, 10).map((s) => archiveAiSystem(ctx, actor, meta, s.id, 1)),
          ...Array.from({ length: 5 }, (_, i) =>
            importAiSystems(ctx, actor, meta, { csv: `name\nImport ${i} a\nImport ${i} b\nImport ${i} c\n` }),
          ),
        ]);
        await Promise.all(seeded.slice(0, 4).map((s) => restoreAiSystem(ctx, actor, meta, s.id, 2)));
        // 20 + 40 + 15 created; 10 archived, 4 restored
        await assertExact(ctx, actor, [20 + 40 + 15 - 6, 6], "after concurrent writers");
        assert.equal((await verifyAuditChain(ctx.database.db, actor.orgId)).ok, true);
      });
  });
}
