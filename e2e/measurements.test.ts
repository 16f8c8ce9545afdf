import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "playwright-core";
import { createFairnessAccumulator } from "@openaims/core";
import { compasCells } from "../packages/core/src/measurement/fixtures/compas-cells";
import { browserSkipReason, launchBrowser, personPage, signIn, startApp, type RunningApp } from "./harness";

const outDir = fileURLToPath(new URL("./out/", import.meta.url));
const skip = browserSkipReason();

const SYSTEM = "Recidivism risk scorer";
const RULE = "disparate_impact >= 0.8 (race)";
const EDITED_RULE = "disparate_impact >= 0.6 (race)";
const TWO_GROUPS = "COMPAS, two groups";
const ALL_GROUPS = "COMPAS, all groups with bootstrap";
const BOOTSTRAP = 200;
const SEED = 7;
const REFERENCE = "Caucasian";
const RACES = new Set(compasCells.map((c) => c.race)).size;

/** core's COMPAS fixture as the CSV a client uploads (one row per case), optionally only some races. */
function compasCsv(races?: string[]): string {
  const rows = ["id,score,label_value,race"];
  let id = 0;
  for (const c of compasCells)
    if (!races || races.includes(c.race))
      for (let i = 0; i < c.n; i++) rows.push(`${++id},${c.prediction},${c.label},${c.race}`);
  return rows.join("\n") + "\n";
}

/** Disparate impact per race vs Caucasian as core computes it from the fixture, independently of the server. */
function disparateImpacts(): Map<string, number | null> {
  const acc = createFairnessAccumulator({
    attributes: ["race"],
    reference: { race: REFERENCE },
    intersectional: false,
    minGroupSize: 30,
    tau: 0.8,
    bootstrap: null,
  });
  for (const c of compasCells)
    for (let i = 0; i < c.n; i++)
      acc.add({ label: c.label, prediction: c.prediction, groups: { race: c.race } });
  return new Map(
    acc
      .result()
      .between.filter((b) => b.metric === "disparate_impact" && b.method === "vs_reference")
      .map((b) => [b.group!, b.value]),
  );
}

const num = (v: number) => String(Number(v.toPrecision(4)));
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The measurement web UI in a browser: a threshold set through the policy form, fairness runs of the COMPAS
 * fixture uploaded over HTTP, then the Measurements tab (runs with pass / fail, the group bar chart with and
 * without bootstrap intervals, the between-group verdicts, the trend line with its threshold), the run page
 * (fingerprint, parameters) and a changed threshold.
 */
