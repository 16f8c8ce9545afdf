import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createFairnessAccumulator } from "./fairness";
import { evaluatePolicies, MeasurementPolicyRule, type MeasurementRunResult } from "./policies";
import type { ColumnDrift, FairnessResult } from "./types";

// Two groups: a selects 6/10, b selects 3/10 → DI(b vs a) = 0.5, DP difference 0.3.
function fairness(): FairnessResult {
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

const rule = (r: unknown) => ({ rule: MeasurementPolicyRule.parse(r) });

describe("evaluatePolicies", () => {
  const result = fairness();

  const table: [string, unknown, string][] = [
    ["DI >= 0.8 fails at 0.5", { metric: "disparate_impact", attribute: "g", op: ">=", value: 0.8 }, "fail"],
    ["DI >= 0.5 passes at 0.5", { metric: "disparate_impact", attribute: "g", op: ">=", value: 0.5 }, "pass"],
    ["DI > 0.5 fails at 0.5", { metric: "disparate_impact", op: ">", value: 0.5 }, "fail"],
    [
      "|SPD| <= 0.3 passes (SPD = -0.3)",
      { metric: "statistical_parity_difference", abs: true, op: "<=", value: 0.3 },
      "pass",
    ],
    ["SPD signed >= 0 fails", { metric: "statistical_parity_difference", op: ">=", value: 0 }, "fail"],
    [
      "DP difference between groups < 0.25 fails",
      { metric: "demographic_parity_difference", method: "between_groups", op: "<", value: 0.25 },
      "fail",
    ],
    [
      "unknown attribute is not applicable",
      { metric: "disparate_impact", attribute: "x", op: ">=", value: 0.8 },
      "not_applicable",
    ],
    [
      "a drift rule on a fairness run is not applicable",
      { metric: "psi", column: "*", op: "<", value: 0.25 },
      "not_applicable",
    ],
    ["theil index whole population", { metric: "theil_index", op: "<", value: 10 }, "pass"],
  ];
  for (const [name, r, expected] of table)
    it(name, () => {
      const out = evaluatePolicies(result, [rule(r)]);
      assert.equal(out.rules[0]!.status, expected);
    });

  it("names what failed with the measured value", () => {
    const out = evaluatePolicies(result, [
      { id: "p1", ...rule({ metric: "disparate_impact", attribute: "g", op: ">=", value: 0.8 }) },
    ]);
    assert.equal(out.status, "fail");
    assert.equal(out.failed, 1);
    const r = out.rules[0]!;
    assert.equal(r.policyId, "p1");
    const check = r.checks.find((c) => c.where === "g: b vs a")!;
    assert.equal(check.measured, 0.5);
    assert.deepEqual(r.failures, ["g: b vs a: 0.5 (needs >= 0.8)"]);
    assert.equal(r.label, "disparate_impact >= 0.8 (g)");
  });

  it("a null value is no_value, not a pass and not a failure", () => {
    const acc = createFairnessAccumulator({ attributes: ["g"], minGroupSize: 1 });
    for (let i = 0; i < 5; i++) acc.add({ label: 0, prediction: 0, groups: { g: i < 2 ? "a" : "b" } });
    const out = evaluatePolicies(acc.result(), [rule({ metric: "disparate_impact", op: ">=", value: 0.8 })]);
    assert.equal(out.rules[0]!.status, "no_value");
    assert.equal(out.status, "pass");
    assert.equal(out.noValue, 1);
  });

  it("no rules for this kind → no_policies", () => {
    assert.equal(evaluatePolicies(result, []).status, "no_policies");
    assert.equal(
      evaluatePolicies(result, [rule({ metric: "psi", op: "<", value: 0.25 })]).status,
      "no_policies",
    );
  });

  it("drift: PSI per column, * matches every column", () => {
    const col = (column: string, psi: number): ColumnDrift => ({
      kind: "drift",
      version: 1,
      column,
      columnKind: "numeric",
      referenceN: 10,
      currentN: 10,
      referenceMissing: 0,
      currentMissing: 0,
      bins: [],
      tests: [
        {
          metric: "psi",
          value: psi,
          pValue: null,
          band: null,
          drift: null,
          threshold: "",
          reason: null,
          details: {},
        },
      ],
      conventions: {
        binning: "deciles",
        epsilon: 1e-4,
        jsLogBase: "e",
        wassersteinNormalisation: "std",
        chiSquareForm: "homogeneity_2xk",
        sampled: false,
      },
      warnings: [],
    });
    const drift: MeasurementRunResult = { kind: "drift", columns: [col("age", 0.05), col("income", 0.4)] };
    const out = evaluatePolicies(drift, [rule({ metric: "psi", column: "*", op: "<", value: 0.25 })]);
    assert.equal(out.status, "fail");
    assert.deepEqual(out.rules[0]!.failures, ["column income: 0.4 (needs < 0.25)"]);
    const onlyAge = evaluatePolicies(drift, [rule({ metric: "psi", column: "age", op: "<", value: 0.25 })]);
    assert.equal(onlyAge.status, "pass");
  });

  it("rejects an unknown metric or operator", () => {
    assert.throws(() => MeasurementPolicyRule.parse({ metric: "nope", op: "<", value: 1 }));
    assert.throws(() => MeasurementPolicyRule.parse({ metric: "psi", op: "==", value: 1 }));
  });
});
