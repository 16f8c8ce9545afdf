import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildOrgWithClients,
  type TestClient,
  useTestServer,
} from "../testing";
import { deployerAnswers } from "../testing/eu-ai-act-answers";

const today = () => new Date().toISOString().slice(0, 10);

const friaAnswers = deployerAnswers();

const filled = "Written down for the test.";
/** Complete content for a FRIA (a standard assessment ignores the fria section). */
const completeContent = (controlIds: string[] = []) => ({
  system: { description: filled, intendedUse: filled },
  affected: { individuals: "Loan applicants" },
  benefits: { description: filled },
  harms: [
    {
      dimension: "fairness",
      description: "Applicants from some postcodes are scored lower.",
      severity: 3,
      likelihood: 3,
      mitigations: "Quarterly disparity testing.",
      appliedControlIds: controlIds,
      riskRefs: ["R-12"],
      residualSeverity: 3,
      residualLikelihood: 1,
    },
  ],
  residual: { summary: filled, acceptable: true },
  consultation: { summary: filled },
  decision: { outcome: "proceed", rationale: filled },
  fria: {
    processes: filled,
    periodAndFrequency: filled,
    affectedCategories: filled,
    specificRisks: filled,
    humanOversight: filled,
    measuresIfMaterialised: filled,
    governance: filled,
    complaints: filled,
  },
});

