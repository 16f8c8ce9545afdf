import {
  authorize,
  availableMetrics,
  kindOfPolicyMetric,
  measurementPolicy,
  MeasurementPolicyRule,
  MeasurementTrendQuery,
  mergeAvailableMetrics,
  metricValues,
  policyRuleLabel,
  verdictAt,
  type Actor,
  type MeasurementRunResult,
  type MeasurementTrend,
  type MeasurementTrendPoint,
  type PolicyOutcome,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { findAiSystem, parseInput } from "../ai-systems/ai-system-records";
import type { AppContext } from "../shared/context";
import { policiesOf } from "./measurement-records";

const r = tables.measurementRuns;

/**
 * The part of a stored result a metric is read from, cut down in SQL so a trend over 200 runs does not carry
 * every group's confusion matrix, calibration table and drift bins: fairness keeps `between` and `inequality`,
 * drift keeps each column's tests, performance drops the calibration bins.
 */
const slimResult = sql<MeasurementRunResult>`case ${r.kind}
  when 'fairness' then jsonb_build_object('kind', 'fairness', 'between', ${r.result}->'between',
    'inequality', ${r.result}->'inequality')
  when 'drift' then jsonb_build_object('kind', 'drift', 'columns', coalesce((select jsonb_agg(
    jsonb_build_object('column', c.v->'column', 'tests', c.v->'tests') order by c.i)
    from jsonb_array_elements(${r.result}->'columns') with ordinality as c(v, i)), '[]'::jsonb))
  else ${r.result} - 'calibrationBins' end`;

/** Metrics of the latest run of each kind, for the metric selector. */
async function latestOfEachKind(db: Executor, orgId: string, aiSystemId: string) {
  return db
    .selectDistinctOn([r.kind], { result: slimResult })
    .from(r)
    .where(and(eq(r.orgId, orgId), eq(r.aiSystemId, aiSystemId)))
    .orderBy(r.kind, desc(r.createdAt), desc(r.id));
}

/**
 * One metric across an AI system's latest runs of its kind, oldest first: a line per place the metric is
 * reported, each point with the verdict the run's policies gave it when it was recorded, and the system's current
 * thresholds on the metric as reference lines.
 */
export async function getMeasurementTrend(
  ctx: AppContext,
  actor: Actor,
  aiSystemId: string,
  query: MeasurementTrendQuery,
): Promise<MeasurementTrend> {
  authorize(actor, measurementPolicy, "read", { aiSystemId });
  const q = parseInput(MeasurementTrendQuery, query);
  const db = ctx.database.db;
  await findAiSystem(db, actor.orgId, aiSystemId);
  const policies = (await policiesOf(db, actor.orgId, aiSystemId)).map((p) => ({
    id: p.id,
    rule: MeasurementPolicyRule.parse(p.rule),
  }));
  const latest = await latestOfEachKind(db, actor.orgId, aiSystemId);
  const fromPolicies = policies.map((p) => ({
    metric: p.rule.metric,
    kind: kindOfPolicyMetric(p.rule.metric),
    attributes: p.rule.attribute && p.rule.attribute !== "*" ? [p.rule.attribute] : [],
    columns: p.rule.column && p.rule.column !== "*" ? [p.rule.column] : [],
  }));
  const available = mergeAvailableMetrics([...latest.map((l) => availableMetrics(l.result)), fromPolicies]);
  if (!q.metric)
    return { metric: null, kind: null, runs: [], series: [], thresholds: [], available, truncated: false };

  const metric = q.metric;
  const kind = kindOfPolicyMetric(metric);
  const rows = await db
    .select({
      id: r.id,
      title: r.title,
      createdAt: r.createdAt,
      policyStatus: r.policyStatus,
      policyOutcome: r.policyOutcome,
      result: slimResult,
    })
    .from(r)
    .where(and(eq(r.orgId, actor.orgId), eq(r.aiSystemId, aiSystemId), eq(r.kind, kind)))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(q.limit + 1);
  const runs = rows.slice(0, q.limit).reverse();
  const selector = { metric, attribute: q.attribute, group: q.group, method: q.method, column: q.column };

  const series = new Map<string, MeasurementTrendPoint[]>();
  for (const run of runs) {
    const outcome = run.policyOutcome as PolicyOutcome;
    for (const v of metricValues(run.result, selector)) {
      const points = series.get(v.where) ?? [];
      points.push({
        runId: run.id,
        createdAt: run.createdAt.toISOString(),
        value: v.value,
        reason: v.reason,
        verdict: verdictAt(outcome, metric, v.where),
      });
      series.set(v.where, points);
    }
  }
  return {
    metric,
    kind,
    runs: runs.map((run) => ({
      id: run.id,
      title: run.title,
      createdAt: run.createdAt.toISOString(),
      policyStatus: run.policyStatus as MeasurementTrend["runs"][number]["policyStatus"],
    })),
    series: [...series].map(([where, points]) => ({ where, points })),
    thresholds: policies
      .filter((p) => p.rule.metric === metric)
      .map((p) => ({
        policyId: p.id,
        label: policyRuleLabel(p.rule),
        op: p.rule.op,
        value: p.rule.value,
        abs: p.rule.abs ?? false,
        rule: p.rule,
      })),
    available,
    truncated: rows.length > q.limit,
  };
}
