import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { evaluateReadiness, iso42001ReadinessRules } from "@openaims/core";
import { tables, type Database, type Executor } from "@openaims/db";
import { createTestDatabase, testBackends } from "@openaims/db/testing";
import { loadReadinessFacts } from "./load-readiness-facts";

const FW = "iso-iec-42001-2023";
const TODAY = "2026-06-15";

/** Counts the statements a loader sends, to keep "a fixed number of aggregate queries" true. */
function counting(db: Executor): { db: Executor; calls: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (prop === "execute" && typeof v === "function")
        return (...args: unknown[]) => {
          n += 1;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      return v;
    },
  });
  return { db: proxy, calls: () => n };
}

async function newOrg(database: Database) {
  const orgId = randomUUID();
  const [user] = await database.db
    .insert(tables.users)
    .values({ email: `${orgId}@example.test`, name: "Owner" })
    .returning();
  await database.db.insert(tables.organizations).values({ id: orgId, name: "Org" });
  return { orgId, userId: user!.id };
}

const link = (orgId: string, sourceType: string, sourceId: string, targetType: string, targetId: string) => ({
  orgId,
  sourceType,
  sourceId,
  targetType,
  targetId,
});

/** Records of every area, inserted directly (each area's use cases are tested in its own folder). */
async function seedOrg(db: Executor, orgId: string, userId: string) {
  await db.insert(tables.contextIssues).values([
    { orgId, kind: "internal", topic: "culture", title: "Skills", reviewDate: "2026-12-01" },
    { orgId, kind: "external", topic: "legal", title: "AI Act", reviewDate: "2026-06-14" },
    { orgId, kind: "external", topic: "legal", title: "Old", archivedAt: new Date() },
  ]);
  const [party] = await db
    .insert(tables.interestedParties)
    .values({ orgId, name: "Customers", type: "customer" })
    .returning();
  await db.insert(tables.interestedPartyRequirements).values([
    { orgId, partyId: party!.id, text: "Explain decisions", addressed: "yes" },
    { orgId, partyId: party!.id, text: "Opt out", addressed: null },
  ]);
  await db.insert(tables.orgAiRoles).values({ orgId, role: "provider" });
  await db.insert(tables.scopeVersions).values([
    { orgId, number: 1, status: "superseded", approvedAt: new Date("2026-01-01T10:00:00Z") },
    { orgId, number: 2, status: "approved", approvedAt: new Date("2026-02-03T23:30:00Z") },
  ]);
  const [a1, a2] = await db
    .insert(tables.raciActivities)
    .values([
      { orgId, title: "Approve the AI policy" },
      { orgId, title: "Run risk assessments" },
    ])
    .returning();
  await db.insert(tables.raciAssignments).values([
    { orgId, activityId: a1!.id, partyType: "role", partyKey: "owner", letter: "A" },
    { orgId, activityId: a2!.id, partyType: "role", partyKey: "owner", letter: "R" },
  ]);
  const [o1] = await db
    .insert(tables.objectives)
    .values([
      {
        orgId,
        title: "Fairness",
        measure: "gap",
        target: 0.05,
        startDate: "2026-01-01",
        dueDate: "2026-12-31",
        ownerId: userId,
      },
      { orgId, title: "No owner", measure: "x", target: 1, startDate: "2026-01-01", dueDate: "2026-12-31" },
    ])
    .returning();
  await db.insert(tables.objectiveProgress).values({
    orgId,
    objectiveId: o1!.id,
    value: 0.07,
    observedAt: new Date("2026-05-01T00:00:00Z"),
    source: "manual",
  });
  const [scoring, chatbot, , sunset, planner] = await db
    .insert(tables.aiSystems)
    .values([
      { orgId, name: "Scoring", purpose: "Rank applications" },
      { orgId, name: "Chatbot", purpose: "  " },
      { orgId, name: "Retired", purpose: "", archivedAt: new Date() },
      { orgId, name: "Sunset", purpose: "Old", lifecycleStage: "retired" },
      { orgId, name: "Planner", purpose: "Plan shifts" },
    ])
    .returning();
  await seedImpactAssessments(db, orgId, {
    scoring: scoring!.id,
    chatbot: chatbot!.id,
    sunset: sunset!.id,
    planner: planner!.id,
  });
  const [ac, own] = await db
    .insert(tables.appliedControls)
    .values([
      { orgId, name: "Data quality checks", status: "implemented" },
      { orgId, name: "Red teaming", status: "planned", additional: true },
    ])
    .returning();

  const [policy, draft] = await db
    .insert(tables.documents)
    .values([
      {
        orgId,
        title: "AI policy",
        kind: "policy",
        templateKey: "ai_policy",
        status: "published",
        publishedVersion: 2,
        publishedAt: new Date("2026-03-01T08:00:00Z"),
        nextReviewAt: "2027-03-01",
      },
      { orgId, title: "Risk procedure", kind: "procedure", status: "draft" },
      {
        orgId,
        title: "Withdrawn",
        kind: "policy",
        status: "retired",
        retiredAt: new Date(),
        templateKey: "ai_policy",
      },
    ])
    .returning();

  const [e22, own22] = await db
    .insert(tables.soaEntries)
    .values([
      {
        orgId,
        frameworkId: FW,
        controlId: "A.2.2",
        applicable: true,
        justification: "We provide AI.",
        implementationStatus: "implemented",
        ownerId: userId,
      },
      {
        orgId,
        frameworkId: FW,
        controlId: own!.id,
        additionalControlId: own!.id,
        applicable: true,
        justification: "Our own",
        implementationStatus: "planned",
      },
      {
        orgId,
        frameworkId: FW,
        controlId: "A.2.3",
        applicable: false,
        justification: "Changed after approval",
        implementationStatus: "not_applicable",
      },
    ])
    .returning();
  const snapshotEntry = (
    controlId: string,
    applicable: boolean | null,
    justification: string,
    status: string,
    ownerId: string | null,
  ) => ({
    controlId,
    kind: "annex_a",
    title: "",
    groupId: "A.2",
    groupTitle: "",
    applicable,
    justification,
    implementationStatus: status,
    ownerId,
    ownerName: null,
    notes: "",
    appliedControls: [],
    evidence: [],
    documents: [],
  });
  await db.insert(tables.soaVersions).values([
    { orgId, number: 1, status: "superseded", snapshot: { frameworkId: FW, entries: [] } },
    {
      orgId,
      number: 2,
      status: "approved",
      decidedAt: new Date("2026-04-10T12:00:00Z"),
      snapshot: {
        frameworkId: FW,
        entries: [
          snapshotEntry("A.2.2", true, "We provide AI.", "implemented", userId),
          snapshotEntry("A.2.3", false, "Not for us", "not_applicable", null),
          snapshotEntry(own!.id, true, "Our own", "planned", null),
        ],
      },
    },
    { orgId, number: 3, status: "in_review", snapshot: { frameworkId: FW, entries: [] } },
  ]);

  const ev = await db
    .insert(tables.evidence)
    .values([
      { orgId, kind: "link", title: "current, to A.2.2's entry", url: "https://x", source: "manual" },
      {
        orgId,
        kind: "link",
        title: "expired, to node A.6.2.4",
        url: "https://x",
        source: "manual",
        validUntil: "2026-05-31",
      },
      {
        orgId,
        kind: "link",
        title: "valid today, to applied control",
        url: "https://x",
        source: "manual",
        validUntil: TODAY,
      },
      { orgId, kind: "link", title: "archived", url: "https://x", source: "manual", archivedAt: new Date() },
      {
        orgId,
        kind: "link",
        title: "to own control's entry and node A.2.2",
        url: "https://x",
        source: "manual",
        validUntil: "2027-01-01",
      },
    ])
    .returning();
  const [cur, exp, viaAc, archived, both] = ev.map((e) => e.id);
  await db.insert(tables.recordLinks).values([
    link(orgId, "evidence", cur!, "soa_entry", e22!.id),
    link(orgId, "evidence", cur!, "framework_node", `${FW}:A.2.2`), // the same item by two paths counts once
    link(orgId, "evidence", exp!, "framework_node", `${FW}:A.6.2.4`),
    link(orgId, "evidence", viaAc!, "applied_control", ac!.id),
    link(orgId, "applied_control", ac!.id, "framework_node", `${FW}:A.7.4`),
    link(orgId, "applied_control", ac!.id, "framework_node", `${FW}:8.1`),
    link(orgId, "evidence", archived!, "framework_node", `${FW}:7.2`),
    link(orgId, "evidence", both!, "soa_entry", own22!.id),
    link(orgId, "evidence", both!, "framework_node", `${FW}:A.2.2`),
    link(orgId, "document", policy!.id, "framework_node", `${FW}:5.2`),
    link(orgId, "document", policy!.id, "framework_node", `nist-ai-rmf-1.0:GOVERN-1.2`),
    link(orgId, "document", draft!.id, "framework_node", `${FW}:6.1.2`),
  ]);
  return { policyId: policy!.id, draftId: draft!.id, ownId: own!.id };
}