for (const backend of testBackends()) {
  describe(`impact assessment routes on ${backend}`, () => {
    const server = useTestServer(backend);

    async function setup() {
      const o = await buildOrgWithClients(server);
      const sys = (await o.owner.post(`${o.base}/ai-systems`, { name: "Credit scoring" })).json();
      return { ...o, sys, url: `${o.base}/impact-assessments` };
    }
    const act = (c: TestClient, url: string, action: string, version: number, comment?: string) =>
      c.post(`${url}/${action}`, { version, ...(comment ? { comment } : {}) });

    it("drafts a FRIA, signs it off with four-eyes, supersedes on re-approval and records the notification", async () => {
      const { owner, base, url, sys, member, org } = await setup();
      const classified = await owner.request({
        method: "PUT",
        url: `${base}/ai-systems/${sys.id}/classification`,
        payload: friaAnswers,
      });
      assert.equal(classified.statusCode, 200, classified.body);
      const control = (await owner.post(`${base}/applied-controls`, { name: "Disparity testing" })).json();
      const author = await member("contributor");
      const lead = await member("governance_lead");

      const created = await author.client.post(url, { aiSystemId: sys.id });
      assert.equal(created.statusCode, 201, created.body);
      let a = created.json();
      assert.equal(a.variant, "fria");
      assert.equal(a.templateId, "impact-fria-v1");
      assert.equal(a.friaRequired, true);
      assert.equal(a.status, "draft");
      assert.ok(a.gaps.some((g: { path: string }) => g.path === "content.fria.processes"));

      const early = await act(author.client, `${url}/${a.id}`, "submit", a.version);
      assert.equal(early.statusCode, 400, early.body);
      assert.ok(
        early
          .json()
          .error.details.issues.some((i: { path: string }) => i.path === "content.system.description"),
      );

      const edited = await author.client.patch(`${url}/${a.id}`, {
        version: a.version,
        content: completeContent([control.id]),
      });
      assert.equal(edited.statusCode, 200, edited.body);
      a = edited.json();
      assert.deepEqual(a.gaps, []);
      assert.deepEqual(a.summary.overallInherent, { score: 9, level: "high" });
      assert.deepEqual(a.summary.overallResidual, { score: 3, level: "low" });
      assert.deepEqual(
        a.controls.map((c: { id: string; label: string }) => [c.id, c.label]),
        [[control.id, "Disparity testing"]],
      );
      // the owner also edits, so the owner may not sign it off either
      const touched = await owner.patch(`${url}/${a.id}`, {
        version: a.version,
        content: { ...completeContent([control.id]), benefits: { description: "Faster decisions." } },
      });
      assert.equal(touched.statusCode, 200, touched.body);
      a = touched.json();
      assert.deepEqual(a.editorIds, [org.owner.userId]);

      a = (await act(author.client, `${url}/${a.id}`, "submit", a.version)).json();
      assert.equal(a.status, "in_review");
      assert.equal((await act(author.client, `${url}/${a.id}`, "approve", a.version)).statusCode, 403);
      const own = await act(owner, `${url}/${a.id}`, "approve", a.version);
      assert.equal(own.statusCode, 403, own.body);
      assert.equal(own.json().error.details.rule, "four_eyes");
      assert.equal(a.abilities.approve, false);
      const leadView = (await lead.client.get(`${url}/${a.id}`)).json();
      assert.equal(leadView.abilities.approve, true);

      const approved = await act(lead.client, `${url}/${a.id}`, "approve", a.version, "Signed off.");
      assert.equal(approved.statusCode, 200, approved.body);
      a = approved.json();
      assert.equal(a.status, "approved");
      assert.equal(a.approvedVersion, 2);
      assert.equal(a.approvedBy, lead.userId);
      assert.ok(a.nextReviewDate > today());
      assert.deepEqual(
        a.versions.map((v: { number: number; kind: string; status: string }) => [v.number, v.kind, v.status]),
        [
          [2, "approved", "approved"],
          [1, "submitted", "submitted"],
        ],
      );
      assert.deepEqual(a.warnings, ["authority_not_notified"]);
      const frozen = (await owner.get(`${url}/${a.id}/versions/2`)).json();
      assert.equal(frozen.content.benefits.description, "Faster decisions.");
      assert.equal(frozen.summary.overallResidual.level, "low");

      const future = await author.client.post(`${url}/${a.id}/notifications`, {
        notifiedOn: "2999-01-01",
        authority: "Market surveillance authority",
      });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.details.issues[0].path, "notifiedOn");
      const notified = await author.client.post(`${url}/${a.id}/notifications`, {
        notifiedOn: today(),
        authority: "Market surveillance authority",
        reference: "MSA-2026-17",
      });
      assert.equal(notified.statusCode, 201, notified.body);
      a = notified.json();
      assert.equal(a.notifications[0].reference, "MSA-2026-17");
      assert.equal(a.notifications[0].versionNumber, 2);
      assert.deepEqual(a.warnings, []);

      // content cannot change while approved; a revision can, and its approval supersedes version 2
      const locked = await author.client.patch(`${url}/${a.id}`, {
        version: a.version,
        content: completeContent(),
      });
      assert.equal(locked.statusCode, 409);
      assert.equal(locked.json().error.code, "invalid_state");
      a = (await act(author.client, `${url}/${a.id}`, "revise", a.version)).json();
      assert.equal(a.status, "draft");
      assert.equal(a.revision, 2);
      assert.equal(a.approvedVersion, 2);
      a = (await act(author.client, `${url}/${a.id}`, "submit", a.version)).json();
      a = (await act(owner, `${url}/${a.id}`, "approve", a.version)).json();
      assert.equal(a.approvedVersion, 4);
      assert.deepEqual(
        a.versions.map((v: { status: string }) => v.status),
        ["approved", "submitted", "superseded", "submitted"],
      );

      const types = await assertChainIntact(server, org.orgId);
      for (const t of [
        "impact_assessment.created",
        "impact_assessment.updated",
        "impact_assessment.submitted",
        "impact_assessment.approved",
        "impact_assessment.authority_notified",
        "impact_assessment.revision_started",
      ])
        assert.ok(types.includes(t), t);
      const approvals = (await auditEventsOf(server, org.orgId)).filter(
        (e) => e.type === "impact_assessment.approved",
      );
      assert.deepEqual(
        approvals.map((e) => (e.payload as { supersededVersion: number | null }).supersededVersion),
        [null, 2],
      );
    });

    it("answers 400 naming the field, 409 for a stale version, and keeps frozen versions immutable", async () => {
      const { owner, url, sys, member } = await setup();
      const badHarm = await owner.post(url, {
        aiSystemId: sys.id,
        content: { harms: [{ dimension: "fairness", description: "x", severity: 5, likelihood: 1 }] },
      });
      assert.equal(badHarm.statusCode, 400);
      assert.equal(badHarm.json().error.details.issues[0].path, "content.harms.0.severity");
      const unknownControl = await owner.post(url, {
        aiSystemId: sys.id,
        content: {
          harms: [
            {
              dimension: "privacy",
              description: "x",
              severity: 1,
              likelihood: 1,
              appliedControlIds: ["00000000-0000-4000-8000-000000000000"],
            },
          ],
        },
      });
      assert.equal(unknownControl.statusCode, 400);
      assert.equal(unknownControl.json().error.details.issues[0].path, "content.harms.0.appliedControlIds.0");

      const a = (await owner.post(url, { aiSystemId: sys.id, variant: "standard" })).json();
      assert.equal(a.variant, "standard");
      assert.equal(a.friaRequired, false);
      assert.equal(
        (await owner.patch(`${url}/${a.id}`, { version: a.version, title: "Credit IA" })).statusCode,
        200,
      );
      const stale = await owner.patch(`${url}/${a.id}`, { version: a.version, title: "Again" });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, "conflict");
      const unknownField = await owner.patch(`${url}/${a.id}`, { version: 2, colour: "red" });
      assert.equal(unknownField.statusCode, 400);

      const viewer = await member("viewer");
      assert.equal((await viewer.client.get(`${url}/${a.id}`)).statusCode, 200);
      assert.equal((await viewer.client.post(url, { aiSystemId: sys.id })).statusCode, 403);
      const auditor = await member("auditor");
      const listed = (await auditor.client.get(`${url}?systemId=${sys.id}`)).json();
      assert.deepEqual(
        listed.items.map((i: { id: string }) => i.id),
        [a.id],
      );

      await owner.patch(`${url}/${a.id}`, { version: 2, content: completeContent() });
      await act(owner, `${url}/${a.id}`, "submit", 3);
      await assert.rejects(() =>
        server.database.db.execute(sql`update impact_assessment_versions set note = 'changed'`),
      );
      await assert.rejects(() => server.database.db.execute(sql`delete from impact_assessment_versions`));
    });

    it("hides another organization's assessments and systems (404)", async () => {
      const a = await setup();
      const b = await setup();
      const created = (await a.owner.post(a.url, { aiSystemId: a.sys.id })).json();
      assert.equal((await b.owner.get(`${b.url}/${created.id}`)).statusCode, 404);
      assert.equal(
        (await b.owner.patch(`${b.url}/${created.id}`, { version: 1, title: "x" })).statusCode,
        404,
      );
      assert.equal((await act(b.owner, `${b.url}/${created.id}`, "archive", 1)).statusCode, 404);
      assert.equal((await act(b.owner, `${b.url}/${created.id}`, "restore", 1)).statusCode, 404);
      // restore: only an archived assessment (409 otherwise); a draft comes back as a draft
      assert.equal((await act(a.owner, `${a.url}/${created.id}`, "restore", 1)).statusCode, 409);
      const archived = (await act(a.owner, `${a.url}/${created.id}`, "archive", 1)).json();
      const restored = await act(a.owner, `${a.url}/${created.id}`, "restore", archived.version);
      assert.equal(restored.statusCode, 200);
      assert.deepEqual([restored.json().status, restored.json().archivedAt], ["draft", null]);
      assert.equal(
        (await b.owner.get(`${b.base}/ai-systems/${a.sys.id}/impact-assessments`)).statusCode,
        404,
      );
      const foreign = await b.owner.post(b.url, { aiSystemId: a.sys.id });
      assert.equal(foreign.statusCode, 400);
      assert.equal(foreign.json().error.details.issues[0].path, "aiSystemId");
      const own = (await a.owner.get(`${a.base}/ai-systems/${a.sys.id}/impact-assessments`)).json();
      assert.deepEqual(
        own.items.map((i: { id: string }) => i.id),
        [created.id],
      );
    });

    it("documents its routes in OpenAPI and serves the templates to members", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      const base = "/api/v1/orgs/{orgId}/impact-assessments";
      assert.ok(doc.paths[base]?.get && doc.paths[base]?.post);
      assert.ok(doc.paths[`${base}/{id}`]?.get && doc.paths[`${base}/{id}`]?.patch);
      for (const action of [
        "submit",
        "approve",
        "reject",
        "revise",
        "mark-reviewed",
        "archive",
        "restore",
        "notifications",
      ])
        assert.ok(doc.paths[`${base}/{id}/${action}`]?.post, action);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/ai-systems/{id}/impact-assessments"]?.get);
      assert.ok(doc.paths[`${base}/{id}/versions/{from}/diff/{to}`]?.get);
      const { owner, base: orgBase, member } = await setup();
      const viewer = await member("viewer");
      const templates = (await viewer.client.get(`${orgBase}/impact-assessment-templates`)).json();
      assert.deepEqual(
        templates.items.map((t: { id: string }) => t.id),
        ["impact-standard-v1", "impact-fria-v1"],
      );
      const fria = templates.items[1].sections.find((s: { key: string }) => s.key === "fria");
      assert.deepEqual(
        [...new Set(fria.fields.map((f: { basis: string }) => f.basis))],
        [
          "Art. 27(1)(a)",
          "Art. 27(1)(b)",
          "Art. 27(1)(c)",
          "Art. 27(1)(d)",
          "Art. 27(1)(e)",
          "Art. 27(1)(f)",
        ],
      );
      assert.equal((await owner.get(`${orgBase}/impact-assessment-templates`)).statusCode, 200);
    });

    it("opens review tasks when the system changes, an incident is reported or the review date nears", async () => {
      const { owner, base, url, sys, member } = await setup();
      const lead = await member("governance_lead");
      let a = (await owner.post(url, { aiSystemId: sys.id, content: completeContent() })).json();
      a = (await act(owner, `${url}/${a.id}`, "submit", a.version)).json();
      a = (await act(lead.client, `${url}/${a.id}`, "approve", a.version)).json();
      const reviewTasks = async () =>
        (await owner.get(`${base}/tasks?origin=impact_assessment_review&status=active`)).json().items as {
          title: string;
          description: string;
          subject: { type: string; id: string };
        }[];
      const generate = async () => {
        const r = (await owner.post(`${base}/tasks/generate`)).json();
        return r.byOrigin.find((o: { origin: string }) => o.origin === "impact_assessment_review");
      };
      assert.equal((await generate()).created, 0);

      const patched = await owner.patch(`${base}/ai-systems/${sys.id}`, {
        version: sys.version,
        purpose: "Also limits",
      });
      assert.equal(patched.statusCode, 200, patched.body);
      const incident = await owner.post(`${base}/incidents`, {
        title: "Wrong refusal",
        becameAwareOn: today(),
        aiSystemIds: [sys.id],
      });
      assert.equal(incident.statusCode, 201, incident.body);
      a = (await owner.patch(`${url}/${a.id}`, { version: a.version, nextReviewDate: today() })).json();

      assert.equal((await generate()).created, 3);
      assert.equal((await generate()).created, 0);
      const tasks = await reviewTasks();
      assert.equal(tasks.length, 3);
      assert.ok(tasks.every((t) => t.subject.type === "impact_assessment" && t.subject.id === a.id));
      assert.ok(tasks.some((t) => t.description.includes("changed after the assessment was approved")));
      assert.ok(tasks.some((t) => t.description.includes("incident")));

      a = (await act(lead.client, `${url}/${a.id}`, "mark-reviewed", a.version)).json();
      assert.equal((await generate()).closed, 3);
      assert.equal((await reviewTasks()).length, 0);
    });
  });
}
