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
      assert.match(list.stdout.split("\n")[0]!, /^APPLIES FROM +DUE +ARTICLE +ROLE +STATUS +OWNER +TITLE$/);
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
  });
}
