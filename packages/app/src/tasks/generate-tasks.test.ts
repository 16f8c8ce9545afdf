import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { findFramework } from "@openaims/core";
import { tables, verifyAuditChain } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { generateTasks, generateTasksForAllOrgs } from "./generate-tasks";
import { updateTask } from "./update-task";
import { eventsOf, orgWithMembers, publishedDocument, tasksOf } from "./task-test-kit";

const NOW = new Date("2026-06-15T10:00:00Z");
const controls = findFramework("iso-iec-42001-2023")!.nodes.filter((n) => n.kind === "control");
const reviewTasks = async (ctx: AppContext, orgId: string) =>
  (await tasksOf(ctx, orgId)).filter((t) => t.origin === "document_review");
const soaTasks = async (ctx: AppContext, orgId: string) =>
  (await tasksOf(ctx, orgId)).filter((t) => t.origin === "soa_gap");

for (const backend of testBackends()) {
  describe(`task generation on ${backend}`, () => {
    let ctx: AppContext;
    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      ctx.now = () => NOW;
    });
    after(async () => ctx?.database.close());

    it("opens one review task per document in force due within 30 days or overdue, once", async () => {
      const { orgId, actors } = await orgWithMembers(ctx, ["owner", "contributor"]);
      const owner = actors[1]!.userId;
      const due = await publishedDocument(ctx, orgId, {
        title: "AI policy",
        ownerId: owner,
        nextReviewAt: "2026-07-10",
      });
      const late = await publishedDocument(ctx, orgId, {
        title: "Incident procedure",
        nextReviewAt: "2026-06-01",
      });
      await publishedDocument(ctx, orgId, { title: "Far off", nextReviewAt: "2026-07-16" });
      await publishedDocument(ctx, orgId, {
        title: "Draft",
        publishedVersion: null,
        nextReviewAt: "2026-06-01",
      });
      await publishedDocument(ctx, orgId, { title: "Retired", retiredAt: NOW, nextReviewAt: "2026-06-01" });

      const first = await generateTasks(ctx, orgId);
      assert.deepEqual(
        first.byOrigin.find((o) => o.origin === "document_review"),
        {
          origin: "document_review",
          created: 2,
          closed: 0,
        },
      );
      const tasks = await reviewTasks(ctx, orgId);
      assert.deepEqual(
        tasks
          .map((t) => [t.title, t.assigneeId, t.dueDate, t.priority, t.subjectType, t.subjectId, t.status])
          .sort(),
        [
          ['Review "AI policy"', owner, "2026-07-10", "medium", "document", due.id, "open"],
          ['Review "Incident procedure"', null, "2026-06-01", "high", "document", late.id, "open"],
        ],
      );
      assert.equal(
        tasks.find((t) => t.subjectId === due.id)!.originKey,
        `document_review:${due.id}:2026-07-10`,
      );

      const again = await generateTasks(ctx, orgId);
      assert.equal(again.created, 0);
      assert.equal(again.closed, 0);
      assert.equal((await reviewTasks(ctx, orgId)).length, 2);
      const generated = (await eventsOf(ctx, orgId)).filter((e) => e.type === "task.generated");
      assert.equal(generated.filter((e) => e.payload.origin === "document_review").length, 2);
      assert.ok(generated.every((e) => e.actorType === "system" && e.actorId === null));
      assert.equal((await verifyAuditChain(ctx.database.db, orgId)).ok, true);
    });

    it("closes a review task by itself once the document is reviewed, and opens the next cycle's later", async () => {
      const { orgId } = await orgWithMembers(ctx, ["owner"]);
      const doc = await publishedDocument(ctx, orgId, { nextReviewAt: "2026-06-20" });
      await generateTasks(ctx, orgId);
      const [task] = await reviewTasks(ctx, orgId);
      await ctx.database.db
        .update(tables.documents)
        .set({ nextReviewAt: "2027-06-20" })
        .where(eq(tables.documents.id, doc.id));
      const r = await generateTasks(ctx, orgId);
      assert.equal(r.closed, 1);
      const [closed] = await reviewTasks(ctx, orgId);
      assert.equal(closed!.id, task!.id);
      assert.equal(closed!.status, "done");
      assert.equal(closed!.completedBy, null);
      assert.equal(closed!.completedAt?.toISOString(), NOW.toISOString());
      assert.equal(closed!.version, 2);
      const last = (await eventsOf(ctx, orgId)).at(-1)!;
      assert.equal(last.type, "task.closed_automatically");
      assert.equal(last.entityId, task!.id);
      assert.equal(last.actorType, "system");
      assert.deepEqual([last.payload.from, last.payload.to], ["open", "done"]);
      assert.equal((await verifyAuditChain(ctx.database.db, orgId)).ok, true);

      // a year on, the next review comes due: a new task, the old one stays done
      const later = new Date("2027-06-01T00:00:00Z");
      const r2 = await generateTasks({ ...ctx, now: () => later }, orgId);
      assert.equal(r2.created, 1);
      const all = await reviewTasks(ctx, orgId);
      assert.deepEqual(all.map((t) => t.status).sort(), ["done", "open"]);
    });

    it("two runs at the same time open each task once", async () => {
      const { orgId } = await orgWithMembers(ctx, ["owner"]);
      for (let i = 0; i < 5; i++)
        await publishedDocument(ctx, orgId, { title: `Doc ${i}`, nextReviewAt: "2026-06-30" });
      const results = await Promise.all([generateTasks(ctx, orgId), generateTasks(ctx, orgId)]);
      const reviewCreated = results.map(
        (r) => r.byOrigin.find((o) => o.origin === "document_review")!.created,
      );
      assert.equal(reviewCreated[0]! + reviewCreated[1]!, 5);
      assert.equal((await reviewTasks(ctx, orgId)).length, 5);
      assert.equal((await soaTasks(ctx, orgId)).length, controls.length);
      const generated = (await eventsOf(ctx, orgId)).filter((e) => e.type === "task.generated");
      assert.equal(generated.length, 5 + controls.length, "one event per task actually opened");
      assert.equal((await verifyAuditChain(ctx.database.db, orgId)).ok, true);
    });

    it("opens one SoA task per undecided control and follows the entry until it is complete", async () => {
      const { orgId, actors } = await orgWithMembers(ctx, ["owner", "contributor"]);
      const owner = actors[1]!.userId;
      await generateTasks(ctx, orgId);
      let tasks = await soaTasks(ctx, orgId);
      assert.equal(tasks.length, controls.length);
      const a22 = () =>
        soaTasks(ctx, orgId).then((ts) =>
          ts.filter((t) => t.originKey === "soa_gap:iso-iec-42001-2023:A.2.2"),
        );
      const [t] = await a22();
      assert.match(t!.title, /^Decide whether A\.2\.2 .+ applies$/);
      assert.equal(t!.subjectType, "framework_node");
      assert.equal(t!.subjectId, "iso-iec-42001-2023:A.2.2");
      assert.equal(t!.assigneeId, null);

      // decided applicable with a justification and an owner, no evidence yet: same task, now assigned
      const [entry] = await ctx.database.db
        .insert(tables.soaEntries)
        .values({
          orgId,
          frameworkId: "iso-iec-42001-2023",
          controlId: "A.2.2",
          applicable: true,
          justification: "We develop AI systems",
          implementationStatus: "implemented",
          ownerId: owner,
        })
        .returning();
      const r = await generateTasks(ctx, orgId);
      assert.equal(r.created, 0);
      assert.equal(r.closed, 0);
      const [still] = await a22();
      assert.equal(still!.id, t!.id);
      assert.equal(still!.assigneeId, owner);
      assert.match(still!.title, /^Complete the SoA entry for A\.2\.2 /);
      assert.match(still!.description, /missing evidence\./);
      const updated = (await eventsOf(ctx, orgId)).at(-1)!;
      assert.equal(updated.type, "task.updated");
      assert.equal(updated.entityId, t!.id);
      assert.deepEqual(Object.keys(updated.payload.diff as object).sort(), [
        "assigneeId",
        "description",
        "title",
      ]);
      assert.deepEqual((updated.payload.diff as Record<string, unknown>).assigneeId, [null, owner]);
      assert.equal((await generateTasks(ctx, orgId)).created, 0);
      assert.equal((await eventsOf(ctx, orgId)).at(-1)!.seq, updated.seq, "a second run changes nothing");

      // evidence past its valid-until day does not count; current evidence closes the gap
      const link = async (validUntil: string | null) => {
        const [ev] = await ctx.database.db
          .insert(tables.evidence)
          .values({
            orgId,
            kind: "link",
            title: "Policy page",
            url: "https://example.test",
            source: "manual",
            validUntil,
          })
          .returning();
        await ctx.database.db.insert(tables.recordLinks).values({
          orgId,
          sourceType: "evidence",
          sourceId: ev!.id,
          targetType: "framework_node",
          targetId: "iso-iec-42001-2023:A.2.2",
        });
      };
      await link("2026-06-14");
      assert.equal((await generateTasks(ctx, orgId)).closed, 0, "stale evidence leaves the gap open");
      await link("2026-06-15");
      assert.equal((await generateTasks(ctx, orgId)).closed, 1);
      const [done] = await a22();
      assert.equal(done!.status, "done");
      tasks = await soaTasks(ctx, orgId);
      assert.equal(tasks.filter((x) => x.status === "open").length, controls.length - 1);

      // an excluded control needs only its justification
      await ctx.database.db.insert(tables.soaEntries).values({
        orgId,
        frameworkId: "iso-iec-42001-2023",
        controlId: "A.10.4",
        applicable: false,
        justification: "",
        implementationStatus: "not_applicable",
      });
      await generateTasks(ctx, orgId);
      const a104 = (await soaTasks(ctx, orgId)).find((x) => x.originKey?.endsWith(":A.10.4"))!;
      assert.equal(a104.status, "open");
      assert.match(a104.description, /missing a justification\./);
      await ctx.database.db
        .update(tables.soaEntries)
        .set({ justification: "We have no customers" })
        .where(and(eq(tables.soaEntries.orgId, orgId), eq(tables.soaEntries.controlId, "A.10.4")));
      assert.equal((await generateTasks(ctx, orgId)).closed, 1);
      assert.ok(entry);
    });

    it("counts evidence of an applied control for the Annex A controls it is linked to", async () => {
      const { orgId, actors } = await orgWithMembers(ctx, ["owner"]);
      const owner = actors[0]!.userId;
      await ctx.database.db.insert(tables.soaEntries).values({
        orgId,
        frameworkId: "iso-iec-42001-2023",
        controlId: "A.6.2.4",
        applicable: true,
        justification: "We verify models",
        implementationStatus: "implemented",
        ownerId: owner,
      });
      await generateTasks(ctx, orgId);
      const open = async () =>
        (await soaTasks(ctx, orgId)).filter((t) => t.originKey?.endsWith(":A.6.2.4") && t.status === "open");
      assert.equal((await open()).length, 1);
      const [control] = await ctx.database.db
        .insert(tables.appliedControls)
        .values({ orgId, name: "Model validation checklist" })
        .returning();
      const [ev] = await ctx.database.db
        .insert(tables.evidence)
        .values({
          orgId,
          kind: "link",
          title: "Checklist run",
          url: "https://example.test/run",
          source: "api",
        })
        .returning();
      await ctx.database.db.insert(tables.recordLinks).values([
        {
          orgId,
          sourceType: "applied_control",
          sourceId: control!.id,
          targetType: "framework_node",
          targetId: "iso-iec-42001-2023:A.6.2.4",
        },
        {
          orgId,
          sourceType: "evidence",
          sourceId: ev!.id,
          targetType: "applied_control",
          targetId: control!.id,
        },
      ]);
      assert.equal((await generateTasks(ctx, orgId)).closed, 1);
      assert.equal((await open()).length, 0);
    });

    it("a generated task closed by hand while its condition holds comes back; the old one cannot be reopened beside it", async () => {
      const { orgId, actors } = await orgWithMembers(ctx, ["owner"]);
      const [actor] = actors;
      await publishedDocument(ctx, orgId, { nextReviewAt: "2026-06-20" });
      await generateTasks(ctx, orgId, actor!, { requestId: "r1" });
      const [task] = await reviewTasks(ctx, orgId);
      assert.equal(task!.createdBy, actor!.userId, "asked for by a member: recorded in their name");
      await updateTask(ctx, actor!, { requestId: null }, task!.id, { status: "done", version: 1 });
      assert.equal((await generateTasks(ctx, orgId)).created, 1);
      const tasks = await reviewTasks(ctx, orgId);
      assert.deepEqual(tasks.map((t) => t.status).sort(), ["done", "open"]);
      await assert.rejects(
        updateTask(ctx, actor!, { requestId: null }, task!.id, { status: "open", version: 2 }),
        (e: { code?: string }) => e.code === "conflict",
      );
    });

    it("refuses a member without task.write and one of another org", async () => {
      const { orgId, actors } = await orgWithMembers(ctx, ["viewer", "auditor", "contributor"]);
      const other = await orgWithMembers(ctx, ["owner"]);
      for (const a of actors.slice(0, 2))
        await assert.rejects(generateTasks(ctx, orgId, a), (e: { code?: string }) => e.code === "forbidden");
      await assert.rejects(
        generateTasks(ctx, orgId, other.actors[0]!),
        (e: { code?: string }) => e.code === "forbidden",
      );
      assert.equal((await tasksOf(ctx, orgId)).length, 0);
      assert.equal((await generateTasks(ctx, orgId, actors[2]!)).created, controls.length);
    });

    it("the scheduler's run covers every org and keeps orgs apart", async () => {
      const a = await orgWithMembers(ctx, ["owner"]);
      const b = await orgWithMembers(ctx, ["owner"]);
      const docA = await publishedDocument(ctx, a.orgId, { nextReviewAt: "2026-06-20" });
      const r = await generateTasksForAllOrgs(ctx);
      assert.ok(r.orgs >= 2);
      assert.equal((await reviewTasks(ctx, a.orgId)).length, 1);
      assert.equal((await reviewTasks(ctx, b.orgId)).length, 0);
      assert.equal((await reviewTasks(ctx, a.orgId))[0]!.subjectId, docA.id);
      assert.equal((await verifyAuditChain(ctx.database.db, b.orgId)).ok, true);
    });
  });
}
