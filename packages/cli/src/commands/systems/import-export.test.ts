import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer, useTempDir, runCliJson } from "../../testing/cli-harness";

const goodCsv = [
  "name,purpose,lifecycle_stage,ai_type,tags",
  "Credit scoring,Score loan applicants,deployed,ml,finance;eu",
  'Support bot,"Answers customer questions, politely",development,generative,support',
  "Fraud rules,,idea,rule_based,",
].join("\n");

for (const backend of testBackends()) {
  describe(`aims systems import/export on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("import");
    const file = async (name: string, text: string) => {
      const path = join(dir.path, name);
      await writeFile(path, text);
      return path;
    };
    const names = async (env: Record<string, string>) =>
      JSON.parse((await runCli(["systems", "list", "--json"], { env })).stdout).items.map(
        (s: { name: string }) => s.name,
      );

    it("dry-runs an import without changing anything, then imports it", async () => {
      const { env } = await orgWithToken(t);
      const csv = await file("good.csv", goodCsv);
      const dry = await runCli(["systems", "import", csv, "--dry-run"], { env });
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^Dry run, nothing was changed\./m);
      assert.match(dry.stdout, /rows 3, created 3, updated 0, unchanged 0, invalid 0/);
      assert.deepEqual(await names(env), []);

      const report = await runCliJson(["systems", "import", csv, "--json"], { env });
      assert.deepEqual(
        [report.dryRun, report.applied, report.total, report.created, report.invalid],
        [false, true, 3, 3, 0],
      );
      assert.deepEqual(await names(env), ["Credit scoring", "Fraud rules", "Support bot"]);
    });

    it("refuses a CSV with broken rows before sending it, listing every bad line (exit 2)", async () => {
      const { env } = await orgWithToken(t);
      const csv = await file(
        "broken.csv",
        [
          "name,lifecycle_stage,ai_roles",
          "Fine,idea,provider",
          "Bad stage,launched,",
          '"Multi',
          'line",idea,',
          ",idea,",
          "Bad role,idea,provider;vendor",
          "Too,many,cells,here",
        ].join("\n"),
      );
      const r = await runCli(["systems", "import", csv], { env });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, /^error: 5 of 6 rows are not valid; nothing was sent\./m);
      assert.match(r.stderr, /^ {2}line 3: lifecycle_stage: Invalid option/m);
      assert.match(
        r.stderr,
        /^ {2}line 4: name: must be a single line$/m,
        "a record is numbered by its first line",
      );
      assert.match(r.stderr, /^ {2}line 6: name: must not be empty$/m);
      assert.match(r.stderr, /^ {2}line 7: ai_roles\.1: Invalid option/m);
      assert.match(r.stderr, /^ {2}line 8: \(row\): has 4 fields but the header has 3$/m);
      assert.deepEqual(await names(env), [], "nothing was imported");

      const json = await runCli(["systems", "import", csv, "--json"], { env });
      assert.equal(json.code, 2);
      const report = JSON.parse(json.stdout);
      assert.deepEqual(
        report.errors.map((e: { line: number }) => e.line),
        [3, 4, 6, 7, 8],
      );
      assert.equal(report.applied, false);
    });

    it("imports the valid rows with --skip-invalid and reports the others", async () => {
      const { env } = await orgWithToken(t);
      const csv = await file(
        "mixed.csv",
        "name,lifecycle_stage\nKept,idea\nDropped,launched\nAlso kept,design\n",
      );
      const r = await runCli(["systems", "import", csv, "--skip-invalid"], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Imported:$/m);
      assert.match(r.stdout, /created 2, .* invalid 1/);
      assert.match(r.stderr, /^Skipped 1 invalid rows:\n {2}line 3: lifecycle_stage: /m);
      assert.deepEqual(await names(env), ["Also kept", "Kept"]);
    });

    it("reports rows the server refuses (unknown owner) with their line, exit 2, nothing imported", async () => {
      const { env } = await orgWithToken(t);
      const csv = await file("owner.csv", "name,owner_email\nOwned,nobody@example.com\nFree,\n");
      const r = await runCli(["systems", "import", csv], { env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^ {2}line 2: owner_email: /m);
      assert.deepEqual(await names(env), []);
    });

    it("exits 2 on a bad header, naming the column", async () => {
      const { env } = await orgWithToken(t);
      const csv = await file("header.csv", "name,risk_level\nA,high\n");
      const r = await runCli(["systems", "import", csv], { env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /the header row is not valid/);
      assert.match(r.stderr, /^ {2}risk_level: unknown column/m);
    });

    it("round-trips: an export imports back unchanged, and an edited cell becomes one update", async () => {
      const { env } = await orgWithToken(t);
      assert.equal((await runCli(["systems", "import", await file("seed.csv", goodCsv)], { env })).code, 0);
      const out = join(dir.path, "export.csv");
      const exported = await runCli(["systems", "export", "--out", out], { env });
      assert.equal(exported.code, 0, exported.stderr);
      assert.equal(exported.stdout, "");
      const text = await readFile(out, "utf8");
      const stdoutCopy = (await runCli(["systems", "export"], { env })).stdout;
      assert.equal(stdoutCopy, text, "stdout and --out carry the same CSV");
      assert.match(text.split(/\r?\n/)[0]!, /^\uFEFF?id,name,purpose,/);

      const again = JSON.parse((await runCli(["systems", "import", out, "--json"], { env })).stdout);
      assert.deepEqual([again.created, again.updated, again.unchanged, again.invalid], [0, 0, 3, 0]);

      const edited = await file(
        "edited.csv",
        text.replace("Score loan applicants", "Score loan applications"),
      );
      const changed = JSON.parse((await runCli(["systems", "import", edited, "--json"], { env })).stdout);
      assert.deepEqual([changed.created, changed.updated, changed.unchanged], [0, 1, 2]);

      const deployed = (await runCli(["systems", "export", "--stage", "deployed"], { env })).stdout;
      assert.equal(deployed.trimEnd().split(/\r?\n/).length, 2, "header + the one deployed system");
      assert.match(deployed, /Credit scoring/);
    });
  });
}
