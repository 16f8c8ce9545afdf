import { z } from "zod";
import { aggregateMethods, ColumnDrift, FairnessResult, PerformanceResult } from "./types";

type MetricValue = number | null;

/**
 * Measurement policies: an organization's thresholds for one AI system, checked against every stored run
 * (issue 5 §3). A rule names a metric, optionally narrows where it applies (attribute, comparison group,
 * aggregation method, drift column), and a comparison `op value`. `abs: true` compares |measured|.
 * The rule's kind (fairness / performance / drift) follows from the metric name.
 */
export const measurementKinds = ["fairness", "performance", "drift"] as const;
export type MeasurementKind = (typeof measurementKinds)[number];

export const fairnessPolicyMetrics = [
  "demographic_parity_difference",
  "demographic_parity_ratio",
  "equalized_odds_difference",
  "equalized_odds_ratio",
  "equal_opportunity_difference",
  "equal_opportunity_ratio",
  "statistical_parity_difference",
  "disparate_impact",
  "average_odds_difference",
  "generalized_entropy_index",
  "theil_index",
  "between_group_generalized_entropy_index",
  "between_group_theil_index",
] as const;

/** Performance metric name → field of `PerformanceResult`. */
export const performancePolicyFields = {
  accuracy: "accuracy",
  precision: "precision",
  recall: "recall",
  specificity: "specificity",
  balanced_accuracy: "balancedAccuracy",
  f1: "f1",
  roc_auc: "rocAuc",
  gini: "gini",
  log_loss: "logLoss",
  brier: "brier",
  ece: "ece",
  mce: "mce",
} as const;
export const performancePolicyMetrics = Object.keys(performancePolicyFields) as [
  keyof typeof performancePolicyFields,
  ...(keyof typeof performancePolicyFields)[],
];

export const driftPolicyMetrics = [
  "psi",
  "ks",
  "chi_square",
  "z_test",
  "jensen_shannon",
  "wasserstein",
] as const;

export const policyMetrics = [
  ...fairnessPolicyMetrics,
  ...performancePolicyMetrics,
  ...driftPolicyMetrics,
] as const;
export type PolicyMetric = (typeof policyMetrics)[number];

export function kindOfPolicyMetric(metric: string): MeasurementKind {
  if ((driftPolicyMetrics as readonly string[]).includes(metric)) return "drift";
  if ((performancePolicyMetrics as readonly string[]).includes(metric)) return "performance";
  return "fairness";
}

export const policyOperators = ["<", "<=", ">", ">="] as const;
export type PolicyOperator = (typeof policyOperators)[number];

const name = z.string().trim().min(1).max(200);

export const MeasurementPolicyRule = z.strictObject({
  metric: z.enum(policyMetrics as unknown as [PolicyMetric, ...PolicyMetric[]]),
  /** fairness / performance: the sensitive attribute (`*` or absent = every attribute). */
  attribute: name.optional(),
  /** fairness vs_reference metrics: one comparison group (absent = every group). */
  group: name.optional(),
  /** fairness: only this aggregation (absent = every method the metric is reported with). */
  method: z.enum(aggregateMethods).optional(),
  /** drift: the column (`*` or absent = every column). */
  column: name.optional(),
  /** compare |measured| instead of the signed value */
  abs: z.boolean().optional(),
  op: z.enum(policyOperators),
  value: z.number().finite(),
});
export type MeasurementPolicyRule = z.infer<typeof MeasurementPolicyRule>;

/** A stored run's result, as the CLI's `--json` prints it (the `input` summaries are kept apart). */
export const PerformanceRunResult = PerformanceResult.extend({
  /** `--group`: the same metrics per group (each with its own kind/version, as the CLI prints them) */
  groups: z.array(PerformanceResult.extend({ attribute: z.string(), value: z.string() })).optional(),
});
export type PerformanceRunResult = z.infer<typeof PerformanceRunResult>;
export const DriftRunResult = z.strictObject({ kind: z.literal("drift"), columns: z.array(ColumnDrift) });
export type DriftRunResult = z.infer<typeof DriftRunResult>;
export const MeasurementRunResult = z.discriminatedUnion("kind", [
  FairnessResult,
  PerformanceRunResult,
  DriftRunResult,
]);
export type MeasurementRunResult = z.infer<typeof MeasurementRunResult>;

