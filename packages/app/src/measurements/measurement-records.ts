import {
  allows,
  kindOfPolicyMetric,
  measurementPolicy,
  MeasurementPolicyRule,
  policyRuleLabel,
  type Actor,
  type MeasurementKind,
  type MeasurementPolicyView,
  type MeasurementRunSummary,
  type MeasurementRunView,
  type PolicyOutcome,
} from "@openaims/core";
import { tables, type Executor } from "@openaims/db";
import { and, asc, eq } from "drizzle-orm";

export type MeasurementRunRow = typeof tables.measurementRuns.$inferSelect;
export type MeasurementPolicyRow = typeof tables.measurementPolicies.$inferSelect;

/** origin_key of the task a failed run opens: one per run, so recording is idempotent by construction. */
export const policyTaskKey = (runId: string) => `measurement_policy_failed:${runId}`;

export function presentRunSummary(row: MeasurementRunRow, taskId: string | null): MeasurementRunSummary {
  const outcome = row.policyOutcome as PolicyOutcome;
  return {
    id: row.id,
    aiSystemId: row.aiSystemId,
    kind: row.kind as MeasurementKind,
    title: row.title,
    modelRef: row.modelRef,
    datasetRef: row.datasetRef,
    sha256: row.sha256,
    rowsUsed: row.rowsUsed,
    policyStatus: row.policyStatus as MeasurementRunSummary["policyStatus"],
    failedRules: outcome.failed,
    evidenceId: row.evidenceId,
    taskId,
    source: row.source as MeasurementRunSummary["source"],
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentRun(row: MeasurementRunRow, taskId: string | null): MeasurementRunView {
  return {
    ...presentRunSummary(row, taskId),
    input: row.input,
    parameters: row.parameters as Record<string, unknown>,
    conventions: row.conventions,
    result: row.result,
    policyOutcome: row.policyOutcome as MeasurementRunView["policyOutcome"],
  };
}

export function presentPolicy(row: MeasurementPolicyRow): MeasurementPolicyView {
  const rule = MeasurementPolicyRule.parse(row.rule);
  return {
    id: row.id,
    aiSystemId: row.aiSystemId,
    kind: kindOfPolicyMetric(rule.metric),
    rule,
    label: policyRuleLabel(rule),
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function policiesOf(
  db: Executor,
  orgId: string,
  aiSystemId: string,
): Promise<MeasurementPolicyRow[]> {
  const p = tables.measurementPolicies;
  return db
    .select()
    .from(p)
    .where(and(eq(p.orgId, orgId), eq(p.aiSystemId, aiSystemId)))
    .orderBy(asc(p.createdAt), asc(p.id));
}

export const measurementAbilities = (actor: Actor) => ({
  record: allows(actor, measurementPolicy, "record", { aiSystemId: "" }),
  setPolicies: allows(actor, measurementPolicy, "setPolicies", { aiSystemId: "" }),
});
