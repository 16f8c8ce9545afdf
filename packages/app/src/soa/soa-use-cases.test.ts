import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, buildTestOrg, commandFilesIn, expectAuditEvent } from "../testing";
import { archiveAppliedControl } from "./archive-applied-control";
import { createAppliedControl } from "./create-applied-control";
import { createSoaVersion } from "./create-soa-version";
import { approveSoaVersion } from "./approve-soa-version";
import { rejectSoaVersion } from "./reject-soa-version";
import { getSoa } from "./get-soa";
import { getSoaVersion } from "./get-soa-version";
import { restoreAppliedControl } from "./restore-applied-control";
import { approvedSoaVersionsReferencing } from "./soa-references";
import { updateAppliedControl } from "./update-applied-control";
import { updateSoaEntry } from "./update-soa-entry";

const meta = { requestId: "test" };

for (const backend of testBackends()) {
  describe(`SoA use cases on ${backend}`, () => {
    let ctx: AppContext;
    let lead: Actor;
    let other: Actor;
    let orgId: string;

    async function addEvidence(title: string, target: { type: string; id: string }, archived = false) {
      const [ev] = await ctx.database.db
        .insert(tables.evidence)
        .values({
          orgId,
          kind: "link",
          title,
          url: "https://example.test",
          source: "manual",
          archivedAt: archived ? new Date() : null,
        })
        .returning();
      await ctx.database.db.insert(tables.recordLinks).values({
        orgId,
        sourceType: "evidence",
        sourceId: ev!.id,
        targetType: target.type,
        targetId: target.id,
      });
      return ev!.id;
    }

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      orgId = await buildTestOrg(ctx);
      lead = await buildActor(ctx, orgId, "owner", { name: "Lead" });
      other = await buildActor(ctx, orgId, "governance_lead", { name: "Other" });
    });
    after(async () => ctx?.database.close());

    it("every mutating use case appends at least one audit event, and the chain stays valid", async () => {
      let controlId = "";
      const mutations: Record<string, () => Promise<unknown>> = {
        "create-applied-control.ts": async () => {
          const c = await createAppliedControl(ctx, lead, meta, {
            name: "Model cards",
            links: [{ type: "framework_node", id: "A.6.2.7" }],
          });
          controlId = c.id;
        },
        "update-applied-control.ts": () =>
          updateAppliedControl(ctx, lead, meta, controlId, { version: 1, status: "planned" }),
        "archive-applied-control.ts": () => archiveAppliedControl(ctx, lead, meta, controlId, 2),
        "restore-applied-control.ts": () => restoreAppliedControl(ctx, lead, meta, controlId, 3),
        "update-soa-entry.ts": () =>
          updateSoaEntry(ctx, lead, meta, "A.2.2", {
            version: 0,
            applicable: true,
            justification: "We run AI.",
            appliedControlIds: [controlId],
          }),
        "create-soa-version.ts": () => createSoaVersion(ctx, lead, meta, {}),
        "decide-soa-version.ts": () => approveSoaVersion(ctx, other, meta, 1, { version: 1 }),
      };
      for (const [file, run] of Object.entries(mutations)) {
        await expectAuditEvent(ctx, orgId, file, run);
      }
      const writers = await commandFilesIn(new URL(".", import.meta.url));
      assert.deepEqual(
        writers.sort(),
        Object.keys(mutations)
          .filter((f) => f !== "restore-applied-control.ts")
          .sort(),
      );
    });

    it("finds an entry's evidence through its node, the entry itself and its applied controls; archived evidence is left out", async () => {
      const control = await createAppliedControl(ctx, lead, meta, { name: "Impact assessment procedure" });
      const entry = await updateSoaEntry(ctx, lead, meta, "A.5.2", {
        version: 0,
        applicable: true,
        justification: "We deploy AI affecting people.",
        appliedControlIds: [control.id],
      });
      const viaNode = await addEvidence("Via node", {
        type: "framework_node",
        id: "iso-iec-42001-2023:A.5.2",
      });
      const viaEntry = await addEvidence("Via entry", { type: "soa_entry", id: entry.entryId! });
      const viaControl = await addEvidence("Via control", { type: "applied_control", id: control.id });
      await addEvidence("Archived", { type: "framework_node", id: "iso-iec-42001-2023:A.5.2" }, true);
      await addEvidence("Elsewhere", { type: "framework_node", id: "iso-iec-42001-2023:A.5.3" });
      const soa = await getSoa(ctx, lead);
      const a52 = soa.entries.find((e) => e.controlId === "A.5.2")!;
      assert.deepEqual(a52.evidence.map((e) => e.id).sort(), [viaNode, viaEntry, viaControl].sort());
      assert.deepEqual(a52.appliedControls, [{ id: control.id, label: "Impact assessment procedure" }]);
    });

    it("freezes snapshots: later edits do not change a version, and the database refuses to rewrite one", async () => {
      const v2 = await createSoaVersion(ctx, lead, meta, { note: "second" });
      assert.equal(v2.number, 2);
      const a52Frozen = v2.entries.find((e) => e.controlId === "A.5.2")!;
      const evidenceId = a52Frozen.evidence[0]!.id;
      await updateSoaEntry(ctx, lead, meta, "A.5.2", { version: 1, justification: "Changed later." });
      const again = await getSoaVersion(ctx, lead, 2);
      assert.equal(
        again.entries.find((e) => e.controlId === "A.5.2")!.justification,
        "We deploy AI affecting people.",
      );
      await assert.rejects(
        ctx.database.db.execute(
          sql`update soa_versions set snapshot = '{}'::jsonb where org_id = ${orgId} and number = 2`,
        ),
      );
      await assert.rejects(ctx.database.db.execute(sql`delete from soa_versions where org_id = ${orgId}`));
      await assert.rejects(
        ctx.database.db.execute(sql`delete from soa_version_refs where org_id = ${orgId}`),
      );
      // in review: not yet protecting its evidence; approved: protecting it; v1 stays protecting what it froze
      assert.deepEqual(
        await approvedSoaVersionsReferencing(ctx.database.db, orgId, "evidence", evidenceId),
        [],
      );
      await approveSoaVersion(ctx, other, meta, 2, { version: 1 });
      assert.deepEqual(
        await approvedSoaVersionsReferencing(ctx.database.db, orgId, "evidence", evidenceId),
        [2],
      );
      assert.deepEqual(
        await approvedSoaVersionsReferencing(ctx.database.db, randomUUID(), "evidence", evidenceId),
        [],
      );
      const [v1] = await ctx.database.db
        .select()
        .from(tables.soaVersions)
        .where(eq(tables.soaVersions.number, 1));
      assert.equal(v1!.status, "superseded");
    });

    it("keeps a rejected version's evidence unprotected", async () => {
      const v3 = await createSoaVersion(ctx, other, meta, {});
      await rejectSoaVersion(ctx, other, meta, v3.number, { version: 1, note: "withdrawn" });
      const onlyIn3 = await addEvidence("Late", { type: "framework_node", id: "iso-iec-42001-2023:A.2.2" });
      const v4 = await createSoaVersion(ctx, other, meta, {});
      await rejectSoaVersion(ctx, lead, meta, v4.number, { version: 1 });
      assert.deepEqual(await approvedSoaVersionsReferencing(ctx.database.db, orgId, "evidence", onlyIn3), []);
    });
  });
}