export type PolicyCheckStatus = "pass" | "fail" | "no_value";

/** One measured value a rule was compared with. */
export interface PolicyCheck {
  /** where the value comes from, e.g. `race` / `race: African-American vs Caucasian` / `column age` / `overall` */
  where: string;
  measured: MetricValue;
  compared: MetricValue;
  status: PolicyCheckStatus;
  reason: string | null;
}

export type PolicyRuleStatus = "pass" | "fail" | "no_value" | "not_applicable";

export interface PolicyRuleOutcome {
  policyId: string | null;
  rule: MeasurementPolicyRule;
  /** `disparate_impact >= 0.8 (race)` */
  label: string;
  status: PolicyRuleStatus;
  checks: PolicyCheck[];
  /** plain-language list of what failed, e.g. `race: African-American vs Caucasian 0.72 (needs >= 0.8)` */
  failures: string[];
}

export type PolicyOutcomeStatus = "pass" | "fail" | "no_policies";

export interface PolicyOutcome {
  /** fail when any rule failed; a value that cannot be computed (null) does not fail but is listed */
  status: PolicyOutcomeStatus;
  rules: PolicyRuleOutcome[];
  failed: number;
  passed: number;
  noValue: number;
}

export const PolicyOutcomeSchema = z.strictObject({
  status: z.enum(["pass", "fail", "no_policies"]),
  failed: z.number().int(),
  passed: z.number().int(),
  noValue: z.number().int(),
  rules: z.array(
    z.strictObject({
      policyId: z.string().nullable(),
      rule: MeasurementPolicyRule,
      label: z.string(),
      status: z.enum(["pass", "fail", "no_value", "not_applicable"]),
      checks: z.array(
        z.strictObject({
          where: z.string(),
          measured: z.number().nullable(),
          compared: z.number().nullable(),
          status: z.enum(["pass", "fail", "no_value"]),
          reason: z.string().nullable(),
        }),
      ),
      failures: z.array(z.string()),
    }),
  ),
});

export function compareWith(op: PolicyOperator, measured: number, threshold: number): boolean {
  switch (op) {
    case "<":
      return measured < threshold;
    case "<=":
      return measured <= threshold;
    case ">":
      return measured > threshold;
    case ">=":
      return measured >= threshold;
  }
}

export function policyRuleLabel(rule: MeasurementPolicyRule): string {
  const m = rule.abs ? `|${rule.metric}|` : rule.metric;
  const scope = [
    rule.attribute && rule.attribute !== "*" ? rule.attribute : null,
    rule.group ? `group ${rule.group}` : null,
    rule.method ?? null,
    rule.column ? `column ${rule.column}` : null,
  ].filter(Boolean);
  return `${m} ${rule.op} ${rule.value}${scope.length ? ` (${scope.join(", ")})` : ""}`;
}

const all = (s: string | undefined) => s === undefined || s === "*";
const round = (v: number) => Number(v.toPrecision(6));

interface Candidate {
  where: string;
  value: MetricValue;
  reason: string | null;
}

