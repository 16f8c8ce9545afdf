import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { trainingExpiry, trainingRecordStatus, type Actor } from "@openaims/core";
import { tables } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { createAppContext, type AppContext } from "../shared/context";
import { buildActor, commandFilesIn, expectAuditEvent, orgWithMembers } from "../testing";
import { archiveTrainingTopic, restoreTrainingTopic } from "./archive-training-topic";
import { createTrainingRecord } from "./create-training-record";
import { createTrainingTopic } from "./create-training-topic";
import { deleteTrainingRecord } from "./delete-training-record";
import { getTrainingCoverage } from "./get-training-coverage";
import { getTrainingRecord } from "./get-training-record";
import { listTrainingRecords } from "./list-training-records";
import { updateTrainingRecord } from "./update-training-record";
import { updateTrainingTopic } from "./update-training-topic";
import { evaluateReadiness, iso42001ReadinessRules } from "@openaims/core";
import { createEvidenceLink } from "../evidence/create-evidence-link";
import { loadReadinessFacts } from "../readiness/load-readiness-facts";
import { generateTasks } from "../tasks/generate-tasks";
import { tasksOf } from "../tasks/task-test-kit";

const meta = { requestId: "test" };
const literacy = { name: "AI literacy basics", kind: "ai_literacy" as const, validityMonths: 12 };

const rejects =
  (code: string, path?: string) => (e: { code: string; details?: { issues?: { path: string }[] } }) =>
    e.code === code && (path === undefined || e.details?.issues?.[0]?.path === path);

/** Records a completion of `topicId` for `userId` on `day`, as `by`. */
const recordIn = (ctx: AppContext, by: Actor, userId: string, topicId: string, day: string) =>
  createTrainingRecord(ctx, by, meta, { userId, topicId, completedOn: day });

/** Every use case of this folder that writes; the completeness test below keeps the table honest. */
const mutations: Record<string, (ctx: AppContext, a: Actor, topicId: string) => Promise<unknown>> = {
  "create-training-topic.ts": (ctx, a) => createTrainingTopic(ctx, a, meta, { name: "Prompt hygiene" }),
  "update-training-topic.ts": (ctx, a, t) =>
    updateTrainingTopic(ctx, a, meta, t, { version: 1, description: "Basics for everyone" }),
  "archive-training-topic.ts": async (ctx, a, t) => {
    await archiveTrainingTopic(ctx, a, meta, t, 2);
    return restoreTrainingTopic(ctx, a, meta, t, 3);
  },
  "create-training-record.ts": (ctx, a, t) => recordIn(ctx, a, a.userId, t, "2026-01-05"),
  "update-training-record.ts": async (ctx, a, t) => {
    const r = await recordIn(ctx, a, a.userId, t, "2026-01-06");
    return updateTrainingRecord(ctx, a, meta, r.id, { version: 1, provider: "LMS" });
  },
  "delete-training-record.ts": async (ctx, a, t) => {
    const r = await recordIn(ctx, a, a.userId, t, "2026-01-07");
    return deleteTrainingRecord(ctx, a, meta, r.id, 1);
  },
};

