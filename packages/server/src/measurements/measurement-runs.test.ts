import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createFairnessAccumulator, type BuiltinRole } from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const NOW = new Date("2026-07-02T12:00:00.000Z");
const SHA = "a".repeat(64);

/** What `aims measure fairness --json` prints: group a selects 6/10, group b 3/10 → DI(b vs a) = 0.5. */
function fairnessJson() {
  const acc = createFairnessAccumulator({ attributes: ["race"], minGroupSize: 1, reference: { race: "a" } });
  const add = (race: string, label: 0 | 1, prediction: 0 | 1, n: number) => {
    for (let i = 0; i < n; i++) acc.add({ label, prediction, groups: { race } });
  };
  add("a", 1, 1, 5);
  add("a", 0, 1, 1);
  add("a", 0, 0, 4);
  add("b", 1, 1, 3);
  add("b", 1, 0, 2);
  add("b", 0, 0, 5);
  const result = acc.result();
  return {
    ...result,
    input: { file: "scores.csv", format: "csv", sha256: SHA, rowsRead: 20, rowsUsed: 20, mapping: {} },
  };
}

for (const backend of testBackends()) {
  describe(`measurement runs on ${backend}`, () => {
    const server = useTestServer(backend);
    before(() => {
      server.ctx.now = () => NOW;
    });

    async function setup() {
      const built = await buildOrgWithClients(server);
      const system = await buildAiSystem(server, built.org.orgId, {
        name: "Loan scorer",
        ownerId: built.org.owner.userId,
      });
      const as = async (role: BuiltinRole) => (await built.member(role)).client;
      return { ...built, system, sys: `${built.base}/ai-systems/${system.id}`, as };
    }

    it("documents the routes in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const path of [
        "/api/v1/orgs/{orgId}/ai-systems/{id}/measurement-policies",
        "/api/v1/orgs/{orgId}/measurement-policies/{policyId}",
        "/api/v1/orgs/{orgId}/ai-systems/{id}/measurement-runs",
        "/api/v1/orgs/{orgId}/measurement-runs/{runId}",
      ])
        assert.ok(doc.paths[path], path);
    });

    it("records a run that passes: stored, evidence linked to the system and A.6.2.4/A.7.4/9.1, no task", async () => {
      const { org, owner, sys, base } = await setup();
      const p = await owner.post(`${sys}/measurement-policies`, {
        rule: { metric: "disparate_impact", attribute: "race", op: ">=", value: 0.5 },
      });
      assert.equal(p.statusCode, 201, p.body);
      assert.equal(p.json().label, "disparate_impact >= 0.5 (race)");
      assert.equal(p.json().kind, "fairness");

      const res = await owner.post(`${sys}/measurement-runs`, {
        result: fairnessJson(),
        modelRef: "scorer v3",
        parameters: { label: "y", prediction: "yhat", group: ["race"] },
      });
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      assert.equal(run.kind, "fairness");
      assert.equal(run.policyStatus, "pass");
      assert.equal(run.sha256, SHA);
      assert.equal(run.rowsUsed, 20);
      assert.equal(run.modelRef, "scorer v3");
      assert.equal(run.taskId, null);
      assert.equal(run.source, "api");
      assert.equal(run.title, "Fairness measurement of scores.csv");
      assert.equal(run.conventions.minGroupSize, 1);
      assert.equal(run.input.sha256, SHA);
      assert.equal(run.result.input, undefined);

      const ev = await owner.get(`${base}/evidence/${run.evidenceId}`);
      assert.equal(ev.statusCode, 200, ev.body);
      assert.equal(ev.json().kind, "link");
      assert.ok(
        ev.json().url.endsWith(`/api/v1/orgs/${org.orgId}/measurement-runs/${run.id}`),
        ev.json().url,
      );
      const links = ev
        .json()
        .links.map((l: { type: string; id: string }) => `${l.type} ${l.id}`)
        .sort();
      assert.deepEqual(links, [
        `ai_system ${run.aiSystemId}`,
        "framework_node iso-iec-42001-2023:9.1",
        "framework_node iso-iec-42001-2023:A.6.2.4",
        "framework_node iso-iec-42001-2023:A.7.4",
      ]);

      const got = await owner.get(`${base}/measurement-runs/${run.id}`);
      assert.equal(got.statusCode, 200, got.body);
      assert.equal(got.json().policyOutcome.rules[0].status, "pass");

      const types = await assertChainIntact(server, org.orgId);
      assert.ok(types.includes("measurement_policy.created"));
      const i = types.indexOf("measurement_run.recorded");
      assert.ok(i > 0 && types[i - 1] === "evidence.added", types.join(","));
      assert.ok(!types.includes("task.generated"));
    });

    it("a failed policy opens one high-priority task for the owner, named in the run and the audit trail", async () => {
      const { org, owner, sys, base } = await setup();
      await owner.post(`${sys}/measurement-policies`, {
        rule: { metric: "disparate_impact", attribute: "race", op: ">=", value: 0.8 },
      });
      await owner.post(`${sys}/measurement-policies`, {
        rule: { metric: "psi", column: "*", op: "<", value: 0.25 },
      });
      const res = await owner.request({
        method: "POST",
        url: `${sys}/measurement-runs`,
        payload: { result: fairnessJson() },
        headers: { "x-openaims-client": "cli" },
      });
      assert.equal(res.statusCode, 201, res.body);
      const run = res.json();
      assert.equal(run.policyStatus, "fail");
      assert.equal(run.failedRules, 1);
      assert.ok(run.taskId);
      assert.equal(run.source, "cli");
      const byMetric = (m: string) =>
        run.policyOutcome.rules.find((r: { rule: { metric: string } }) => r.rule.metric === m);
      const rule = byMetric("disparate_impact");
      assert.deepEqual(rule.failures, ["race: b vs a: 0.5 (needs >= 0.8)"]);
      assert.equal(byMetric("psi").status, "not_applicable");

      const task = (await owner.get(`${base}/tasks/${run.taskId}`)).json();
      assert.equal(task.origin, "measurement_policy_failed");
      assert.equal(task.priority, "high");
      assert.equal(task.assigneeId, org.owner.userId);
      assert.match(task.description, /race: b vs a: 0\.5/);

      const list = await owner.get(`${sys}/measurement-runs`);
      assert.equal(list.json().items[0].taskId, run.taskId);
      const recorded = (await auditEventsOf(server, org.orgId)).find(
        (e) => e.type === "measurement_run.recorded",
      )!;
      assert.deepEqual((recorded.payload as { failures: string[] }).failures, [
        "disparate_impact >= 0.8 (race)",
      ]);
      const types = await assertChainIntact(server, org.orgId);
      assert.ok(types.includes("task.generated"));
    });

    it("lists runs newest first with a cursor and a kind filter", async () => {
      const { owner, sys } = await setup();
      let t = 0;
      server.ctx.now = () => new Date(NOW.getTime() + 1000 * t++);
      try {
        for (let i = 0; i < 3; i++)
          assert.equal(
            (await owner.post(`${sys}/measurement-runs`, { result: fairnessJson(), title: `run ${i}` }))
              .statusCode,
            201,
          );
      } finally {
        server.ctx.now = () => NOW;
      }
      const first = (await owner.get(`${sys}/measurement-runs?limit=2`)).json();
      assert.deepEqual(
        first.items.map((r: { title: string }) => r.title),
        ["run 2", "run 1"],
      );
      assert.ok(first.nextCursor);
      const second = (await owner.get(`${sys}/measurement-runs?limit=2&cursor=${first.nextCursor}`)).json();
      assert.deepEqual(
        second.items.map((r: { title: string }) => r.title),
        ["run 0"],
      );
      assert.equal(second.nextCursor, null);
      assert.equal((await owner.get(`${sys}/measurement-runs?kind=drift`)).json().items.length, 0);
    });

    it("bad input is 400 naming the field", async () => {
      const { owner, sys } = await setup();
      const bad = fairnessJson();
      const r1 = await owner.post(`${sys}/measurement-runs`, {
        result: { ...bad, input: { ...bad.input, sha256: "xyz" } },
      });
      assert.equal(r1.statusCode, 400, r1.body);
      const paths = r1.json().error.details.issues.map((i: { path: string }) => i.path);
      assert.ok(paths.includes("result.input.sha256"), paths.join(","));
      const r2 = await owner.post(`${sys}/measurement-policies`, {
        rule: { metric: "nope", op: ">=", value: 1 },
      });
      assert.equal(r2.statusCode, 400);
      assert.equal(r2.json().error.details.issues[0].path, "rule.metric");
      const r3 = await owner.post(`${sys}/measurement-runs`, { result: { ...bad, rows: "many" } });
      assert.equal(r3.statusCode, 400);
    });

    it("changes and removes a policy with version checks and audit events", async () => {
      const { org, owner, sys, base } = await setup();
      const p = (
        await owner.post(`${sys}/measurement-policies`, {
          rule: { metric: "equalized_odds_difference", abs: true, op: "<=", value: 0.1 },
        })
      ).json();
      const upd = await owner.patch(`${base}/measurement-policies/${p.id}`, {
        version: 1,
        rule: { ...p.rule, value: 0.2 },
      });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal(upd.json().version, 2);
      assert.equal(upd.json().label, "|equalized_odds_difference| <= 0.2");
      assert.equal(
        (await owner.patch(`${base}/measurement-policies/${p.id}`, { version: 1, description: "x" }))
          .statusCode,
        409,
      );
      assert.equal((await owner.delete(`${base}/measurement-policies/${p.id}?version=1`)).statusCode, 409);
      assert.equal((await owner.delete(`${base}/measurement-policies/${p.id}?version=2`)).statusCode, 204);
      assert.equal((await owner.get(`${sys}/measurement-policies`)).json().items.length, 0);
      const types = await assertChainIntact(server, org.orgId);
      for (const t of [
        "measurement_policy.created",
        "measurement_policy.updated",
        "measurement_policy.deleted",
      ])
        assert.ok(types.includes(t), t);
    });

    it("viewers read but cannot record or set policies; auditors cannot record", async () => {
      const { sys, as, owner } = await setup();
      const viewer = await as("viewer");
      assert.equal((await viewer.get(`${sys}/measurement-runs`)).statusCode, 200);
      assert.equal(
        (await viewer.post(`${sys}/measurement-runs`, { result: fairnessJson() })).statusCode,
        403,
      );
      assert.equal(
        (await viewer.post(`${sys}/measurement-policies`, { rule: { metric: "psi", op: "<", value: 0.25 } }))
          .statusCode,
        403,
      );
      const auditor = await as("auditor");
      assert.equal(
        (await auditor.post(`${sys}/measurement-runs`, { result: fairnessJson() })).statusCode,
        403,
      );
      const contributor = await as("contributor");
      assert.equal(
        (await contributor.post(`${sys}/measurement-runs`, { result: fairnessJson() })).statusCode,
        201,
      );
      assert.ok(owner);
    });

    it("answers 404 to another organization", async () => {
      const a = await setup();
      const b = await setup();
      const run = (await a.owner.post(`${a.sys}/measurement-runs`, { result: fairnessJson() })).json();
      const pol = (
        await a.owner.post(`${a.sys}/measurement-policies`, { rule: { metric: "psi", op: "<", value: 0.25 } })
      ).json();
      const intruder = b.owner;
      const calls = [
        () => intruder.get(`${a.sys}/measurement-runs`),
        () => intruder.post(`${a.sys}/measurement-runs`, { result: fairnessJson() }),
        () => intruder.get(`${a.base}/measurement-runs/${run.id}`),
        () => intruder.get(`${a.sys}/measurement-policies`),
        // the same ids through the intruder's own org
        () => intruder.get(`${b.base}/measurement-runs/${run.id}`),
        () => intruder.get(`${b.base}/ai-systems/${a.system.id}/measurement-runs`),
        () =>
          intruder.post(`${b.base}/ai-systems/${a.system.id}/measurement-runs`, { result: fairnessJson() }),
        () => intruder.patch(`${b.base}/measurement-policies/${pol.id}`, { version: 1, description: "x" }),
        () => intruder.delete(`${b.base}/measurement-policies/${pol.id}?version=1`),
      ];
      for (const call of calls) assert.equal((await call()).statusCode, 404);
    });
  });
}