function candidatesOf(rule: MeasurementPolicyRule, result: MeasurementRunResult): Candidate[] {
  const kind = kindOfPolicyMetric(rule.metric);
  if (kind !== result.kind) return [];
  if (result.kind === "fairness") {
    const between = result.between
      .filter(
        (b) =>
          b.metric === rule.metric &&
          (all(rule.attribute) || b.attribute === rule.attribute) &&
          (rule.group === undefined || b.group === rule.group) &&
          (rule.method === undefined || b.method === rule.method),
      )
      .map((b) => ({
        where:
          b.method === "vs_reference"
            ? `${b.attribute}: ${b.group} vs ${b.referenceGroup}`
            : `${b.attribute} (${b.method})`,
        value: b.value,
        reason: b.reason,
      }));
    const inequality = result.inequality
      .filter(
        (i) =>
          i.metric === rule.metric &&
          (i.attribute === null
            ? all(rule.attribute)
            : all(rule.attribute) || i.attribute === rule.attribute),
      )
      .map((i) => ({ where: i.attribute ?? "whole population", value: i.value, reason: i.reason }));
    return [...between, ...inequality];
  }
  if (result.kind === "performance") {
    const field = performancePolicyFields[rule.metric as keyof typeof performancePolicyFields];
    const read = (r: PerformanceResult | NonNullable<PerformanceRunResult["groups"]>[number]): Candidate => {
      const v = r[field] as MetricValue | { value: MetricValue; reason: string | null };
      return v !== null && typeof v === "object"
        ? { where: "", value: v.value, reason: v.reason }
        : { where: "", value: v, reason: v === null ? "zero_denominator" : null };
    };
    if (rule.attribute === undefined) return [{ ...read(result), where: "overall" }];
    return (result.groups ?? [])
      .filter((g) => all(rule.attribute) || g.attribute === rule.attribute)
      .map((g) => ({ ...read(g), where: `${g.attribute} = ${g.value}` }));
  }
  return result.columns
    .filter((c) => all(rule.column) || c.column === rule.column)
    .flatMap((c) =>
      c.tests
        .filter((t) => t.metric === rule.metric)
        .map((t) => ({ where: `column ${c.column}`, value: t.value, reason: t.reason })),
    );
}

/**
 * Checks every rule against a run's result. A rule of another kind than the run is `not_applicable`; a rule
 * whose metric the result does not contain (wrong attribute, column) is `not_applicable` too, so a policy
 * typo shows instead of passing silently. Each matching value is a check: null values are `no_value` (with the
 * engine's reason), never a pass; the rule fails when any check fails.
 */
export function evaluatePolicies(
  result: MeasurementRunResult,
  policies: readonly { id?: string | null; rule: MeasurementPolicyRule }[],
): PolicyOutcome {
  const rules: PolicyRuleOutcome[] = policies.map(({ id, rule }) => {
    const label = policyRuleLabel(rule);
    const candidates = candidatesOf(rule, result);
    const checks: PolicyCheck[] = candidates.map((c) => {
      if (c.value === null)
        return { where: c.where, measured: null, compared: null, status: "no_value", reason: c.reason };
      const compared = rule.abs ? Math.abs(c.value) : c.value;
      const ok = compareWith(rule.op, compared, rule.value);
      return { where: c.where, measured: c.value, compared, status: ok ? "pass" : "fail", reason: null };
    });
    const failures = checks
      .filter((c) => c.status === "fail")
      .map(
        (c) =>
          `${c.where}: ${round(c.compared!)} (needs ${rule.abs ? "|value| " : ""}${rule.op} ${rule.value})`,
      );
    const status: PolicyRuleStatus =
      checks.length === 0
        ? "not_applicable"
        : failures.length > 0
          ? "fail"
          : checks.some((c) => c.status === "no_value")
            ? "no_value"
            : "pass";
    return { policyId: id ?? null, rule, label, status, checks, failures };
  });
  const failed = rules.filter((r) => r.status === "fail").length;
  const passed = rules.filter((r) => r.status === "pass").length;
  const noValue = rules.filter((r) => r.status === "no_value").length;
  const applicable = rules.filter(
    (r) => r.status !== "not_applicable" || kindOfPolicyMetric(r.rule.metric) === result.kind,
  );
  return {
    status: applicable.length === 0 ? "no_policies" : failed > 0 ? "fail" : "pass",
    rules,
    failed,
    passed,
    noValue,
  };
}
