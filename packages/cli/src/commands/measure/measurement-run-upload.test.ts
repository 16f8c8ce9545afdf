import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, useCliTestServer, useTempDir } from "../../testing/cli-harness";

/** group a: 6 of 10 selected, group b: 3 of 10 → disparate impact of b vs a = 0.5. */
function csv(): string {
  const rows = ["y,yhat,race"];
  const add = (race: string, y: number, yhat: number, n: number) => {
    for (let i = 0; i < n; i++) rows.push(`${y},${yhat},${race}`);
  };
  add("a", 1, 1, 5);
  add("a", 0, 1, 1);
  add("a", 0, 0, 4);
  add("b", 1, 1, 3);
  add("b", 1, 0, 2);
  add("b", 0, 0, 5);
  return rows.join("\n") + "\n";
}

for (const backend of testBackends()) {
  describe(`aims measure --upload on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("measure-upload");
    const args = (file: string) => [
      "measure",
      "fairness",
      "--file",
      file,
      "--label",
      "y",
      "--prediction",
      "yhat",
      "--group",
      "race",
      "--reference",
      "a",
      "--min-group-size",
      "1",
    ];

    it("stores the run, prints its id and the policy outcome, exits 1 when a policy fails", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Loan scorer" });
      const file = join(dir.path, "scores.csv");
      await writeFile(file, csv());

      const pass = await runCli([...args(file), "--system", system.id, "--upload", "--model", "v3"], { env });
      assert.equal(pass.code, 0, pass.stderr);
      const stored = /Stored run ([0-9a-f-]{36}) \(evidence ([0-9a-f-]{36})\)/.exec(pass.stdout);
      assert.ok(stored, pass.stdout);
      assert.match(pass.stdout, /^policy: no_policies$/m);

      const policies = `/api/v1/orgs/${org.orgId}/ai-systems/${system.id}/measurement-policies`;
      const res = await t.server.app.inject({
        method: "POST",
        url: policies,
        headers: { authorization: `Bearer ${env.OPENAIMS_TOKEN}` },
        payload: { rule: { metric: "disparate_impact", attribute: "race", op: ">=", value: 0.8 } },
      });
      assert.equal(res.statusCode, 201, res.body);

      const fail = await runCli([...args(file), "--system", system.id, "--upload", "--json"], { env });
      assert.equal(fail.code, 1, fail.stderr);
      // stdout stays the result; the upload report goes to stderr with --json
      assert.equal(JSON.parse(fail.stdout).kind, "fairness");
      assert.match(fail.stderr, /Stored run [0-9a-f-]{36} \(evidence [0-9a-f-]{36}, task [0-9a-f-]{36}\)/);
      assert.match(fail.stderr, /fail +disparate_impact >= 0\.8 \(race\)/);
      assert.match(fail.stderr, /race: b vs a: 0\.5 \(needs >= 0\.8\)/);

      const runs = await t.server.app.inject({
        method: "GET",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/${system.id}/measurement-runs`,
        headers: { authorization: `Bearer ${env.OPENAIMS_TOKEN}` },
      });
      const items = runs.json().items;
      assert.deepEqual(
        items.map((r: { policyStatus: string; source: string }) => `${r.policyStatus} ${r.source}`),
        ["fail cli", "no_policies cli"],
      );
      assert.equal(items[1].modelRef, "v3");
      assert.equal(items[1].id, stored![1]);
    });

    it("uploads performance and drift runs; a PSI policy checks every column", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Monitor" });
      const file = join(dir.path, "perf.csv");
      await writeFile(file, csv());
      const perf = await runCli(
        [
          "measure",
          "performance",
          "--file",
          file,
          "--label",
          "y",
          "--prediction",
          "yhat",
          "--group",
          "race",
        ].concat(["--system", system.id, "--upload"]),
        { env },
      );
      assert.equal(perf.code, 0, perf.stderr);
      assert.match(perf.stdout, /Stored run/);

      const auth = { authorization: `Bearer ${env.OPENAIMS_TOKEN}` };
      const created = await t.server.app.inject({
        method: "POST",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/${system.id}/measurement-policies`,
        headers: auth,
        payload: { rule: { metric: "psi", column: "*", op: "<", value: 0.25 } },
      });
      assert.equal(created.statusCode, 201, created.body);
      const ref = join(dir.path, "ref.csv");
      const cur = join(dir.path, "cur.csv");
      const lines = (f: (i: number) => string) =>
        ["x,c", ...Array.from({ length: 200 }, (_, i) => f(i))].join("\n");
      await writeFile(
        ref,
        lines((i) => `${i % 100},${i % 2 ? "u" : "v"}`),
      );
      await writeFile(
        cur,
        lines((i) => `${(i % 100) + 60},${i % 2 ? "u" : "v"}`),
      );
      const drift = await runCli(
        ["measure", "drift", "--reference", ref, "--current", cur, "--system", system.id, "--upload"],
        { env },
      );
      assert.equal(drift.code, 1, drift.stderr);
      assert.match(drift.stdout, /column x: /);
      assert.doesNotMatch(drift.stdout, /column c: /);
      const runs = await t.server.app.inject({
        method: "GET",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/${system.id}/measurement-runs`,
        headers: auth,
      });
      assert.deepEqual(
        runs.json().items.map((r: { kind: string; policyStatus: string }) => `${r.kind} ${r.policyStatus}`),
        ["drift fail", "performance no_policies"],
      );
    });

    it("checks a local --policy-file without a server, and --upload needs --system", async () => {
      const file = join(dir.path, "local.csv");
      await writeFile(file, csv());
      const rules = join(dir.path, "rules.yaml");
      await writeFile(
        rules,
        "- { metric: disparate_impact, attribute: race, op: '>=', value: 0.8 }\n" +
          "- { metric: statistical_parity_difference, abs: true, op: '<=', value: 0.5 }\n",
      );
      const local = await runCli([...args(file), "--policy-file", rules], { env: {} });
      assert.equal(local.code, 1, local.stderr);
      assert.match(local.stdout, /Local policy: fail \(1 rule\(s\) failed\)/);
      assert.match(local.stdout, /pass +\|statistical_parity_difference\| <= 0\.5/);

      const ok = join(dir.path, "ok.json");
      await writeFile(ok, JSON.stringify({ rules: [{ metric: "disparate_impact", op: ">=", value: 0.5 }] }));
      assert.equal((await runCli([...args(file), "--policy-file", ok], { env: {} })).code, 0);

      const bad = join(dir.path, "bad.json");
      await writeFile(bad, JSON.stringify([{ metric: "nope", op: "<", value: 1 }]));
      const badRun = await runCli([...args(file), "--policy-file", bad], { env: {} });
      assert.equal(badRun.code, 2);
      assert.match(badRun.stderr, /0\.metric/);

      const usage = await runCli([...args(file), "--upload"], { env: {} });
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /--upload needs --system/);
    });
  });
}
