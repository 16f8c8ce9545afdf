import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { buildMember } from "@openaims/server/testing";
import { orgWithToken, runCli, runCliJson, useCliTestServer, useTempDir } from "../../testing/cli-harness";

for (const backend of testBackends()) {
  describe(`aims training on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("training");

    it("adds a topic, records a completion by e-mail, and reports coverage (with a pipeline threshold)", async () => {
      const { env, org } = await orgWithToken(t);
      const bob = await buildMember(t.server, org.orgId, { role: "contributor" });
      const topic = await runCliJson(
        [
          "training",
          "topics",
          "add",
          "--name",
          "AI literacy basics",
          "--kind",
          "ai_literacy",
          "--validity",
          "24",
          "--json",
        ],
        { env },
      );
      assert.equal(topic.aiLiteracy, true);
      const list = await runCli(["training", "topics", "list"], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /AI literacy basics\s+ai_literacy\s+yes\s+24 months\s+everyone/);
      const rec = await runCli(
        [
          "training",
          "records",
          "add",
          "--member",
          bob.email,
          "--topic",
          topic.id,
          "--completed",
          "2025-06-30",
        ],
        { env },
      );
      assert.equal(rec.code, 0, rec.stderr);
      assert.match(rec.stdout, new RegExp(`for ${bob.email}, completed 2025-06-30, counts until 2027-06-30`));
      const cov = await runCliJson(["training", "coverage", "--json"], { env });
      assert.equal(cov.summary.members, 2);
      assert.equal(cov.summary.aiLiteracyValid, 1);
      const text = await runCli(["training", "coverage"], { env });
      assert.match(text.stdout, /AI literacy \(Art\. 4\): 1 of 2 active members \(50 %\)/);
      const gate = await runCli(["training", "coverage", "--fail-below", "80"], { env });
      assert.equal(gate.code, 1);
      assert.match(gate.stderr, /below 80 %/);
    });

    it("names the flag of a bad value or date and exits 2", async () => {
      const { env } = await orgWithToken(t);
      const bad = await runCli(["training", "topics", "add", "--name", "X", "--validity", "0"], { env });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--validity/);
      const topic = await runCliJson(["training", "topics", "add", "--name", "Y", "--json"], { env });
      const badDate = await runCli(
        [
          "training",
          "records",
          "add",
          "--member",
          "a@example.test",
          "--topic",
          topic.id,
          "--completed",
          "31.12.2025",
        ],
        { env },
      );
      assert.equal(badDate.code, 2);
      assert.match(badDate.stderr, /--completed/);
    });

    it("imports an LMS export by topic name, counts re-imported rows as unchanged and lists bad lines", async () => {
      const { env, org } = await orgWithToken(t);
      const ann = await buildMember(t.server, org.orgId, { role: "viewer" });
      await runCliJson(
        ["training", "topics", "add", "--name", "Responsible AI", "--kind", "ai_literacy", "--json"],
        { env },
      );
      const file = join(dir.path, "lms.csv");
      await writeFile(
        file,
        [
          "Email,Course,Completion_Date,Provider",
          `${ann.email},Responsible AI,2026-01-15T10:00:00Z,Academy`,
          `${org.owner.email},responsible ai,2026-01-20,Academy`,
          `${ann.email},Unknown course,2026-01-20,Academy`,
          `nobody@example.test,Responsible AI,2026-01-20,Academy`,
        ].join("\n"),
      );
      const dry = await runCli(["training", "import", "--file", file, "--dry-run"], { env });
      assert.equal(dry.code, 2);
      assert.match(dry.stdout, /4 rows: 3 valid, 1 invalid \(dry run/);
      const run = await runCli(["training", "import", "--file", file, "--json"], { env });
      assert.equal(run.code, 2, run.stderr);
      const first = JSON.parse(run.stdout);
      assert.deepEqual([first.created, first.unchanged, first.invalid], [2, 0, 2]);
      assert.deepEqual(
        first.errors.map((e: { line: number; issues: { path: string }[] }) => [e.line, e.issues[0]!.path]),
        [
          [4, "topic"],
          [5, "email"],
        ],
      );
      const again = JSON.parse(
        (await runCli(["training", "import", "--file", file, "--json"], { env })).stdout,
      );
      assert.deepEqual([again.created, again.unchanged], [0, 2]);
      const records = await runCliJson(["training", "records", "list", "--json"], { env });
      assert.equal(records.items.length, 2);
    });
  });
}
