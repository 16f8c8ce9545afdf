import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { testBackends } from "@openaims/db/testing";
import { orgWithToken, runCli, useCliTestServer, useTempDir } from "../../testing/cli-harness";

const answers = (annexIII: string | null) => ({
  roles: ["deployer"],
  prohibitedPractices: [],
  annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: false },
  annexIII,
  art6_3: { exception: null, profiling: false },
  art50: {
    interactsWithPersons: false,
    syntheticContent: false,
    emotionOrBiometricCategorisation: false,
    deepFake: false,
    publicInterestText: false,
  },
  gpai: { isGpaiModel: false, trainingComputeFlop: null, designatedSystemicRisk: false },
  publicBodyOrPublicService: false,
});

for (const backend of testBackends()) {
  describe(`aims systems classify / obligations on ${backend}`, () => {
    const t = useCliTestServer(backend);
    const dir = useTempDir("systems-classify");

    it("stores a classification, lists the obligations and names the field of bad answers", async () => {
      const { env } = await orgWithToken(t);
      const created = await runCli(["systems", "create", "--name", "Credit scoring", "--json"], { env });
      assert.equal(created.code, 0, created.stderr);
      const id = JSON.parse(created.stdout).id as string;

      const empty = await runCli(["systems", "obligations", id], { env });
      assert.equal(empty.code, 0, empty.stderr);
      assert.match(empty.stdout, /not classified yet/);

      const file = join(dir.path, "answers.json");
      await writeFile(file, JSON.stringify(answers("5(b)")));
      const classified = await runCli(["systems", "classify", id, "--answers", file], { env });
      assert.equal(classified.code, 0, classified.stderr);
      assert.match(classified.stdout, /^Classification 1 /m);
      assert.match(classified.stdout, /High-risk/);

      const list = await runCli(["systems", "obligations", id], { env });
      assert.equal(list.code, 0, list.stderr);
      assert.match(
        list.stdout.split("\n")[0]!,
        /^APPLIES FROM +DUE +ARTICLE +ROLE +STATUS +OWNER +TITLE +ID +LINKED$/,
      );
      assert.match(list.stdout, /Art\. 26/);

      const json = await runCli(["systems", "obligations", id, "--json"], { env });
      const parsed = JSON.parse(json.stdout);
      assert.ok(parsed.items.length > 0);
      assert.ok(parsed.items.every((o: { status: string }) => o.status === "open"));

      const bad = join(dir.path, "bad.json");
      await writeFile(bad, JSON.stringify(answers("99(z)")));
      const refused = await runCli(["systems", "classify", id, "--answers", bad], { env });
      assert.equal(refused.code, 2, refused.stdout);
      assert.match(refused.stderr, /annexIII/);
    });

    it("links evidence to an obligation with --obligation and lists obligations across systems", async () => {
      const { env } = await orgWithToken(t);
      const file = join(dir.path, "answers-5b.json");
      await writeFile(file, JSON.stringify(answers("5(b)")));
      const ids: string[] = [];
      for (const name of ["Loan desk", "Hiring assistant"]) {
        const created = await runCli(["systems", "create", "--name", name, "--json"], { env });
        ids.push(JSON.parse(created.stdout).id as string);
        assert.equal(
          (await runCli(["systems", "classify", ids.at(-1)!, "--answers", file], { env })).code,
          0,
        );
      }
      const list = JSON.parse((await runCli(["systems", "obligations", ids[0]!, "--json"], { env })).stdout);
      const art4 = list.items.find((o: { obligationId: string }) => o.obligationId === "art4.ai-literacy");

      const added = await runCli(
        [
          "evidence",
          "add",
          "--url",
          "https://lms.example/r/7",
          "--title",
          "Literacy records",
          "--obligation",
          art4.id,
        ],
        { env },
      );
      assert.equal(added.code, 0, added.stderr);
      const table = await runCli(["systems", "obligations", ids[0]!], { env });
      const row = table.stdout.split("\n").find((l) => l.includes(art4.id))!;
      assert.match(row, /evidence: Literacy records/);
      assert.match(row, /overdue!/, "Art. 4 applies since 2025-02-02 and is still open");

      const unknown = await runCli(
        [
          "evidence",
          "add",
          "--url",
          "https://lms.example/r/8",
          "--obligation",
          "00000000-0000-4000-8000-000000000000",
        ],
        { env },
      );
      assert.equal(unknown.code, 2, unknown.stdout);
      assert.match(unknown.stderr, /obligation/);

      const all = await runCli(["systems", "obligations", "--overdue"], { env });
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stdout.split("\n")[0]!, /^APPLIES FROM +DUE +SYSTEM +ARTICLE/);
      assert.match(all.stdout, /Loan desk/);
      assert.match(all.stdout, /Hiring assistant/);
      assert.match(all.stdout, /^\d+ obligation\(s\): \d+ open or in progress, (\d+) overdue, 0 met$/m);
      const before = JSON.parse(
        (await runCli(["systems", "obligations", ids[1]!, "--before", "2026-01-01", "--json"], { env }))
          .stdout,
      );
      assert.ok(before.items.length > 0);
      assert.ok(
        before.items.every(
          (o: { appliesFrom: string; aiSystemName: string }) =>
            o.appliesFrom < "2026-01-01" && o.aiSystemName === "Hiring assistant",
        ),
      );
      const bad = await runCli(["systems", "obligations", "--before", "soon"], { env });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /appliesBefore/);
    });
  });
}
