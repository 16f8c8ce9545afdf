import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildAiSystem } from "@openaims/server/testing";
import { orgWithToken, runCli, useCliTestServer, useTempDir } from "../../testing/cli-harness";

const fixture = resolve(import.meta.dirname, "fixtures/compas-sample.csv");
const fairness = (file: string) => [
  "measure",
  "fairness",
  "--file",
  file,
  "--label",
  "label_value",
  "--score",
  "score",
  "--threshold",
  "0.5",
  "--group",
  "race",
  "--group",
  "sex",
  "--min-group-size",
  "5",
];
const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

describe("aims measure --file - (standard input)", () => {
  it("measures what is piped in exactly as the same file, with the stdin's SHA-256", async () => {
    const csv = await readFile(fixture, "utf8");
    const fromFile = await runCli([...fairness(fixture), "--json"]);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const piped = await runCli([...fairness("-"), "--json"], { stdin: csv });
    assert.equal(piped.code, 0, piped.stderr);
    const a = JSON.parse(fromFile.stdout);
    const b = JSON.parse(piped.stdout);
    assert.equal(b.input.file, "-");
    assert.equal(b.input.sha256, sha256(csv));
    assert.equal(b.input.sha256, a.input.sha256);
    const { input: _a, ...resultA } = a;
    const { input: _b, ...resultB } = b;
    assert.deepEqual(resultB, resultA);
    assert.ok(b.input.rowsUsed > 250, String(b.input.rowsUsed));
  });

  it("reports a bad piped file like a bad file (exit 2, line numbers)", async () => {
    const res = await runCli(
      ["measure", "fairness", "--file", "-", "--label", "y", "--prediction", "p", "--group", "g"],
      { stdin: "y,p,g\n1,1,a\n1,1\n" },
    );
    assert.equal(res.code, 2, res.stdout);
    assert.match(res.stderr, /-: 1 of 2 rows are not valid; nothing was measured/);
    assert.match(res.stderr, /line 3: has 2 fields but the header has 3/);
  });
});

for (const backend of testBackends()) {
  describe(`aims measure --upload --send-file on ${backend}`, () => {
    const t = useCliTestServer(backend, {
      config: { evidence: { store: "db", dir: "/nonexistent", maxBytes: 25 * 1024 * 1024 } },
    });
    const dir = useTempDir("measure-send-file");

    it("the server measures the file and stores the same numbers the CLI computes", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Recidivism scorer" });
      const local = await runCli([...fairness(fixture), "--json"]);
      const expected = JSON.parse(local.stdout);

      const sent = await runCli(
        [
          ...fairness(fixture),
          "--system",
          system.id,
          "--upload",
          "--send-file",
          "--model",
          "COMPAS",
          "--json",
        ],
        { env },
      );
      assert.equal(sent.code, 0, sent.stderr);
      const run = JSON.parse(sent.stdout);
      const { input, ...result } = expected;
      assert.deepEqual(run.result, result);
      assert.equal(run.sha256, input.sha256);
      assert.equal(run.sha256, sha256(await readFile(fixture)));
      assert.equal(run.rowsUsed, input.rowsUsed);
      assert.equal(run.input.file, "compas-sample.csv");
      assert.equal(run.modelRef, "COMPAS");
      assert.equal(run.source, "cli");
      assert.match(
        sent.stderr,
        /Stored run [0-9a-f-]{36} \(evidence [0-9a-f-]{36}\), measured on the server/,
      );
      assert.match(sent.stderr, /^policy: no_policies$/m);
    });

    it("drift sends both files; --keep-file keeps them as evidence; a failed policy exits 1", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Monitor" });
      const ref = join(dir.path, "ref.csv");
      const cur = join(dir.path, "cur.csv");
      const rows = (f: (i: number) => number) =>
        ["x", ...Array.from({ length: 100 }, (_, i) => String(f(i)))].join("\n") + "\n";
      await writeFile(
        ref,
        rows((i) => i),
      );
      await writeFile(
        cur,
        rows((i) => i + 80),
      );
      await t.server.app.inject({
        method: "POST",
        url: `/api/v1/orgs/${org.orgId}/ai-systems/${system.id}/measurement-policies`,
        headers: { authorization: `Bearer ${env.OPENAIMS_TOKEN}` },
        payload: { rule: { metric: "psi", column: "x", op: "<", value: 0.25 } },
      });
      const res = await runCli(
        [
          "measure",
          "drift",
          "--reference",
          ref,
          "--current",
          cur,
          "--system",
          system.id,
          "--upload",
          "--send-file",
          "--keep-file",
        ],
        { env },
      );
      assert.equal(res.code, 1, res.stderr);
      assert.match(res.stdout, /Stored run [0-9a-f-]{36} \(evidence [0-9a-f-]{36}, task [0-9a-f-]{36}\)/);
      assert.match(res.stdout, /fail +psi < 0\.25 \(column x\)/);
      const evidence = await t.server.app.inject({
        method: "GET",
        url: `/api/v1/orgs/${org.orgId}/evidence?aiSystemId=${system.id}`,
        headers: { authorization: `Bearer ${env.OPENAIMS_TOKEN}` },
      });
      const files = evidence
        .json()
        .items.filter((e: { kind: string }) => e.kind === "file")
        .map((e: { file: { filename: string } }) => e.file.filename)
        .sort();
      assert.deepEqual(files, ["cur.csv", "ref.csv"]);
    });

    it("the server's refusals end the command: a bad column (exit 2), over the size limit (exit 2)", async () => {
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Scorer" });
      const upload = ["--system", system.id, "--upload", "--send-file"];
      const bad = await runCli([...fairness(fixture).map((a) => (a === "sex" ? "gender" : a)), ...upload], {
        env,
      });
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, /compas-sample\.csv: Unknown column "gender"/);

      const limits = { ...t.server.config.measurement };
      t.server.config.measurement.maxBytes = 1000;
      try {
        const big = await runCli([...fairness(fixture), ...upload], { env });
        assert.equal(big.code, 2, big.stderr);
        assert.match(big.stderr, /larger than the limit of 1000 bytes \(OPENAIMS_MEASUREMENT_MAX_BYTES\)/);
      } finally {
        t.server.config.measurement = limits;
      }
    });

    it("refuses --send-file without --upload, and with standard input", async () => {
      const alone = await runCli([...fairness(fixture), "--send-file"]);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr, /--send-file is only used with --upload/);
      const { org, env } = await orgWithToken(t);
      const system = await buildAiSystem(t.server, org.orgId, { name: "Scorer" });
      const piped = await runCli([...fairness("-"), "--system", system.id, "--upload", "--send-file"], {
        env,
        stdin: "a,b\n",
      });
      assert.equal(piped.code, 2);
      assert.match(piped.stderr, /standard input is measured here/);
    });
  });
}
