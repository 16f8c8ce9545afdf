import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  chiSquareSf,
  computeDrift,
  createColumnSummarizer,
  jensenShannonDistance,
  klDivergence,
  ksStatistic,
  ksTail,
  normalTwoSidedP,
  populationStabilityIndex,
  wasserstein1,
} from "./drift";
import { ColumnDrift } from "./types";
import { seededRandom, wilsonInterval } from "./random";

const close = (actual: number | null | undefined, expected: number, tol: number, what = "") =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) <= tol,
    `${what}: expected ${expected}, got ${actual}`,
  );

describe("drift — reference values", () => {
  it("R6: PSI([0.5, 0.5] → [0.7, 0.3]) = 0.169460", () => {
    close(populationStabilityIndex([0.5, 0.5], [0.7, 0.3]).value, 0.16946, 5e-7, "psi");
  });
  it("R5: Credo Lens KL doctest = 0.589885 (0.59 rounded)", () => {
    const p = [0.05, 0.1, 0.2, 0.05, 0.15, 0.25, 0.08, 0.12];
    const q = [0.3, 0.1, 0.2, 0.1, 0.1, 0.02, 0.08, 0.1];
    close(klDivergence(p, q), 0.589885, 5e-7, "kl");
  });
  it("scipy examples: Wasserstein([0,1,3],[5,6,8]) = 5, JS distance of disjoint points = √ln 2", () => {
    close(wasserstein1([0, 1, 3], [5, 6, 8]), 5, 1e-12, "w1");
    close(jensenShannonDistance([1, 0, 0], [0, 1, 0]), Math.sqrt(Math.log(2)), 1e-12, "js");
  });
  it("distribution tails: χ²(1) at 3.841459 and χ²(10) at 18.307038 give p = 0.05; Q_KS(1.3581) ≈ 0.05", () => {
    close(chiSquareSf(3.841458820694124, 1), 0.05, 1e-9, "chi2 1");
    close(chiSquareSf(18.307038053275146, 10), 0.05, 1e-9, "chi2 10");
    close(chiSquareSf(0, 3), 1, 0, "chi2 0");
    close(ksTail(1.358099), 0.05, 1e-5, "ks");
    close(ksStatistic([1, 2, 3], [1, 2, 3]), 0, 0, "ks same");
    close(ksStatistic([1, 2, 3], [4, 5, 6]), 1, 0, "ks disjoint");
  });
});

function numericColumn(name: string, values: number[], options = {}) {
  const s = createColumnSummarizer(name, "numeric", options);
  values.forEach((v) => s.add(v));
  return s.summary();
}

describe("drift — two-proportion Z-test and Wilson interval", () => {
  it("z = 1.959964 gives p = 0.05; a binary column shift is flagged", () => {
    close(normalTwoSidedP(1.959963984540054), 0.05, 1e-9, "normal p");
    const a = createColumnSummarizer("b", "categorical");
    const b = createColumnSummarizer("b", "categorical");
    for (let i = 0; i < 400; i++) a.add(i % 2 ? "yes" : "no");
    for (let i = 0; i < 400; i++) b.add(i % 4 ? "yes" : "no");
    const z = computeDrift(a.summary(), b.summary()).tests.find((t) => t.metric === "z_test")!;
    assert.equal(z.drift, true);
    // Hand check: p1 = 0.5, p2 = 0.25, pooled 0.375, se = √(0.375·0.625·2/400).
    close(z.value, 0.25 / Math.sqrt((0.375 * 0.625 * 2) / 400), 1e-12, "z");
  });
  it("Wilson 95 % interval for 5/10 is [0.236593, 0.763407] (closed form, z = 1.959964)", () => {
    const w = wilsonInterval(5, 10, 1.959963984540054);
    close(w.lower, 0.236593, 1e-6, "lower");
    close(w.upper, 0.763407, 1e-6, "upper");
    assert.deepEqual(wilsonInterval(0, 0), { lower: null, upper: null });
  });
});

describe("drift — columns", () => {
  const rnd = seededRandom(11);
  const normal = (mu: number) => mu + (rnd() + rnd() + rnd() + rnd() - 2) * 0.9;
  const ref = Array.from({ length: 2000 }, () => normal(0));
  const same = Array.from({ length: 2000 }, () => normal(0));
  const shifted = Array.from({ length: 2000 }, () => normal(0.8));

  it("identical data: PSI 0, KS 0, W1 0, stable", () => {
    const r = ColumnDrift.parse(computeDrift(numericColumn("x", ref), numericColumn("x", ref)));
    const t = (m: string) => r.tests.find((x) => x.metric === m)!;
    assert.equal(t("psi").value, 0);
    assert.equal(t("psi").band, "stable");
    assert.equal(t("ks").value, 0);
    assert.equal(t("wasserstein").value, 0);
    assert.equal(r.bins.length, 11, "10 deciles + __missing__");
    close(r.bins[0]!.reference, 0.1, 1e-9, "decile share");
  });
  it("a sample from the same distribution is stable; a shifted one drifts on every test", () => {
    const ok = computeDrift(numericColumn("x", ref), numericColumn("x", same));
    assert.equal(ok.tests.find((t) => t.metric === "psi")!.band, "stable");
    assert.equal(ok.tests.find((t) => t.metric === "ks")!.drift, false);
    const bad = computeDrift(numericColumn("x", ref), numericColumn("x", shifted));
    for (const t of bad.tests) assert.equal(t.drift, true, `${t.metric} should flag the shift: ${t.value}`);
    assert.equal(bad.tests.find((t) => t.metric === "psi")!.band, "significant_shift");
  });
  it("categorical: reference categories + __other__ + __missing__, chi-square homogeneity", () => {
    const a = createColumnSummarizer("c", "categorical");
    const b = createColumnSummarizer("c", "categorical");
    for (let i = 0; i < 100; i++) a.add(i % 2 ? "x" : "y");
    for (let i = 0; i < 100; i++) b.add(i % 4 === 0 ? "x" : i % 4 === 1 ? "z" : i % 4 === 2 ? null : "y");
    const r = ColumnDrift.parse(computeDrift(a.summary(), b.summary()));
    assert.deepEqual(
      r.bins.map((x) => [x.label, x.reference, x.current]),
      [
        ["x", 0.5, 0.25],
        ["y", 0.5, 0.25],
        ["__other__", 0, 0.25],
        ["__missing__", 0, 0.25],
      ],
    );
    assert.equal(r.currentMissing, 25);
    const chi = r.tests.find((t) => t.metric === "chi_square")!;
    assert.equal(chi.details.dof, 2);
    assert.equal(chi.drift, true);
  });
  it("numeric reservoir keeps memory bounded and says so", () => {
    const big = numericColumn("x", [...ref, ...same], { reservoirSize: 500, seed: 3 });
    assert.equal(big.kind === "numeric" && big.sample.length, 500);
    const r = computeDrift(big, numericColumn("x", ref));
    assert.equal(r.conventions.sampled, true);
    assert.ok(r.warnings.some((w) => w.includes("reservoir")));
  });
  it("refuses to compare a numeric reference with a categorical current column", () => {
    const c = createColumnSummarizer("x", "categorical").summary();
    assert.throws(() => computeDrift(numericColumn("x", [1]), c), /numeric in the reference/);
  });
});
