import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  computeDrift,
  createColumnSummarizer,
  createFairnessAccumulator,
  createPerformanceAccumulator,
  type BuiltinRole,
} from "@openaims/core";
import { testBackends } from "@openaims/db/testing";
import { sql } from "drizzle-orm";
import {
  assertChainIntact,
  auditEventsOf,
  buildAiSystem,
  buildOrgWithClients,
  useTestServer,
} from "../testing";

const NOW = new Date("2026-07-02T12:00:00.000Z");
const SHA = "b".repeat(64);

/** Group a selects 6/10; group b selects `bSelected`/10 → DI(b vs a) = bSelected / 6. */
function fairnessJson(bSelected: number) {
  const acc = createFairnessAccumulator({ attributes: ["race"], minGroupSize: 1, reference: { race: "a" } });
  const add = (race: string, label: 0 | 1, prediction: 0 | 1, n: number) => {
    for (let i = 0; i < n; i++) acc.add({ label, prediction, groups: { race } });
  };
  add("a", 1, 1, 5);
  add("a", 0, 1, 1);
  add("a", 0, 0, 4);
  add("b", 1, 1, bSelected);
  add("b", 0, 0, 10 - bSelected);
  return {
    ...acc.result(),
    input: { file: "scores.csv", format: "csv", sha256: SHA, rowsRead: 20, rowsUsed: 20 },
  };
}

type Client = Awaited<ReturnType<typeof buildOrgWithClients>>["owner"];
const put = (client: Client, url: string, payload: unknown) =>
  client.request({ method: "PUT", url, payload: payload as object });

const summary = { sha256: SHA, rowsRead: 200, rowsUsed: 200 };

/** A drift run: column `age` shifted by `shift`, column `plan` (categorical) unchanged. */
function driftJson(shift: number) {
  const column = (
    name: string,
    kind: "numeric" | "categorical",
    value: (i: number, cur: boolean) => number | string,
  ) => {
    const ref = createColumnSummarizer(name, kind);
    const cur = createColumnSummarizer(name, kind);
    for (let i = 0; i < 200; i++) {
      ref.add(value(i, false));
      cur.add(value(i, true));
    }
    return computeDrift(ref.summary(), cur.summary());
  };
  return {
    kind: "drift",
    columns: [
      column("age", "numeric", (i, cur) => i + (cur ? shift : 0)),
      column("plan", "categorical", (i) => (i % 3 === 0 ? "pro" : "basic")),
    ],
    reference: summary,
    current: summary,
  };
}

/** A performance run with `correct` of 4 rows right. */
function performanceJson(correct: number) {
  const acc = createPerformanceAccumulator();
  for (let i = 0; i < 4; i++)
    acc.add({ label: 1, prediction: i < correct ? 1 : 0, score: i < correct ? 0.9 : 0.2 });
  return { ...acc.result(), input: summary };
}

