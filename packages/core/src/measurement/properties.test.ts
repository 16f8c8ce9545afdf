// Property tests (fast-check) of the measurement invariants.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createFairnessAccumulator, confusionRates } from "./fairness";
import { computeDrift, createColumnSummarizer, populationStabilityIndex } from "./drift";
import { createPerformanceAccumulator } from "./performance";
import { rateNames, type ClassificationRecord } from "./types";

const bit = fc.constantFrom(0 as const, 1 as const);
const recordArb = fc.record({
  label: bit,
  prediction: bit,
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  groups: fc.record({ g: fc.constantFrom("a", "b", "c"), h: fc.constantFrom("x", "y") }),
});
const recordsArb = fc.array(recordArb, { minLength: 1, maxLength: 200 });

function fairness(records: ClassificationRecord[], reference?: Record<string, string>) {
  const acc = createFairnessAccumulator({
    attributes: ["g", "h"],
    intersectional: true,
    minGroupSize: 1,
    reference,
  });
  records.forEach((r) => acc.add(r));
  return acc.result();
}

const inUnit = (v: number | null) => v === null || (v >= 0 && v <= 1);

describe("measurement properties", () => {
  it("every rate is in [0, 1] or null, never NaN; tp + fp + tn + fn = n; groups partition the rows", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const r = fairness(records);
        for (const g of [r.overall, ...r.groups]) {
          assert.equal(g.tp + g.fp + g.tn + g.fn, g.n);
          for (const name of rateNames) {
            const v = g[name];
            assert.ok(inUnit(v) && !Number.isNaN(v), `${g.attribute}=${g.value} ${name} = ${v}`);
          }
          if (g.calibration) assert.ok(inUnit(g.calibration.ece) && inUnit(g.calibration.brier));
        }
        for (const attribute of ["g", "h", "g|h"]) {
          const sum = r.groups.filter((g) => g.attribute === attribute).reduce((s, g) => s + g.n, 0);
          assert.equal(sum, records.length);
        }
        for (const b of r.between) assert.ok(b.value === null || Number.isFinite(b.value), b.metric);
      }),
      { numRuns: 150 },
    );
  });

  it("between-group aggregates do not depend on group names (relabelling is a symmetry)", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const renamed = records.map((r) => ({
          ...r,
          groups: { ...r.groups, g: { a: "c", b: "a", c: "b" }[r.groups.g]! },
        }));
        const one = fairness(records).between.filter(
          (b) => b.method !== "vs_reference" && b.attribute === "g",
        );
        const two = fairness(renamed).between.filter(
          (b) => b.method !== "vs_reference" && b.attribute === "g",
        );
        assert.deepEqual(
          one.map((b) => [b.metric, b.method, b.value]),
          two.map((b) => [b.metric, b.method, b.value]),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("signed differences flip sign when the reference is swapped; DI inverts", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const find = (res: ReturnType<typeof fairness>, metric: string, group: string) =>
          res.between.find((b) => b.metric === metric && b.attribute === "h" && b.group === group)!.value;
        const vsX = fairness(records, { h: "x" });
        const vsY = fairness(records, { h: "y" });
        if (!vsX.groups.some((g) => g.value === "y") || !vsX.groups.some((g) => g.value === "x")) return;
        for (const m of [
          "statistical_parity_difference",
          "equal_opportunity_difference",
          "average_odds_difference",
        ]) {
          const a = find(vsX, m, "y");
          const b = find(vsY, m, "x");
          if (a === null || b === null) assert.equal(a, b);
          else assert.ok(Math.abs(a + b) < 1e-12, `${m}: ${a} vs ${b}`);
        }
        const di1 = find(vsX, "disparate_impact", "y");
        const di2 = find(vsY, "disparate_impact", "x");
        if (di1 !== null && di2 !== null) assert.ok(Math.abs(di1 * di2 - 1) < 1e-12);
        const eod1 = find(vsX, "equalized_odds_difference", "y");
        assert.equal(eod1, find(vsY, "equalized_odds_difference", "x"));
      }),
      { numRuns: 100 },
    );
  });

  it("confusion rates complement: tpr + fnr = 1, fpr + tnr = 1, precision + fdr = 1, npv + for = 1", () => {
    const n = fc.nat({ max: 1000 });
    fc.assert(
      fc.property(n, n, n, n, (tp, fp, tn, fn) => {
        const r = confusionRates({ tp, fp, tn, fn });
        for (const [x, y] of [
          [r.tpr, r.fnr],
          [r.fpr, r.tnr],
          [r.precision, r.fdr],
          [r.npv, r.for],
        ] as const)
          if (x !== null) assert.ok(Math.abs(x + y! - 1) < 1e-12);
          else assert.equal(y, null);
      }),
    );
  });

  it("performance: metrics in [0, 1], AUC is 1 − AUC of the reversed order", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const a = createPerformanceAccumulator();
        const b = createPerformanceAccumulator();
        records.forEach((r) => {
          a.add(r);
          b.add({ ...r, score: -r.score }); // negation reverses the order exactly (1 − s can create ties)
        });
        const ra = a.result();
        const rb = b.result();
        for (const v of [
          ra.accuracy,
          ra.precision,
          ra.recall,
          ra.f1,
          ra.brier.value,
          ra.ece.value,
          ra.rocAuc.value,
        ])
          assert.ok(inUnit(v));
        if (ra.rocAuc.value !== null) assert.ok(Math.abs(ra.rocAuc.value + rb.rocAuc.value! - 1) < 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it("PSI ≥ 0 on any pair of distributions and 0 on identical data", () => {
    const dist = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(dist, dist, (p0, q0) => {
        const k = Math.min(p0.length, q0.length);
        const norm = (xs: number[]) => {
          const s = xs.slice(0, k).reduce((a, b) => a + b, 0);
          return s === 0 ? xs.slice(0, k).map(() => 1 / k) : xs.slice(0, k).map((x) => x / s);
        };
        const p = norm(p0);
        const q = norm(q0);
        assert.ok(populationStabilityIndex(p, q).value >= 0);
        assert.equal(populationStabilityIndex(p, p).value, 0);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const a = createColumnSummarizer("x", "numeric");
          xs.forEach((x) => a.add(x));
          const s = a.summary();
          const r = computeDrift(s, s);
          for (const t of r.tests)
            if (t.metric !== "ks" || t.value !== null) assert.equal(t.value, 0, t.metric);
        },
      ),
      { numRuns: 100 },
    );
  });
});
