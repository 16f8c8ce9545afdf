import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createPerformanceAccumulator, createRegressionAccumulator, exactRocAuc } from "./performance";
import {
  PerformanceResult,
  RegressionResult,
  type PerformanceOptions,
  type PerformanceRecord,
} from "./types";
import { seededRandom } from "./random";

const close = (actual: number | null | undefined, expected: number, tol = 1e-9, what = "") =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) <= tol,
    `${what}: expected ${expected}, got ${actual}`,
  );

function perf(records: PerformanceRecord[], options?: PerformanceOptions) {
  const acc = createPerformanceAccumulator(options);
  records.forEach((r) => acc.add(r));
  return PerformanceResult.parse(acc.result());
}
const scoredRecords = (labels: number[], scores: number[], threshold = 0.5): PerformanceRecord[] =>
  labels.map((l, i) => ({
    label: l as 0 | 1,
    prediction: scores[i]! >= threshold ? 1 : 0,
    score: scores[i]!,
  }));

describe("performance — classification", () => {
  it("ROC AUC of the scikit-learn example is 0.75 (ties count ½)", () => {
    const r = perf(scoredRecords([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]));
    close(r.rocAuc.value, 0.75, 1e-12, "auc");
    assert.equal(r.rocAuc.method, "exact_rank");
    close(r.gini, 0.5, 1e-12, "gini");
    close(exactRocAuc([0.5, 0.5], [0, 1]), 0.5, 1e-12, "tie");
  });
  it("log loss (0.216162) and Brier (0.0375) of the scikit-learn examples", () => {
    close(
      perf(scoredRecords([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).logLoss.value,
      0.21616187468057912,
      1e-12,
      "ll",
    );
    close(perf(scoredRecords([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).brier.value, 0.0375, 1e-12, "brier");
  });
  it("counts, accuracy, precision, recall and F1 from the confusion matrix", () => {
    // Fairlearn R1 vectors: tp 6, fp 4, tn 2, fn 6 (overall TPR 0.5, FPR 2/3 as published).
    const y = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
    const p = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
    const r = perf(y.map((l, i) => ({ label: l as 0 | 1, prediction: p[i] as 0 | 1 })));
    assert.deepEqual([r.tp, r.fp, r.tn, r.fn, r.n], [6, 4, 2, 6, 18]);
    close(r.accuracy, 8 / 18);
    close(r.precision, 0.6);
    close(r.recall, 0.5);
    close(r.f1, 12 / 22);
    assert.equal(r.rocAuc.value, null);
    assert.equal(r.rocAuc.reason, "no_scores");
    assert.equal(r.logLoss.reason, "no_scores");
  });
  it("AUC is null with a reason when a class is absent; zero divisions are null", () => {
    const r = perf(scoredRecords([1, 1], [0.2, 0.9]));
    assert.equal(r.rocAuc.value, null);
    assert.equal(r.rocAuc.reason, "single_class");
    const empty = perf([]);
    assert.equal(empty.accuracy, null);
    assert.equal(empty.f1, null);
  });
  it("histogram AUC stays within its reported error bound of the exact AUC", () => {
    const rnd = seededRandom(3);
    const labels: number[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const l = rnd() < 0.3 ? 1 : 0;
      labels.push(l);
      scores.push(Math.min(1, Math.max(0, 0.35 + (l ? 0.2 : 0) + (rnd() - 0.5) * 0.6)));
    }
    const exact = exactRocAuc(scores, labels)!;
    const h = perf(scoredRecords(labels, scores), { exactAucLimit: 0, aucBins: 100 });
    assert.equal(h.rocAuc.method, "histogram");
    assert.ok(h.rocAuc.maxError! > 0);
    assert.ok(
      Math.abs(h.rocAuc.value! - exact) <= h.rocAuc.maxError!,
      JSON.stringify({ exact, h: h.rocAuc }),
    );
  });
  it("ECE of a perfectly calibrated bin is 0; scores outside [0, 1] void the probability metrics", () => {
    const r = perf(scoredRecords([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]));
    close(r.ece.value, 0, 1e-12, "ece");
    const bad = perf(scoredRecords([1, 0], [3, -1], 0));
    assert.equal(bad.logLoss.reason, "scores_outside_unit_interval");
    close(bad.rocAuc.value, 1, 1e-12, "rank AUC still defined");
  });
});

describe("performance — regression (scikit-learn examples)", () => {
  it("MAE 0.5, RMSE √0.375, R² 0.948608", () => {
    const acc = createRegressionAccumulator();
    const y = [3, -0.5, 2, 7];
    const p = [2.5, 0.0, 2, 8];
    y.forEach((a, i) => acc.add({ actual: a, predicted: p[i]! }));
    const r = RegressionResult.parse(acc.result());
    close(r.mae, 0.5, 1e-12, "mae");
    close(r.rmse, Math.sqrt(0.375), 1e-12, "rmse");
    close(r.r2.value, 1 - 1.5 / 29.1875, 1e-12, "r2");
  });
  it("R² is null with a reason on a constant target", () => {
    const acc = createRegressionAccumulator();
    acc.add({ actual: 1, predicted: 2 });
    acc.add({ actual: 1, predicted: 0 });
    assert.deepEqual(acc.result().r2, { value: null, reason: "constant_target" });
  });
});