/**
 * In scope: Scoring (approved, review overdue; its newest classification no longer needs a FRIA), Chatbot
 * (approved standard assessment, but its newest classification needs a FRIA and its approved FRIA is archived)
 * and Planner (a draft only). Sunset is retired: its overdue approved assessment and FRIA need do not count.
 */
async function seedImpactAssessments(db: Executor, orgId: string, s: Record<string, string>) {
  const ia = (aiSystemId: string, over: Partial<typeof tables.impactAssessments.$inferInsert> = {}) => ({
    orgId,
    aiSystemId,
    title: "IA",
    templateId: "impact-standard-v1",
    content: {},
    ...over,
  });
  const approved = { status: "approved", approvedVersion: 1 };
  await db.insert(tables.impactAssessments).values([
    ia(s.scoring!, { ...approved, nextReviewDate: "2026-06-14" }),
    ia(s.chatbot!, { ...approved, nextReviewDate: TODAY }),
    ia(s.chatbot!, {
      ...approved,
      variant: "fria",
      templateId: "impact-fria-v1",
      status: "archived",
      archivedAt: new Date(),
    }),
    ia(s.planner!),
    ia(s.sunset!, { ...approved, nextReviewDate: "2026-01-01" }),
  ]);
  const classification = (aiSystemId: string, number: number, friaRequired: boolean) => ({
    orgId,
    aiSystemId,
    number,
    answers: {},
    result: { friaRequired },
    ruleDataId: "test",
  });
  await db
    .insert(tables.aiSystemClassifications)
    .values([
      classification(s.scoring!, 1, true),
      classification(s.scoring!, 2, false),
      classification(s.chatbot!, 1, false),
      classification(s.chatbot!, 2, true),
      classification(s.sunset!, 1, true),
    ]);
}