for (const backend of testBackends()) {
  describe(`measurement trends and run objectives on ${backend}`, () => {
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

    /** Three runs a second apart: DI(b vs a) = 3/6, 4/6, 6/6; the policy DI >= 0.6 fails the first only. */
    async function threeRuns(s: Awaited<ReturnType<typeof setup>>) {
      const p = await s.owner.post(`${s.sys}/measurement-policies`, {
        rule: { metric: "disparate_impact", attribute: "race", op: ">=", value: 0.6 },
      });
      assert.equal(p.statusCode, 201, p.body);
      const ids: string[] = [];
      let t = 0;
      server.ctx.now = () => new Date(NOW.getTime() + 1000 * t++);
      try {
        for (const b of [3, 4, 6]) {
          const res = await s.owner.post(`${s.sys}/measurement-runs`, {
            result: fairnessJson(b),
            title: `run b=${b}`,
          });
          assert.equal(res.statusCode, 201, res.body);
          ids.push(res.json().id);
        }
      } finally {
        server.ctx.now = () => NOW;
      }
      return { ids, policyId: p.json().id as string };
    }

    it("documents the new routes in the OpenAPI document", async () => {
      const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      for (const path of [
        "/api/v1/orgs/{orgId}/ai-systems/{id}/measurement-runs/trend",
        "/api/v1/orgs/{orgId}/measurement-runs/{runId}/objectives",
        "/api/v1/orgs/{orgId}/measurement-runs/{runId}/objective-progress",
      ])
        assert.ok(doc.paths[path], path);
    });

    it("gives a metric's values across three runs, oldest first, with each run's verdict and the threshold", async () => {
      const s = await setup();
      const { ids, policyId } = await threeRuns(s);
      const res = await s.owner.get(`${s.sys}/measurement-runs/trend?metric=disparate_impact&attribute=race`);
      assert.equal(res.statusCode, 200, res.body);
      const trend = res.json();
      assert.equal(trend.metric, "disparate_impact");
      assert.equal(trend.kind, "fairness");
      assert.deepEqual(
        trend.runs.map((r: { id: string }) => r.id),
        ids,
      );
      assert.deepEqual(
        trend.runs.map((r: { policyStatus: string }) => r.policyStatus),
        ["fail", "pass", "pass"],
      );
      assert.equal(trend.series.length, 1);
      const line = trend.series[0];
      assert.equal(line.where, "race: b vs a");
      const values = line.points.map((p: { value: number }) => Number(p.value.toFixed(6)));
      assert.deepEqual(values, [0.5, 0.666667, 1]);
      assert.deepEqual(
        line.points.map((p: { verdict: string }) => p.verdict),
        ["fail", "pass", "pass"],
      );
      assert.deepEqual(
        trend.thresholds.map((x: { policyId: string; op: string; value: number }) => [
          x.policyId,
          x.op,
          x.value,
        ]),
        [[policyId, ">=", 0.6]],
      );
      assert.equal(trend.truncated, false);
      const di = trend.available.find((m: { metric: string }) => m.metric === "disparate_impact");
      assert.deepEqual(di.attributes, ["race"]);

      // a limit keeps the latest runs; a metric without a policy has no verdicts
      const two = (
        await s.owner.get(`${s.sys}/measurement-runs/trend?metric=disparate_impact&limit=2`)
      ).json();
      assert.deepEqual(
        two.runs.map((r: { id: string }) => r.id),
        ids.slice(1),
      );
      assert.equal(two.truncated, true);
      const dp = (
        await s.owner.get(
          `${s.sys}/measurement-runs/trend?metric=demographic_parity_difference&method=between_groups`,
        )
      ).json();
      assert.equal(dp.series[0].where, "race (between_groups)");
      assert.deepEqual(
        dp.series[0].points.map((p: { value: number; verdict: null }) => [
          Number(p.value.toFixed(6)),
          p.verdict,
        ]),
        [
          [0.3, null],
          [0.2, null],
          [0, null],
        ],
      );
      // without a metric: only the choice; a drift metric on a system without drift runs: no lines
      const bare = (await s.owner.get(`${s.sys}/measurement-runs/trend`)).json();
      assert.equal(bare.metric, null);
      assert.ok(bare.available.length > 3);
      const psi = (await s.owner.get(`${s.sys}/measurement-runs/trend?metric=psi`)).json();
      assert.deepEqual([psi.kind, psi.runs.length, psi.series.length], ["drift", 0, 0]);
    });

    it("reads drift per column (in the result's order) and performance overall from the slimmed results", async () => {
      const s = await setup();
      const p = await s.owner.post(`${s.sys}/measurement-policies`, {
        rule: { metric: "psi", column: "age", op: "<", value: 0.25 },
      });
      assert.equal(p.statusCode, 201, p.body);
      let t = 0;
      server.ctx.now = () => new Date(NOW.getTime() + 1000 * t++);
      try {
        for (const body of [driftJson(0), driftJson(150), performanceJson(2), performanceJson(4)]) {
          const res = await s.owner.post(`${s.sys}/measurement-runs`, { result: body });
          assert.equal(res.statusCode, 201, res.body);
        }
      } finally {
        server.ctx.now = () => NOW;
      }
      const psi = (await s.owner.get(`${s.sys}/measurement-runs/trend?metric=psi`)).json();
      assert.deepEqual(
        psi.series.map((x: { where: string }) => x.where),
        ["column age", "column plan"],
      );
      const age = psi.series[0].points;
      assert.equal(age[0].value, 0);
      assert.ok(age[1].value > 0.25, String(age[1].value));
      assert.deepEqual(
        age.map((x: { verdict: string }) => x.verdict),
        ["pass", "fail"],
      );
      assert.deepEqual(
        psi.series[1].points.map((x: { verdict: null }) => x.verdict),
        [null, null],
      );
      const chi = (await s.owner.get(`${s.sys}/measurement-runs/trend?metric=chi_square&column=plan`)).json();
      assert.equal(chi.series.length, 1);
      const acc = (await s.owner.get(`${s.sys}/measurement-runs/trend?metric=accuracy`)).json();
      assert.deepEqual(
        acc.series.map((x: { where: string; points: { value: number }[] }) => [
          x.where,
          x.points.map((q) => q.value),
        ]),
        [["overall", [0.5, 1]]],
      );
      const available = (await s.owner.get(`${s.sys}/measurement-runs/trend`)).json().available;
      const kinds = new Set(available.map((m: { kind: string }) => m.kind));
      assert.deepEqual([...kinds].sort(), ["drift", "performance"]);
      assert.deepEqual(available.find((m: { metric: string }) => m.metric === "psi").columns, [
        "age",
        "plan",
      ]);
    });

    it("trend: a bad query is 400 naming the field; another org's system is 404", async () => {
      const a = await setup();
      const b = await setup();
      const bad = await a.owner.get(`${a.sys}/measurement-runs/trend?metric=nope`);
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.issues[0].path, "querystring.metric");
      const lim = await a.owner.get(`${a.sys}/measurement-runs/trend?metric=psi&limit=1000`);
      assert.equal(lim.statusCode, 400);
      assert.equal(lim.json().error.details.issues[0].path, "querystring.limit");
      assert.equal((await b.owner.get(`${a.sys}/measurement-runs/trend`)).statusCode, 404);
      assert.equal(
        (await b.owner.get(`${b.base}/ai-systems/${a.system.id}/measurement-runs/trend`)).statusCode,
        404,
      );
      const viewer = await a.as("viewer");
      assert.equal((await viewer.get(`${a.sys}/measurement-runs/trend?metric=psi`)).statusCode, 200);
    });

    it("policy edits: 400 naming the field, 404 unknown, 403 for a viewer, 409 stale", async () => {
      const s = await setup();
      const p = (
        await s.owner.post(`${s.sys}/measurement-policies`, {
          rule: { metric: "disparate_impact", op: ">=", value: 0.8 },
        })
      ).json();
      const url = `${s.base}/measurement-policies/${p.id}`;
      const r400 = await s.owner.patch(url, { version: 1, rule: { ...p.rule, op: "==" } });
      assert.equal(r400.statusCode, 400, r400.body);
      assert.equal(r400.json().error.details.issues[0].path, "rule.op");
      const unknownField = await s.owner.post(`${s.sys}/measurement-policies`, {
        rule: { metric: "psi", op: "<", value: 0.25, colum: "age" },
      });
      assert.equal(unknownField.statusCode, 400);
      const missing = `${s.base}/measurement-policies/00000000-0000-4000-8000-000000000000`;
      assert.equal((await s.owner.patch(missing, { version: 1, description: "x" })).statusCode, 404);
      assert.equal((await s.owner.delete(`${missing}?version=1`)).statusCode, 404);
      const viewer = await s.as("viewer");
      assert.equal((await viewer.patch(url, { version: 1, description: "x" })).statusCode, 403);
      assert.equal((await viewer.delete(`${url}?version=1`)).statusCode, 403);
      const ok = await s.owner.patch(url, { version: 1, rule: { ...p.rule, value: 0.9 } });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await s.owner.patch(url, { version: 1, description: "late" })).statusCode, 409);
    });

    it("links a run to objectives and records a run's metric as an objective's progress", async () => {
      const s = await setup();
      const { ids } = await threeRuns(s);
      const mk = async (title: string) => {
        const res = await s.owner.post(`${s.base}/objectives`, {
          title,
          measure: "disparate impact of race (b vs a)",
          target: 0.8,
          dueDate: "2026-12-31",
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const fair = await mk("Fair lending");
      const other = await mk("Other");
      const runUrl = `${s.base}/measurement-runs/${ids[2]}`;

      const both = await put(s.owner, `${runUrl}/objectives`, { objectiveIds: [fair, other] });
      assert.equal(both.statusCode, 200, both.body);
      assert.deepEqual(
        both
          .json()
          .items.map((l: { label: string }) => l.label)
          .sort(),
        ["Fair lending", "Other"],
      );
      const bad = await put(s.owner, `${runUrl}/objectives`, {
        objectiveIds: [fair, "00000000-0000-4000-8000-000000000000"],
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.details.issues[0].path, "objectiveIds.1");
      const down = await put(s.owner, `${runUrl}/objectives`, { objectiveIds: [other] });
      assert.deepEqual(
        down.json().items.map((l: { id: string }) => l.id),
        [other],
      );

      // progress from the run: several values need `where`; the value lands on the objective
      const progressUrl = `${runUrl}/objective-progress`;
      const ambiguous = await s.owner.post(progressUrl, {
        objectiveId: fair,
        metric: "statistical_parity_difference",
      });
      assert.equal(ambiguous.statusCode, 201, ambiguous.body); // one comparison group: exactly one value
      const none = await s.owner.post(progressUrl, { objectiveId: fair, metric: "psi" });
      assert.equal(none.statusCode, 400);
      assert.equal(none.json().error.details.issues[0].path, "metric");
      const wrongWhere = await s.owner.post(progressUrl, {
        objectiveId: fair,
        metric: "disparate_impact",
        where: "race: c vs a",
      });
      assert.equal(wrongWhere.statusCode, 400);
      assert.equal(wrongWhere.json().error.details.issues[0].path, "where");
      const rec = await s.owner.post(progressUrl, {
        objectiveId: fair,
        metric: "disparate_impact",
        attribute: "race",
      });
      assert.equal(rec.statusCode, 201, rec.body);
      assert.equal(rec.json().recorded.progress.value, 1);
      assert.equal(rec.json().recorded.progress.source, "measurement");
      assert.match(rec.json().recorded.progress.note, /disparate_impact at race: b vs a/);
      assert.deepEqual(
        rec
          .json()
          .objectives.items.map((l: { id: string }) => l.id)
          .sort(),
        [fair, other].sort(),
      );
      const got = await s.owner.get(`${runUrl}/objectives`);
      assert.equal(got.json().items.length, 2);
      const fromObjective = await s.owner.get(`${s.base}/objectives/${fair}/measurement-runs`);
      assert.equal(fromObjective.statusCode, 200, fromObjective.body);
      assert.deepEqual(
        fromObjective.json().items.map((x: { id: string }) => x.id),
        [ids[2]],
      );
      assert.equal(
        (await s.owner.get(`${s.base}/objectives/00000000-0000-4000-8000-000000000000/measurement-runs`))
          .statusCode,
        404,
      );

      // permissions and isolation
      const viewer = await s.as("viewer");
      assert.equal((await viewer.get(`${runUrl}/objectives`)).statusCode, 200);
      assert.equal((await put(viewer, `${runUrl}/objectives`, { objectiveIds: [] })).statusCode, 403);
      assert.equal(
        (await viewer.post(progressUrl, { objectiveId: fair, metric: "disparate_impact" })).statusCode,
        403,
      );
      const intruder = (await setup()).owner;
      assert.equal((await intruder.get(`${runUrl}/objectives`)).statusCode, 404);
      assert.equal((await intruder.get(`${s.base}/objectives/${fair}/measurement-runs`)).statusCode, 404);
      assert.equal((await put(intruder, `${runUrl}/objectives`, { objectiveIds: [] })).statusCode, 404);

      const events = await auditEventsOf(server, s.org.orgId);
      const linked = events.filter((e) => e.type === "measurement_run.objectives_linked");
      assert.equal(linked.length, 3, linked.map((e) => JSON.stringify(e.payload)).join("\n"));
      assert.deepEqual((linked[1]!.payload as { removed: string[] }).removed, [fair]);
      const types = await assertChainIntact(server, s.org.orgId);
      assert.ok(types.includes("objective.progress_recorded"));
    });

    it("records progress from a run and its link in one transaction: a failing link leaves no entry", async () => {
      const s = await setup();
      const { ids } = await threeRuns(s);
      const res = await s.owner.post(`${s.base}/objectives`, {
        title: "Atomic",
        measure: "disparate impact of race (b vs a)",
        target: 0.8,
        dueDate: "2026-12-31",
      });
      assert.equal(res.statusCode, 201, res.body);
      const objectiveId = res.json().id as string;
      const progressUrl = `${s.base}/measurement-runs/${ids[2]}/objective-progress`;
      const before = (await auditEventsOf(server, s.org.orgId)).length;
      // a fault in the second step (writing the run → objective link) after the progress entry was inserted
      const db = server.database.db;
      await db.execute(
        sql.raw(`create function openaims_test_refuse_link() returns trigger language plpgsql as $$
          begin if new.target_id = '${objectiveId}' then raise exception 'injected link failure'; end if;
          return new; end $$`),
      );
      await db.execute(
        sql.raw(`create trigger openaims_test_refuse_link before insert on record_links
          for each row execute function openaims_test_refuse_link()`),
      );
      try {
        const failed = await s.owner.post(progressUrl, {
          objectiveId,
          metric: "disparate_impact",
          attribute: "race",
        });
        assert.equal(failed.statusCode, 500, failed.body);
      } finally {
        await db.execute(sql.raw(`drop trigger openaims_test_refuse_link on record_links`));
        await db.execute(sql.raw(`drop function openaims_test_refuse_link()`));
      }
      const entries = await s.owner.get(`${s.base}/objectives/${objectiveId}/progress`);
      assert.equal(entries.statusCode, 200, entries.body);
      assert.deepEqual(entries.json().items, [], "the progress entry was rolled back with the link");
      assert.equal((await auditEventsOf(server, s.org.orgId)).length, before, "no event without its change");

      const ok = await s.owner.post(progressUrl, {
        objectiveId,
        metric: "disparate_impact",
        attribute: "race",
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(
        (await s.owner.get(`${s.base}/objectives/${objectiveId}/progress`)).json().items.length,
        1,
      );
      const events = (await auditEventsOf(server, s.org.orgId)).slice(before);
      assert.deepEqual(
        events.map((e) => [e.type, e.requestId === events[0]!.requestId]),
        [
          ["objective.progress_recorded", true],
          ["measurement_run.objectives_linked", true],
        ],
      );
      await assertChainIntact(server, s.org.orgId);
    });
  });
}
