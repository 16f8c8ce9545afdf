import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { aiSupplierQuestionnaire, questionsOf } from "@openaims/core";
import { sql } from "drizzle-orm";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
  type TestClient,
} from "../testing";

const NOW = new Date("2026-07-02T12:00:00.000Z");

/** Every choice answered favourably and a recent evaluation date, then `over` applied. */
function fullAnswers(over: Record<string, string> = {}) {
  const out: Record<string, { answer: string; note?: string }> = {};
  for (const q of questionsOf(aiSupplierQuestionnaire)) {
    if (q.type === "choice") out[q.id] = { answer: q.favourable };
    if (q.type === "date") out[q.id] = { answer: "2026-05-01" };
  }
  for (const [id, answer] of Object.entries(over)) out[id] = { answer };
  return out;
}

const put = (c: TestClient, url: string, payload: unknown) =>
  c.request({ method: "PUT", url, payload: payload as object });

for (const backend of testBackends()) {
  describe(`vendor questionnaire routes on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const { org, owner, base, member } = await buildOrgWithClients(server);
      const vendor = (await owner.post(`${base}/vendors`, { name: "Acme Models", riskRating: "low" })).json();
      return { org, owner, member, orgBase: base, vendor, q: `${base}/vendors/${vendor.id}/questionnaire` };
    }

    it("serves the template, saves a draft with optimistic version, completes it immutably and keeps history", async () => {
      const { org, owner, orgBase, q } = await setup();
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/vendors/{id}/questionnaire"].put);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/vendors/{id}/questionnaire/complete"].post);
      assert.ok(doc.paths["/api/v1/orgs/{orgId}/vendor-questionnaire"].get);
      const tpl = await owner.get(`${orgBase}/vendor-questionnaire`);
      assert.equal(tpl.statusCode, 200, tpl.body);
      assert.equal(tpl.json().version, aiSupplierQuestionnaire.version);
      assert.ok(tpl.json().sections.some((s: { id: string }) => s.id === "contract"));

      const empty = (await owner.get(q)).json();
      assert.equal(empty.version, 0);
      assert.equal(empty.score.suggestedRating, "critical"); // only the missing evaluation date is scored yet
      const saved = await put(owner, q, {
        version: 0,
        answers: { "doc.logs": { answer: "no", note: "no log export" } },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().version, 1);
      assert.equal(saved.json().answers["doc.logs"].note, "no log export");
      assert.equal((await put(owner, q, { version: 0, answers: {} })).statusCode, 409);
      // completing a draft with questions left is 400 naming them
      const early = await owner.post(`${q}/complete`, { version: 1 });
      assert.equal(early.statusCode, 400, early.body);
      assert.ok(
        early
          .json()
          .error.details.issues.some((i: { path: string }) => i.path === "answers.supply.intended_use"),
      );

      const full = await put(owner, q, {
        version: 1,
        answers: fullAnswers({ "security.incident_notice": "no", "doc.logs": "partial" }),
      });
      assert.equal(full.statusCode, 200, full.body);
      const draft = full.json();
      assert.equal(draft.score.suggestedRating, "high"); // escalated by the incident-notice concern
      assert.equal(draft.currentRating, "low");
      assert.equal(draft.ratingDiffers, true);
      assert.equal((await owner.post(`${q}/complete`, { version: 1 })).statusCode, 409);
      const done = await owner.post(`${q}/complete`, { version: 2 });
      assert.equal(done.statusCode, 201, done.body);
      assert.equal(done.json().number, 1);
      assert.deepEqual(
        done.json().score.concerns.map((c: { questionId: string }) => c.questionId),
        ["security.incident_notice"],
      );
      assert.ok(done.json().completedBy.name);

      // the next draft starts from the completed answers, unsaved
      const next = (await owner.get(q)).json();
      assert.equal(next.version, 0);
      assert.equal(next.startedFrom, 1);
      assert.equal(next.answers["security.incident_notice"].answer, "no");
      assert.equal((await owner.post(`${q}/complete`, { version: 1 })).statusCode, 409);

      const history = (await owner.get(`${q}/history`)).json();
      assert.equal(history.items.length, 1);
      assert.equal(history.items[0].score.suggestedRating, "high");

      const types = (await assertChainIntact(server, org.orgId)).filter((t) => t.startsWith("vendor.q"));
      assert.deepEqual(types, [
        "vendor.questionnaire_saved",
        "vendor.questionnaire_saved",
        "vendor.questionnaire_completed",
      ]);
      const completed = (await auditEventsOf(server, org.orgId)).find(
        (e) => e.type === "vendor.questionnaire_completed",
      )!;
      assert.equal((completed.payload as { suggestedRating: string }).suggestedRating, "high");

      // a completed response cannot be changed in the database either
      await assert.rejects(
        server.ctx.database.db.execute(sql`update vendor_questionnaire_responses set concern_count = 0`),
      );
    });

    it("answers 400 naming the answer, 403 to viewers, 409 for an archived vendor, 404 across organizations", async () => {
      const a = await setup();
      const b = await setup();
      const bad = await put(a.owner, a.q, { version: 0, answers: { "doc.logs": { answer: "maybe" } } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.issues[0].path, "answers.doc.logs.answer");
      const unknown = await put(a.owner, a.q, { version: 0, answers: { "no.such": { answer: "yes" } } });
      assert.equal(unknown.json().error.details.issues[0].path, "answers.no.such");

      const viewer = (await a.member("viewer")).client;
      assert.equal((await viewer.get(a.q)).statusCode, 200);
      assert.equal((await put(viewer, a.q, { version: 0, answers: {} })).statusCode, 403);

      for (const call of [
        () => b.owner.get(`${b.orgBase}/vendors/${a.vendor.id}/questionnaire`),
        () => b.owner.get(`${b.orgBase}/vendors/${a.vendor.id}/questionnaire/history`),
        () => put(b.owner, `${b.orgBase}/vendors/${a.vendor.id}/questionnaire`, { version: 0, answers: {} }),
        () => b.owner.post(`${b.orgBase}/vendors/${a.vendor.id}/questionnaire/complete`, { version: 1 }),
        () => b.owner.get(a.q),
      ])
        assert.equal((await call()).statusCode, 404);

      await a.owner.post(`${a.orgBase}/vendors/${a.vendor.id}/archive`, { version: 1 });
      const archived = await put(a.owner, a.q, { version: 0, answers: {} });
      assert.equal(archived.statusCode, 409);
      assert.equal(archived.json().error.code, "invalid_state");
    });

    it("a system inherits attention from a risky vendor of one of its models, once it is rated, overdue or has concerns", async () => {
      const { org, owner, orgBase, vendor, q } = await setup();
      const system = await buildAiSystem(server, org.orgId, { name: "Claims triage" });
      const model = (
        await owner.post(`${orgBase}/models`, {
          name: "Scorer",
          links: [{ type: "ai_system", id: system.id }],
        })
      ).json();
      const components = `${orgBase}/ai-systems/${system.id}/components`;
      const reasons = async () =>
        (await owner.get(components))
          .json()
          .attention.map((a: { reason: string }) => a.reason)
          .sort();
      await owner.patch(`${orgBase}/vendors/${vendor.id}`, {
        version: 1,
        links: [{ type: "ai_model", id: model.id }],
      });
      assert.deepEqual(await reasons(), []);
      await owner.patch(`${orgBase}/vendors/${vendor.id}`, {
        version: 2,
        riskRating: "critical",
        reviewDate: "2026-07-01",
      });
      assert.deepEqual(await reasons(), ["vendor_high_risk", "vendor_review_overdue"]);
      await put(owner, q, { version: 0, answers: fullAnswers({ "exit.portability": "no" }) });
      await owner.post(`${q}/complete`, { version: 1 });
      const attention = (await owner.get(components)).json().attention;
      const concern = attention.find((a: { reason: string }) => a.reason === "vendor_questionnaire_concerns");
      assert.deepEqual(
        { type: concern.componentType, id: concern.componentId, detail: concern.detail },
        { type: "vendor", id: vendor.id, detail: "1" },
      );
      // the vendor list can name a model's suppliers
      const suppliers = await owner.get(`${orgBase}/vendors?model=${model.id}`);
      assert.equal(suppliers.json().items?.[0]?.id, vendor.id, suppliers.body);
      await owner.post(`${orgBase}/vendors/${vendor.id}/archive`, { version: 3 });
      assert.deepEqual(await reasons(), []);
    });
  });
}