describe("measurements journey: policy, fairness runs, charts, verdicts, trend, run page", { skip }, () => {
  let app: RunningApp;
  let browser: Browser;
  let owner: Page;
  let systemId = "";
  const runs: { title: string; id: string; sha256: string }[] = [];
  const di = disparateImpacts();

  const api = (path: string) => `${app.baseUrl}/api/v1/orgs/${app.owner.orgId}${path}`;
  const csrf = async () => (await owner.context().cookies()).find((c) => c.name === "openaims_csrf")!.value;
  const openTab = async () => {
    await owner.goto(`${app.baseUrl}/orgs/${app.owner.orgId}/ai-systems/${systemId}?tab=measurements`);
    await owner.getByRole("heading", { level: 1, name: SYSTEM }).waitFor();
  };
  const policies = () => owner.getByRole("region", { name: "Measurement policies" });
  const runsTable = () => owner.getByRole("table", { name: "Measurement runs" });
  const runRow = (title: string) =>
    runsTable()
      .getByRole("row")
      .filter({ has: owner.getByRole("link", { name: title, exact: true }) });
  /** The between-group row of disparate impact for one race vs the reference. */
  const diRow = (scope: Locator, race: string) =>
    scope
      .getByRole("table", { name: "Between-group metrics and policy verdicts" })
      .getByRole("row")
      .filter({ hasText: /^\s*disparate_impact(?![_a-z])/ })
      .filter({ hasText: `race: ${race} vs ${REFERENCE}` });

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
    owner = await personPage(browser, 20_000);
    owner.setDefaultTimeout(20_000);
    mkdirSync(outDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("the owner sets a disparate-impact threshold for race through the policy form", async () => {
    await signIn(owner, app, app.owner);
    const res = await owner.request.post(api("/ai-systems"), {
      data: { name: SYSTEM, purpose: "Predicts re-offending for pre-trial review" },
      headers: { "x-csrf-token": await csrf() },
    });
    assert.equal(res.status(), 201, await res.text());
    systemId = ((await res.json()) as { id: string }).id;

    await openTab();
    await policies().getByText("No thresholds are set for this AI system.").waitFor();
    await owner.getByText("No measurements yet").waitFor();
    await policies().getByRole("button", { name: "Set a threshold" }).click();
    const dialog = owner.getByRole("dialog", { name: "Set a threshold" });
    await dialog.getByLabel("Metric").selectOption("disparate_impact");
    await dialog.getByLabel("Attribute").fill("race");
    await dialog.getByLabel("Comparison", { exact: true }).selectOption(">=");
    await dialog.getByLabel("Threshold", { exact: true }).fill("0.8");
    await dialog.getByLabel("Why this threshold").fill("The four-fifths rule");
    await dialog.getByRole("button", { name: "Set threshold" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = policies().getByRole("row").filter({ hasText: RULE });
    await row.getByText("fairness", { exact: true }).waitFor();
    await row.getByText("The four-fifths rule").waitFor();
  });

  it("two fairness runs of the COMPAS fixture are uploaded over HTTP, one with a bootstrap", async () => {
    const upload = async (title: string, csv: string, extra: Record<string, unknown>) => {
      const form = new FormData();
      form.append(
        "params",
        JSON.stringify({
          kind: "fairness",
          title,
          label: "label_value",
          prediction: "score",
          groups: ["race"],
          reference: { race: REFERENCE },
          ...extra,
        }),
      );
      form.append("file", new Blob([csv], { type: "text/csv" }), "compas.csv");
      const res = await owner.request.post(api(`/ai-systems/${systemId}/measurement-runs/upload`), {
        multipart: form,
        headers: { "x-csrf-token": await csrf() },
      });
      assert.equal(res.status(), 201, await res.text());
      const run = (await res.json()) as { id: string; policyStatus: string; sha256: string };
      assert.equal(run.sha256, sha256(csv));
      runs.push({ title, id: run.id, sha256: run.sha256 });
      return run;
    };
    const first = await upload(TWO_GROUPS, compasCsv(["African-American", REFERENCE]), {});
    assert.equal(first.policyStatus, "pass");
    const second = await upload(ALL_GROUPS, compasCsv(), { bootstrap: BOOTSTRAP, seed: SEED });
    assert.equal(second.policyStatus, "fail");
  });

  it("the Measurements tab lists the runs with pass / fail and draws the latest run's group rates with intervals", async () => {
    // What the fixture says, independently of the server: some races fall below 0.8, African-American does not.
    const failing = [...di].filter(([, v]) => v !== null && v < 0.8).map(([g]) => g);
    const passing = [...di].filter(([, v]) => v !== null && v >= 0.8).map(([g]) => g);
    assert.ok(failing.includes("Other") && passing.includes("African-American"), JSON.stringify([...di]));

    await openTab();
    await runRow(TWO_GROUPS).getByText("Pass", { exact: true }).waitFor();
    await runRow(ALL_GROUPS).getByText(`Failed (1)`, { exact: true }).waitFor();
    assert.match(await runRow(TWO_GROUPS).innerText(), /fairness/);

    const latest = owner.getByRole("region", { name: "Latest fairness run" });
    await latest.getByRole("link", { name: ALL_GROUPS }).waitFor();
    const figure = latest
      .locator("figure")
      .filter({ hasText: "race: selection rate and true positive rate" });
    await figure
      .getByText(
        new RegExp(
          `Error bars: \\d+ % percentile bootstrap intervals \\(${BOOTSTRAP} replicates, seed ${SEED}\\)`,
        ),
      )
      .waitFor();
    await figure.locator("svg .recharts-bar-rectangle path").first().waitFor();
    const bars = await figure.locator("svg .recharts-bar-rectangle").count();
    // Two rates (selection rate, TPR) per race group.
    assert.equal(bars, 2 * RACES, `bars: ${bars}`);
    const errorBars = await figure.locator("svg .recharts-errorBar").count();
    assert.ok(errorBars >= RACES, `error bars: ${errorBars}`);
    // The rates table beside the chart holds the intervals too.
    const rates = figure.getByRole("table", { name: "Rates per race group" });
    assert.match(
      await rates.getByRole("row").filter({ hasText: "African-American" }).innerText(),
      /\[[\d.]+ %, [\d.]+ %\]/,
    );

    // Each race's disparate impact as core computes it, with the verdict that value earns against >= 0.8.
    for (const [race, v] of di) {
      const row = diRow(latest, race);
      await row.getByText(num(v!), { exact: true }).waitFor();
      await row.getByText(v! < 0.8 ? "Fail" : "Pass", { exact: true }).waitFor();
      await row.getByText(RULE).waitFor();
    }
    await latest.getByText(`${RULE}: `).first().waitFor();
    await owner.screenshot({ path: `${outDir}measurements-tab.png`, fullPage: true });
  });

  it("the trend chart draws disparate impact per race across both runs with the threshold line", async () => {
    const trends = owner.getByRole("region", { name: "Trends across runs" });
    await trends.getByLabel("Metric").selectOption("disparate_impact");
    await trends.getByLabel("Attribute").selectOption("race");
    const figure = trends.locator("figure");
    await figure.getByText("disparate_impact over 2 runs").waitFor();
    // A line for African-American vs the reference, the one race in both runs (the others are single points, which
    // recharts draws as a dot, not a path); a flat line has no height, so "attached", not "visible".
    const curves = figure.locator("svg path.recharts-line-curve");
    await curves.first().waitFor({ state: "attached" });
    const names = await curves.evaluateAll((ps) => ps.map((p) => p.getAttribute("name")));
    assert.ok(names.includes(`race: African-American vs ${REFERENCE}`), names.join(" | "));
    for (const d of await curves.evaluateAll((ps) => ps.map((p) => p.getAttribute("d"))))
      assert.match(d ?? "", /^M[\d.]+,[\d.]+L/);
    // The threshold: a dashed reference line at 0.8, labelled with the rule.
    await figure.locator('svg line.recharts-reference-line-line[y="0.8"]').waitFor({ state: "attached" });
    await figure.locator("svg text.recharts-label", { hasText: RULE }).waitFor();
    // The table under the chart: the African-American value in both runs, each with the verdict of its run.
    const table = figure.getByRole("table", { name: "disparate_impact per run" });
    await table.getByRole("columnheader", { name: `race: African-American vs ${REFERENCE}` }).waitFor();
    await table.getByRole("row").filter({ hasText: ALL_GROUPS }).getByText("Fail").first().waitFor();
    await figure.screenshot({ path: `${outDir}measurements-trend.png` });
  });

  it("the run page shows the verdict, the input SHA-256, the parameters, and no intervals without a bootstrap", async () => {
    const [twoGroups] = runs;
    await runRow(TWO_GROUPS).getByRole("link", { name: TWO_GROUPS }).click();
    await owner.waitForURL(`**/orgs/${app.owner.orgId}/measurement-runs/${twoGroups!.id}`);
    await owner.getByRole("heading", { level: 1, name: TWO_GROUPS }).waitFor();
    await owner.getByText(twoGroups!.sha256, { exact: true }).waitFor();
    const verdicts = owner.getByRole("region", { name: "Policy verdicts" });
    await verdicts.getByRole("row").filter({ hasText: RULE }).getByText("Pass", { exact: true }).waitFor();
    const results = owner.getByRole("region", { name: "Results" });
    await results.getByText("No intervals (run without --bootstrap).").waitFor();
    assert.equal(await results.locator("svg .recharts-errorBar").count(), 0);
    await results.locator("svg .recharts-bar-rectangle path").first().waitFor();
    await diRow(results, "African-American").getByText("Pass", { exact: true }).waitFor();

    const how = owner.getByRole("region", { name: "How it was computed" });
    await how.getByText("Parameters", { exact: true }).click();
    const params = how.locator("details[open] pre").first();
    await params.waitFor();
    const parsed = JSON.parse(await params.innerText()) as Record<string, unknown>;
    assert.deepEqual(parsed.groups, ["race"]);
    assert.equal(parsed.label, "label_value");
    assert.equal(parsed.prediction, "score");
    await owner.screenshot({ path: `${outDir}measurements-run.png`, fullPage: true });

    // The bootstrapped run's page records its bootstrap in the parameters.
    await owner.goto(`${app.baseUrl}/orgs/${app.owner.orgId}/measurement-runs/${runs[1]!.id}`);
    await owner.getByRole("heading", { level: 1, name: ALL_GROUPS }).waitFor();
    await owner.getByText(runs[1]!.sha256, { exact: true }).waitFor();
    await owner.getByText("Parameters", { exact: true }).click();
    const boot = JSON.parse(await owner.locator("details[open] pre").first().innerText()) as Record<
      string,
      unknown
    >;
    assert.equal(boot.bootstrap, BOOTSTRAP);
    assert.equal(boot.seed, SEED);
  });

  it("changing the threshold updates the policy list and the trend's line; recorded runs keep their outcome", async () => {
    await openTab();
    await policies()
      .getByRole("button", { name: `Edit ${RULE}` })
      .click();
    const dialog = owner.getByRole("dialog", { name: "Change threshold" });
    const value = dialog.getByLabel("Threshold", { exact: true });
    assert.equal(await value.inputValue(), "0.8");
    await value.fill("0.6");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
    await policies().getByRole("row").filter({ hasText: EDITED_RULE }).waitFor();
    assert.equal(await policies().getByRole("row").filter({ hasText: RULE }).count(), 0);

    const trends = owner.getByRole("region", { name: "Trends across runs" });
    await trends.getByLabel("Metric").selectOption("disparate_impact");
    await trends.locator('svg line.recharts-reference-line-line[y="0.6"]').waitFor({ state: "attached" });
    await trends.locator("svg text.recharts-label", { hasText: EDITED_RULE }).waitFor();
    assert.equal(await trends.locator("svg text.recharts-label", { hasText: RULE }).count(), 0);
    // A run keeps the outcome it had when recorded.
    await runRow(ALL_GROUPS).getByText("Failed (1)", { exact: true }).waitFor();
    await owner.screenshot({ path: `${outDir}measurements-policy-edited.png`, fullPage: true });
  });
});