for (const backend of testBackends()) {
  describe(`loadReadinessFacts on ${backend}`, () => {
    let database: Database;
    let orgId: string;
    let seeded: Awaited<ReturnType<typeof seedOrg>>;

    before(async () => {
      database = await createTestDatabase(backend);
      const org = await newOrg(database);
      orgId = org.orgId;
      seeded = await seedOrg(database.db, orgId, org.userId);
      // A second organization's records must never leak into the first one's facts.
      const other = await newOrg(database);
      await seedOrg(database.db, other.orgId, other.userId);
    });
    after(() => database.close());

    it("loads an empty organization as zero counts and no records, with four queries", async () => {
      const { orgId: empty } = await newOrg(database);
      const c = counting(database.db);
      const facts = await loadReadinessFacts(c.db, empty, FW, TODAY);
      assert.equal(c.calls(), 4);
      assert.deepEqual(facts.documents, []);
      assert.ok(Object.values(facts.counts).every((n) => n === 0));
      assert.equal(Object.keys(facts.counts).length, 26);
      assert.deepEqual(facts.scope, { approved: null });
      assert.deepEqual(facts.soa, { approved: null, entries: [] });
      assert.deepEqual(facts.evidence, {});
      assert.deepEqual(facts.evidenceAll, { undated: 0, validUntil: {} });
      const view = evaluateReadiness(iso42001ReadinessRules, facts, TODAY);
      assert.equal(view.percent, 0);
    });

    it("counts each area's records as the rules define them, for this organization only", async () => {
      const facts = await loadReadinessFacts(database.db, orgId, FW, TODAY);
      assert.deepEqual(facts.counts, {
        context_issues: 2,
        context_issues_internal: 1,
        context_issues_external: 1,
        context_issues_review_overdue: 1,
        interested_parties: 1,
        interested_party_requirements: 2,
        interested_party_requirements_undecided: 1,
        org_ai_roles: 1,
        raci_activities: 2,
        raci_activities_without_accountable: 1,
        objectives: 2,
        objectives_incomplete: 1,
        objectives_with_progress: 1,
        applied_controls: 2,
        applied_controls_implemented: 1,
        ai_systems: 4,
        ai_systems_without_purpose: 1,
        members_active: 0,
        members_without_ai_literacy: 0,
        training_topics_ai_literacy: 0,
        ai_systems_in_scope: 3,
        ai_systems_without_impact_assessment: 1,
        impact_assessments_approved: 2,
        impact_assessments_review_overdue: 1,
        ai_systems_fria_required: 1,
        ai_systems_without_fria: 1,
      });
      assert.deepEqual(facts.scope, { approved: { version: 2, approvedOn: "2026-02-03" } });
    });

    it("loads documents that are not retired with their published version, review date and linked nodes", async () => {
      const facts = await loadReadinessFacts(database.db, orgId, FW, TODAY);
      const byTitle = new Map(facts.documents.map((d) => [d.title, d]));
      assert.deepEqual([...byTitle.keys()].sort(), ["AI policy", "Risk procedure"]);
      assert.deepEqual(byTitle.get("AI policy"), {
        id: seeded.policyId,
        title: "AI policy",
        kind: "policy",
        templateKey: "ai_policy",
        nodes: ["5.2"],
        published: { version: 2, publishedOn: "2026-03-01" },
        nextReviewOn: "2027-03-01",
      });
      assert.deepEqual(byTitle.get("Risk procedure")?.published, null);
      assert.deepEqual(byTitle.get("Risk procedure")?.nodes, ["6.1.2"]);
    });

    it("compares SoA entries with the latest approved snapshot", async () => {
      const facts = await loadReadinessFacts(database.db, orgId, FW, TODAY);
      assert.deepEqual(facts.soa?.approved, { number: 2, approvedOn: "2026-04-10" });
      const entries = new Map(facts.soa!.entries.map((e) => [e.label, e]));
      assert.deepEqual(entries.get("A.2.2"), {
        controlId: "A.2.2",
        label: "A.2.2",
        evidenceKey: "A.2.2",
        applicable: true,
        justification: "We provide AI.",
        implementationStatus: "implemented",
        hasOwner: true,
        changedSinceApproval: false,
      });
      assert.equal(entries.get("A.2.3")?.changedSinceApproval, true);
      const own = entries.get('"Red teaming"');
      assert.deepEqual(
        [own?.controlId, own?.evidenceKey, own?.changedSinceApproval],
        [null, `applied_control:${seeded.ownId}`, false],
      );
    });

    it("groups evidence by subject, through SoA entries and applied controls, once per item", async () => {
      const facts = await loadReadinessFacts(database.db, orgId, FW, TODAY);
      assert.deepEqual(facts.evidence, {
        "A.2.2": { undated: 1, validUntil: { "2027-01-01": 1 } },
        "A.6.2.4": { undated: 0, validUntil: { "2026-05-31": 1 } },
        "A.7.4": { undated: 0, validUntil: { [TODAY]: 1 } },
        "8.1": { undated: 0, validUntil: { [TODAY]: 1 } },
        [`applied_control:${seeded.ownId}`]: { undated: 0, validUntil: { "2027-01-01": 1 } },
        [`applied_control:${await appliedControlId(database.db, orgId, "Data quality checks")}`]: {
          undated: 0,
          validUntil: { [TODAY]: 1 },
        },
      });
      // dated items folded relative to today: current ones under the earliest day, expired under the latest
      assert.deepEqual(facts.evidenceAll, { undated: 1, validUntil: { "2026-05-31": 1, [TODAY]: 2 } });
    });

    it("gives statuses that follow from those records", async () => {
      const view = evaluateReadiness(
        iso42001ReadinessRules,
        await loadReadinessFacts(database.db, orgId, FW, TODAY),
        TODAY,
      );
      const n = (id: string) => view.nodes.find((x) => x.nodeId === id)!;
      assert.equal(n("5.2").status, "ready");
      assert.equal(n("4.3").status, "ready");
      assert.equal(n("4.1").status, "partial");
      assert.deepEqual(
        n("4.1").missing.map((m) => m.text),
        ["1 context issues past their review date"],
      );
      assert.equal(n("A.2.2").status, "ready");
      assert.equal(n("A.2.3").status, "not_applicable");
      assert.deepEqual(
        n("A.6.2.4").missing.map((m) => m.text),
        ["no applicability decision in the SoA"],
      );
      assert.deepEqual(
        n("8.4").missing.map((m) => m.text),
        [
          "1 of 3 AI systems in scope have no approved impact assessment",
          "1 of 2 approved impact assessments are past their review date",
          "1 of 1 AI systems that require a FRIA have no approved FRIA",
        ],
      );
      assert.equal(n("8.4").status, "partial");
      assert.equal(view.signals.evidenceStale, 1);
      assert.equal(view.signals.evidenceTotal, 4);
    });
  });
}

async function appliedControlId(db: Executor, orgId: string, name: string): Promise<string> {
  const rows = await db.select().from(tables.appliedControls);
  return rows.find((r) => r.orgId === orgId && r.name === name)!.id;
}