for (const backend of testBackends()) {
  describe(`training use cases on ${backend}`, () => {
    let ctx: AppContext;
    let orgId: string;
    let owner: Actor, lead: Actor, contributor: Actor, auditor: Actor, viewer: Actor;
    const record = (by: Actor, userId: string, topicId: string, day: string) =>
      recordIn(ctx, by, userId, topicId, day);

    before(async () => {
      ctx = createAppContext(await createTestDatabase(backend));
      ctx.now = () => new Date("2026-03-01T12:00:00.000Z");
      const built = await orgWithMembers(ctx, [
        "owner",
        "governance_lead",
        "contributor",
        "auditor",
        "viewer",
      ]);
      orgId = built.orgId;
      [owner, lead, contributor, auditor, viewer] = built.actors as [Actor, Actor, Actor, Actor, Actor];
    });
    after(async () => ctx?.database.close());

    it("every mutating use case appends at least one audit event, and the table lists them all", async () => {
      const t = await createTrainingTopic(ctx, owner, meta, literacy);
      for (const [file, run] of Object.entries(mutations))
        await expectAuditEvent(ctx, orgId, file, () => run(ctx, owner, t.id));
      assert.deepEqual(await commandFilesIn(new URL(".", import.meta.url)), Object.keys(mutations).sort());
    });

    it("the SQL status filter agrees with core's expiry rule across month ends and leap days", async () => {
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Monthly refresher", validityMonths: 1 });
      const days = ["2026-01-29", "2026-01-30", "2026-01-31", "2026-02-01", "2026-02-28", "2025-12-31"];
      const member = await buildActor(ctx, orgId, "viewer");
      for (const d of days)
        await createTrainingRecord(ctx, lead, meta, { userId: member.userId, topicId: t.id, completedOn: d });
      const leap = await createTrainingTopic(ctx, lead, meta, { name: "Yearly", validityMonths: 12 });
      await record(lead, member.userId, leap.id, "2025-03-01");
      const today = "2026-03-01";
      for (const status of ["current", "expiring_soon", "expired"] as const) {
        const page = await listTrainingRecords(ctx, lead, { userId: member.userId, status, limit: 200 });
        for (const r of page.items) {
          const validity = r.topicId === t.id ? 1 : 12;
          assert.equal(r.expiresOn, trainingExpiry(r.completedOn, validity));
          assert.equal(trainingRecordStatus(r.expiresOn, today), status, `${r.completedOn} as ${status}`);
          assert.equal(r.status, status);
        }
      }
      const all = await listTrainingRecords(ctx, lead, { userId: member.userId, limit: 200 });
      const byDay = Object.fromEntries(all.items.map((r) => [r.completedOn, [r.expiresOn, r.status]]));
      assert.deepEqual(byDay["2026-01-31"], ["2026-02-28", "expired"]);
      assert.deepEqual(byDay["2026-02-01"], ["2026-03-01", "expiring_soon"]);
      assert.deepEqual(byDay["2025-03-01"], ["2026-03-01", "expiring_soon"]);
      assert.deepEqual(byDay["2026-02-28"], ["2026-03-28", "expiring_soon"]);
      assert.equal(all.items.length, 7);
    });

    it("lets a contributor record their own completion but not a colleague's; viewers and auditors record none", async () => {
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Own records", kind: "ai_literacy" });
      const own = await createTrainingRecord(ctx, contributor, meta, {
        email: (await getTrainingCoverage(ctx, contributor)).members[0]!.email,
        topicId: t.id,
        completedOn: "2026-02-01",
      });
      assert.equal(own.userId, contributor.userId);
      assert.equal(own.abilities.update, true);
      await assert.rejects(record(contributor, viewer.userId, t.id, "2026-02-01"), rejects("forbidden"));
      for (const a of [viewer, auditor])
        await assert.rejects(record(a, a.userId, t.id, "2026-02-01"), rejects("forbidden"));
      await assert.rejects(createTrainingTopic(ctx, contributor, meta, { name: "X" }), rejects("forbidden"));
    });

    it("shows members their own records only, and hides a colleague's record as not found", async () => {
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Visibility" });
      const mine = await record(lead, viewer.userId, t.id, "2026-02-02");
      const theirs = await record(lead, lead.userId, t.id, "2026-02-02");
      const seen = await listTrainingRecords(ctx, viewer, { topicId: t.id });
      assert.deepEqual(
        seen.items.map((r) => r.id),
        [mine.id],
      );
      const asked = await listTrainingRecords(ctx, viewer, { topicId: t.id, userId: lead.userId });
      assert.equal(asked.items.length, 0);
      await assert.rejects(getTrainingRecord(ctx, viewer, theirs.id), rejects("not_found"));
      assert.equal((await getTrainingRecord(ctx, auditor, theirs.id)).id, theirs.id);
      assert.equal((await listTrainingRecords(ctx, auditor, { topicId: t.id })).items.length, 2);
      const cov = await getTrainingCoverage(ctx, viewer);
      assert.deepEqual([cov.complete, cov.members.map((m) => m.userId)], [false, [viewer.userId]]);
    });

    it("rejects a future completion, a duplicate, a stale version, a non-member and an archived topic", async () => {
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Rules" });
      await assert.rejects(
        record(lead, viewer.userId, t.id, "2026-03-03"),
        rejects("invalid_input", "completedOn"),
      );
      const r = await record(lead, viewer.userId, t.id, "2026-03-02");
      await assert.rejects(record(lead, viewer.userId, t.id, "2026-03-02"), rejects("conflict"));
      await updateTrainingRecord(ctx, lead, meta, r.id, { version: 1, note: "first" });
      await assert.rejects(
        updateTrainingRecord(ctx, lead, meta, r.id, { version: 1, note: "again" }),
        rejects("conflict"),
      );
      await assert.rejects(
        updateTrainingRecord(ctx, lead, meta, r.id, { version: 2, expiresOn: "2026-01-01" }),
        rejects("invalid_input", "expiresOn"),
      );
      await assert.rejects(
        createTrainingRecord(ctx, lead, meta, {
          email: "nobody@example.test",
          topicId: t.id,
          completedOn: "2026-01-01",
        }),
        rejects("invalid_input", "email"),
      );
      await archiveTrainingTopic(ctx, lead, meta, t.id, 1);
      await assert.rejects(record(lead, viewer.userId, t.id, "2026-01-01"), rejects("invalid_state"));
      await assert.rejects(
        updateTrainingTopic(ctx, lead, meta, t.id, { version: 2, name: "Y" }),
        rejects("invalid_state"),
      );
    });

    it("links evidence to a record, replaces it on update, and drops the links (not the evidence) on delete", async () => {
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Evidence topic" });
      const cert = await createEvidenceLink(
        ctx,
        lead,
        meta,
        {
          kind: "link",
          title: "LMS certificate",
          url: "https://lms.example.test/cert/1",
        },
        "api",
      );
      const r = await createTrainingRecord(ctx, lead, meta, {
        userId: viewer.userId,
        topicId: t.id,
        completedOn: "2026-02-10",
        evidenceIds: [cert.id],
      });
      assert.deepEqual(
        r.evidence.map((e) => [e.type, e.id, e.label]),
        [["evidence", cert.id, "LMS certificate"]],
      );
      await assert.rejects(
        updateTrainingRecord(ctx, lead, meta, r.id, {
          version: 1,
          evidenceIds: ["00000000-0000-4000-8000-000000000099"],
        }),
        rejects("invalid_input", "evidenceIds.0"),
      );
      const cleared = await updateTrainingRecord(ctx, lead, meta, r.id, { version: 1, evidenceIds: [] });
      assert.deepEqual([cleared.evidence, cleared.version], [[], 2]);
      const again = await updateTrainingRecord(ctx, lead, meta, r.id, { version: 2, evidenceIds: [cert.id] });
      await deleteTrainingRecord(ctx, lead, meta, r.id, again.version);
      const left = await ctx.database.db
        .select()
        .from(tables.recordLinks)
        .where(
          and(eq(tables.recordLinks.sourceType, "training_record"), eq(tables.recordLinks.sourceId, r.id)),
        );
      assert.equal(left.length, 0);
      const [ev] = await ctx.database.db
        .select()
        .from(tables.evidence)
        .where(eq(tables.evidence.id, cert.id));
      assert.ok(ev, "the evidence itself stays");
    });

    it("keeps organizations apart: another org's topic is unknown and its records are not found", async () => {
      const other = await orgWithMembers(ctx, ["owner"]);
      const stranger = other.actors[0]!;
      const t = await createTrainingTopic(ctx, lead, meta, { name: "Isolation" });
      const r = await record(lead, lead.userId, t.id, "2026-02-03");
      await assert.rejects(
        record(stranger, stranger.userId, t.id, "2026-02-03"),
        rejects("invalid_input", "topicId"),
      );
      await assert.rejects(getTrainingRecord(ctx, stranger, r.id), rejects("not_found"));
      await assert.rejects(deleteTrainingRecord(ctx, stranger, meta, r.id, 1), rejects("not_found"));
      await assert.rejects(
        updateTrainingTopic(ctx, stranger, meta, t.id, { version: 1, name: "Z" }),
        rejects("not_found"),
      );
      assert.equal((await listTrainingRecords(ctx, stranger, {})).items.length, 0);
    });

    it("summarizes AI literacy over active members and applies role and AI-system topics", async () => {
      const fresh = await orgWithMembers(ctx, ["owner", "contributor", "viewer"]);
      const [o, c, v] = fresh.actors as [Actor, Actor, Actor];
      const lit = await createTrainingTopic(ctx, o, meta, literacy);
      const dev = await createTrainingTopic(ctx, o, meta, {
        name: "Dev",
        kind: "role_specific",
        roles: ["contributor"],
      });
      assert.equal(lit.aiLiteracy, true);
      assert.equal(dev.aiLiteracy, false);
      await record(o, o.userId, lit.id, "2025-06-01");
      await record(o, c.userId, lit.id, "2025-01-01");
      const cov = await getTrainingCoverage(ctx, o);
      assert.equal(cov.complete, true);
      assert.deepEqual(cov.summary, {
        members: 3,
        aiLiteracyValid: 1,
        aiLiteracyPercent: 33.3,
        aiLiteracyExpiringSoon: 0,
        covered: 1,
        required: { current: 1, expiring_soon: 0, expired: 1, missing: 2 },
      });
      const row = (id: string) => cov.members.find((m) => m.userId === id)!;
      assert.deepEqual(
        row(c.userId).cells.map((x) => [x.applies, x.status]),
        [
          [true, "expired"],
          [true, "missing"],
        ],
      );
      assert.equal(row(v.userId).aiLiteracy, "missing");
    });
    it("feeds readiness 7.2: the SQL count of members without AI literacy agrees with the coverage", async () => {
      const fresh = await orgWithMembers(ctx, ["owner", "contributor", "viewer", "auditor"]);
      const [o, c, v, a] = fresh.actors as [Actor, Actor, Actor, Actor];
      const node = async () => {
        const facts = await loadReadinessFacts(
          ctx.database.db,
          fresh.orgId,
          "iso-iec-42001-2023",
          "2026-03-01",
        );
        const view = evaluateReadiness(iso42001ReadinessRules, facts, "2026-03-01");
        return { facts, node: view.nodes.find((n) => n.nodeId === "7.2")! };
      };
      const before = await node();
      assert.equal(before.facts.counts.training_topics_ai_literacy, 0);
      assert.equal(before.facts.counts.members_without_ai_literacy, 4);
      const lit = await createTrainingTopic(ctx, o, meta, { ...literacy, validityMonths: 1 });
      const other = await createTrainingTopic(ctx, o, meta, { name: "Not literacy", validityMonths: null });
      // 2026-01-31 + 1 month = 2026-02-28: expired on 2026-03-01; 2026-02-01 + 1 month = 2026-03-01: still counts
      await record(o, o.userId, lit.id, "2026-01-31");
      await record(o, c.userId, lit.id, "2026-02-01");
      await record(o, v.userId, other.id, "2026-02-01");
      await createTrainingRecord(ctx, o, meta, {
        userId: a.userId,
        topicId: lit.id,
        completedOn: "2025-01-01",
        expiresOn: "2026-12-31",
      });
      const cov = await getTrainingCoverage(ctx, o);
      const without = cov.members.filter((m) => m.aiLiteracy === "missing" || m.aiLiteracy === "expired");
      const after = await node();
      assert.equal(after.facts.counts.members_without_ai_literacy, without.length);
      assert.equal(without.length, 2);
      assert.equal(after.node.status, "partial");
      assert.ok(
        after.node.missing.some((m) => m.text === "2 active members without a current AI-literacy training"),
        JSON.stringify(after.node.missing),
      );
      assert.ok(after.node.missing.every((m) => m.area !== "training" || m.text.startsWith("2 ")));
    });

    it("generates AI-literacy tasks for members missing or expiring it, and closes them once recorded", async () => {
      const fresh = await orgWithMembers(ctx, ["owner", "contributor", "viewer"]);
      const [o, c, v] = fresh.actors as [Actor, Actor, Actor];
      const literacyTasks = async () =>
        (await tasksOf(ctx, fresh.orgId))
          .filter((t) => t.origin === "training_due")
          .map((t) => [t.assigneeId, t.dueDate, t.priority, t.status]);
      const due = async () =>
        (await generateTasks(ctx, fresh.orgId)).byOrigin.find((b) => b.origin === "training_due")!;
      assert.equal((await due()).created, 0, "no AI-literacy topic, no task");
      const lit = await createTrainingTopic(ctx, o, meta, literacy);
      await record(o, o.userId, lit.id, "2025-12-01");
      await record(o, c.userId, lit.id, "2025-03-15");
      const first = await generateTasks(ctx, fresh.orgId);
      assert.deepEqual(
        first.byOrigin.find((b) => b.origin === "training_due"),
        {
          origin: "training_due",
          created: 2,
          closed: 0,
        },
      );
      const open = await literacyTasks();
      assert.deepEqual(
        open.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        [
          [c.userId, "2026-03-15", "medium", "open"],
          [v.userId, null, "high", "open"],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      assert.equal((await due()).created, 0, "idempotent");
      await record(o, v.userId, lit.id, "2026-02-20");
      assert.deepEqual(await due(), { origin: "training_due", created: 0, closed: 1 });
    });
  });
}
