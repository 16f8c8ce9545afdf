import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCli, runCliJson, useTempDir } from "../../testing/cli-harness";

const answers = (patch: Record<string, unknown> = {}) => ({
  roles: ["provider", "deployer"],
  prohibitedPractices: [],
  annexI: { safetyComponentOrProduct: false, thirdPartyConformityAssessment: false },
  annexIII: "4(a)",
  art6_3: { exception: null, profiling: false },
  art50: {
    interactsWithPersons: false,
    syntheticContent: true,
    emotionOrBiometricCategorisation: false,
    deepFake: false,
    publicInterestText: false,
  },
  gpai: { isGpaiModel: false, trainingComputeFlop: null, designatedSystemicRisk: false },
  publicBodyOrPublicService: true,
  ...patch,
});

describe("aims classify (local, no server)", () => {
  const dir = useTempDir("classify");
  const write = async (name: string, value: unknown) => {
    const file = join(dir.path, name);
    await writeFile(file, typeof value === "string" ? value : JSON.stringify(value));
    return file;
  };

  it("prints the JSON result with --json, without any profile or server", async () => {
    const file = await write("hiring.json", answers());
    const r = await runCliJson(["classify", "--answers", file, "--json"], { env: {} });
    assert.equal(r.highRisk, true);
    assert.equal(r.highRiskRoute, "annex_iii");
    assert.equal(r.friaRequired, true);
    assert.deepEqual(r.transparency, ["50(2)"]);
    const art9 = r.obligations.find((o: { article: string }) => o.article === "Art. 9");
    assert.deepEqual([art9.role, art9.appliesFrom, art9.basis], ["provider", "2027-12-02", "2026/1744"]);
  });

  it("prints the axes, the obligations by date and the rationale for people", async () => {
    const file = await write("readable.json", answers());
    const res = await runCli(["classify", "--answers", file], { env: {} });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^High-risk: +yes — Annex III \(Art\. 6\(2\)\)$/m);
    assert.match(res.stdout, /^FRIA required: +yes$/m);
    assert.match(res.stdout, /^APPLIES FROM +ROLE +ARTICLE +BASIS +OBLIGATION$/m);
    assert.match(res.stdout, /^2025-02-02 +provider +Art\. 4 +2024\/1689 /m);
    assert.match(res.stdout, /^2027-12-02 +deployer +Art\. 27 +2026\/1744 /m);
    assert.match(res.stdout, /^- Rule data eu-ai-act-2024-1689-amended-2026-1744/m);
  });

  it("reads the answers from standard input with --answers -", async () => {
    const res = await runCli(["classify", "--answers", "-", "--json"], {
      env: {},
      stdin: JSON.stringify(answers({ annexIII: null, prohibitedPractices: ["bb"] })),
    });
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual(JSON.parse(res.stdout).prohibitedPoints, ["bb"]);
  });

  it("exits 2 naming the field for contradictory answers", async () => {
    const file = await write(
      "bad.json",
      answers({ annexIII: null, art6_3: { exception: "c", profiling: false } }),
    );
    const res = await runCli(["classify", "--answers", file], { env: {} });
    assert.equal(res.code, 2);
    assert.equal(res.stdout, "");
    assert.match(res.stderr, /art6_3\.exception/);
  });

  it("exits 2 naming the field for an unknown Annex III point, and for a file that is not JSON", async () => {
    const unknown = await runCli(
      ["classify", "--answers", await write("x.json", answers({ annexIII: "4(z)" }))],
      {
        env: {},
      },
    );
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /annexIII/);
    const notJson = await runCli(["classify", "--answers", await write("y.json", "{ nope")], { env: {} });
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /not valid JSON/);
  });
});
