import {
  evaluatePolicies,
  fairnessPolicyMetrics,
  performancePolicyMetrics,
  type MeasurementKind,
  type MeasurementPolicyRule,
  type MeasurementRunResult,
  type PolicyMetric,
  type PolicyOutcome,
  type PolicyRuleStatus,
} from "./policies";
import type { BetweenGroupMetric, InequalityIndex } from "./types";

/**
 * Trends across stored runs (issue 5 §4): which values of a metric a run holds, and how a policy on that metric
 * judged each of them. The values are exactly those a policy rule on the same metric and scope is compared with
 * (`evaluatePolicies` is asked with a rule that every number passes), so a trend line and a verdict never
 * disagree about what "the disparate impact of race: b vs a" is.
 */
export type MetricSelector = Pick<
  MeasurementPolicyRule,
  "metric" | "attribute" | "group" | "method" | "column"
>;

export interface MetricValueAt {
  /** `race: b vs a`, `race (between_groups)`, `whole population`, `overall`, `sex = F`, `column age` */
  where: string;
  value: number | null;
  reason: string | null;
}

/** Every value of the selected metric in one run's result, in the result's order (empty for another kind). */
export function metricValues(result: MeasurementRunResult, selector: MetricSelector): MetricValueAt[] {
  const rule: MeasurementPolicyRule = { ...stripUndefined(selector), op: ">", value: -Infinity };
  const [outcome] = evaluatePolicies(result, [{ rule }]).rules;
  return (outcome?.checks ?? []).map((c) => ({ where: c.where, value: c.measured, reason: c.reason }));
}

function stripUndefined(s: MetricSelector): MetricSelector {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as MetricSelector;
}

/**
 * How the policies recorded with a run judged one value of `metric` (the run keeps the outcome it had when it
 * was recorded): `fail` when any rule on the metric failed at that place, else `pass` when one passed, else
 * `no_value` when one could not compute it; null when no rule on the metric looked at it.
 */
export function verdictAt(
  outcome: Pick<PolicyOutcome, "rules">,
  metric: string,
  where: string,
): Exclude<PolicyRuleStatus, "not_applicable"> | null {
  const checks = outcome.rules
    .filter((r) => r.rule.metric === metric)
    .flatMap((r) => r.checks.filter((c) => c.where === where));
  if (checks.some((c) => c.status === "fail")) return "fail";
  if (checks.some((c) => c.status === "pass")) return "pass";
  return checks.length > 0 ? "no_value" : null;
}

/** One metric a run can be charted by, with the attributes / columns it is reported for. */
export interface AvailableMetric {
  metric: PolicyMetric;
  kind: MeasurementKind;
  /** fairness: attributes (between-group metrics) and `performance --group` attributes; sorted */
  attributes: string[];
  /** drift: the columns tested with this metric; sorted */
  columns: string[];
}

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

/** The metrics a run's result holds, in a stable order (fairness by first appearance, performance as listed). */
export function availableMetrics(result: MeasurementRunResult): AvailableMetric[] {
  if (result.kind === "fairness") {
    const by = new Map<string, Set<string>>();
    for (const m of [...result.between, ...result.inequality]) {
      const set = by.get(m.metric) ?? new Set<string>();
      if (m.attribute !== null) set.add(m.attribute);
      by.set(m.metric, set);
    }
    return [...by]
      .filter(([metric]) => fairnessMetricNames.has(metric))
      .map(([metric, attributes]) => ({
        metric: metric as PolicyMetric,
        kind: "fairness",
        attributes: sorted(attributes),
        columns: [],
      }));
  }
  if (result.kind === "performance") {
    const attributes = sorted((result.groups ?? []).map((g) => g.attribute));
    return performancePolicyMetrics.map((metric) => ({
      metric,
      kind: "performance",
      attributes,
      columns: [],
    }));
  }
  const by = new Map<string, string[]>();
  for (const c of result.columns)
    for (const t of c.tests) by.set(t.metric, [...(by.get(t.metric) ?? []), c.column]);
  return [...by].map(([metric, columns]) => ({
    metric: metric as PolicyMetric,
    kind: "drift",
    attributes: [],
    columns: sorted(columns),
  }));
}

/** Merges the metrics of several runs (e.g. the latest of each kind): union of attributes and columns. */
export function mergeAvailableMetrics(lists: readonly AvailableMetric[][]): AvailableMetric[] {
  const by = new Map<string, AvailableMetric>();
  for (const m of lists.flat()) {
    const seen = by.get(m.metric);
    by.set(
      m.metric,
      seen
        ? {
            ...seen,
            attributes: sorted([...seen.attributes, ...m.attributes]),
            columns: sorted([...seen.columns, ...m.columns]),
          }
        : m,
    );
  }
  return [...by.values()];
}

const fairnessMetricNames: ReadonlySet<string> = new Set<string>(fairnessPolicyMetrics);

/** Where a between-group metric is reported, in the words policy checks use (`race: b vs a`, `race (to_overall)`). */
export function betweenWhere(
  b: Pick<BetweenGroupMetric, "attribute" | "method" | "group" | "referenceGroup">,
) {
  return b.method === "vs_reference"
    ? `${b.attribute}: ${b.group} vs ${b.referenceGroup}`
    : `${b.attribute} (${b.method})`;
}

/** Where an inequality index is reported: its attribute, or the whole population. */
export const inequalityWhere = (i: Pick<InequalityIndex, "attribute">) => i.attribute ?? "whole population";
