import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { computeDrift, createColumnSummarizer } from "./drift";
import { createFairnessAccumulator } from "./fairness";
import { createPerformanceAccumulator } from "./performance";
import { evaluatePolicies, MeasurementPolicyRule, type MeasurementRunResult } from "./policies";
import {
  availableMetrics,
  betweenWhere,
  inequalityWhere,
  mergeAvailableMetrics,
  metricValues,
  verdictAt,
} from "./trends";

// Group a selects 6/10, group b 3/10 → DI(b vs a) = 0.5, DP difference 0.3.
function fairness(): MeasurementRunResult {
  const acc = createFairnessAccumulator({ attributes: ["g"], minGroupSize: 1, reference: { g: "a" } });
  const add = (g: string, label: 0 | 1, prediction: 0 | 1, n: number) => {
    for (let i = 0; i < n; i++) acc.add({ label, prediction, groups: { g } });
  };
  add("a", 1, 1, 5);
  add("a", 0, 1, 1);
  add("a", 0, 0, 4);
  add("b", 1, 1, 3);
  add("b", 1, 0, 2);
  add("b", 0, 0, 5);
  return acc.result();
}

function drift(): MeasurementRunResult {
  const column = (name: string, shift: number) => {
    const ref = createColumnSummarizer(name, "numeric");
    const cur = createColumnSummarizer(name, "numeric");
    for (let i = 0; i < 200; i++) {
      ref.add(i);
      cur.add(i + shift);
    }
    return computeDrift(ref.summary(), cur.summary());
  };
  return { kind: "drift", columns: [column("age", 0), column("income", 100)] };
}

describe("metricValues", () => {
  it("gives the comparison values of a vs_reference metric, as a policy sees them", () => {
    const values = metricValues(fairness(), { metric: "disparate_impact", attribute: "g" });
    assert.deepEqual(values, [{ where: "g: b vs a", value: 0.5, reason: null }]);
  });

  it("narrows by method and keeps the between-group value", () => {
    const values = metricValues(fairness(), {
      metric: "demographic_parity_difference",
      method: "between_groups",
    });
    assert.equal(values.length, 1);
    assert.equal(values[0]!.where, "g (between_groups)");
    assert.ok(Math.abs(values[0]!.value! - 0.3) < 1e-12);
  });

  it("is empty for a metric of another kind or an unknown attribute", () => {
    assert.deepEqual(metricValues(fairness(), { metric: "psi" }), []);
    assert.deepEqual(metricValues(fairness(), { metric: "disparate_impact", attribute: "x" }), []);
  });

  it("reads performance overall and drift per column", () => {
    const acc = createPerformanceAccumulator();
    acc.add({ label: 1, prediction: 1 });
    acc.add({ label: 0, prediction: 1 });
    acc.add({ label: 0, prediction: 0 });
    acc.add({ label: 1, prediction: 1 });
    assert.deepEqual(metricValues(acc.result(), { metric: "accuracy" }), [
      { where: "overall", value: 0.75, reason: null },
    ]);
    const psi = metricValues(drift(), { metric: "psi" });
    assert.deepEqual(
      psi.map((v) => v.where),
      ["column age", "column income"],
    );
    assert.equal(psi[0]!.value, 0);
    assert.ok(psi[1]!.value! > 0.25, String(psi[1]!.value));
    assert.equal(metricValues(drift(), { metric: "psi", column: "income" }).length, 1);
  });
});

describe("verdictAt", () => {
  it("reads the recorded outcome of the rules on the metric at one place", () => {
    const result = fairness();
    const outcome = evaluatePolicies(result, [
      { rule: MeasurementPolicyRule.parse({ metric: "disparate_impact", op: ">=", value: 0.8 }) },
      { rule: MeasurementPolicyRule.parse({ metric: "theil_index", op: "<", value: 10 }) },
    ]);
    assert.equal(verdictAt(outcome, "disparate_impact", "g: b vs a"), "fail");
    assert.equal(verdictAt(outcome, "disparate_impact", "g: c vs a"), null);
    assert.equal(verdictAt(outcome, "theil_index", "whole population"), "pass");
    assert.equal(verdictAt(outcome, "statistical_parity_difference", "g: b vs a"), null);
  });

  it("a rule that could not compute the value is no_value", () => {
    const acc = createFairnessAccumulator({ attributes: ["g"], minGroupSize: 1 });
    for (let i = 0; i < 5; i++) acc.add({ label: 0, prediction: 0, groups: { g: i < 2 ? "a" : "b" } });
    const outcome = evaluatePolicies(acc.result(), [
      { rule: MeasurementPolicyRule.parse({ metric: "disparate_impact", op: ">=", value: 0.8 }) },
    ]);
    const where = outcome.rules[0]!.checks[0]!.where;
    assert.equal(verdictAt(outcome, "disparate_impact", where), "no_value");
  });
});

describe("availableMetrics", () => {
  it("lists the policy metrics of a fairness run with their attributes", () => {
    const metrics = availableMetrics(fairness());
    const di = metrics.find((m) => m.metric === "disparate_impact");
    assert.deepEqual(di, { metric: "disparate_impact", kind: "fairness", attributes: ["g"], columns: [] });
    assert.ok(metrics.some((m) => m.metric === "theil_index"));
    assert.ok(metrics.every((m) => m.kind === "fairness"));
  });

  it("lists drift tests with their columns and merges runs of several kinds", () => {
    const d = availableMetrics(drift());
    assert.deepEqual(d.find((m) => m.metric === "psi")?.columns, ["age", "income"]);
    const acc = createPerformanceAccumulator();
    acc.add({ label: 1, prediction: 1 });
    const merged = mergeAvailableMetrics([availableMetrics(fairness()), d, availableMetrics(acc.result())]);
    assert.ok(merged.some((m) => m.metric === "roc_auc" && m.kind === "performance"));
    assert.equal(merged.filter((m) => m.metric === "psi").length, 1);
    const again = mergeAvailableMetrics([
      [{ metric: "psi", kind: "drift", attributes: [], columns: ["b"] }],
      [{ metric: "psi", kind: "drift", attributes: [], columns: ["a", "b"] }],
    ]);
    assert.deepEqual(again[0]!.columns, ["a", "b"]);
  });
});

describe("betweenWhere / inequalityWhere", () => {
  it("name every between-group and inequality value exactly as the policy checks do", () => {
    const result = fairness();
    assert.equal(result.kind, "fairness");
    if (result.kind !== "fairness") return;
    for (const b of result.between) {
      const places = metricValues(result, {
        metric: b.metric as "disparate_impact",
        attribute: b.attribute,
        method: b.method,
        ...(b.group ? { group: b.group } : {}),
      }).map((v) => v.where);
      assert.ok(places.includes(betweenWhere(b)), `${b.metric}: ${betweenWhere(b)} in ${places.join(", ")}`);
    }
    const theil = result.inequality.find((i) => i.metric === "theil_index" && i.attribute === null)!;
    assert.equal(inequalityWhere(theil), "whole population");
    assert.equal(
      betweenWhere(result.between.find((b) => b.method === "vs_reference")!).startsWith("g: b vs a"),
      true,
    );
  });
});
