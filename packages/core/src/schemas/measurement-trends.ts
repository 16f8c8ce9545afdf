import { z } from "zod";
import { aggregateMethods } from "../measurement/types";
import {
  MeasurementPolicyRule,
  policyMetrics,
  policyOperators,
  type PolicyMetric,
} from "../measurement/policies";
import { LinkView } from "../shared/links";
import { Abilities, Uuid } from "./common";
import { MeasurementKindSchema, MeasurementRunSummary } from "./measurement-runs";
import { ObjectiveProgressRecorded } from "./objectives";

const scope = z.string().trim().min(1).max(200);

/**
 * `GET …/ai-systems/{id}/measurement-runs/trend`: one metric across the latest `limit` runs of its kind, oldest
 * first. `attribute`, `group`, `method`, `column` narrow it like a policy rule does (absent = all). Without
 * `metric` only `available` is filled, so a client can offer the choice first.
 */
export const MeasurementTrendQuery = z.strictObject({
  metric: z.enum(policyMetrics as unknown as [PolicyMetric, ...PolicyMetric[]]).optional(),
  attribute: scope.optional(),
  group: scope.optional(),
  method: z.enum(aggregateMethods).optional(),
  column: scope.optional(),
  limit: z.coerce.number().int().min(2).max(200).default(50),
});
export type MeasurementTrendQuery = z.input<typeof MeasurementTrendQuery>;

const Verdict = z.enum(["pass", "fail", "no_value"]).nullable();

export const MeasurementTrendPoint = z.object({
  runId: Uuid,
  createdAt: z.string(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  /** how the policies recorded with the run judged this value; null when no rule on the metric looked at it */
  verdict: Verdict,
});
export type MeasurementTrendPoint = z.infer<typeof MeasurementTrendPoint>;

export const MeasurementTrend = z.object({
  metric: z.enum(policyMetrics as unknown as [PolicyMetric, ...PolicyMetric[]]).nullable(),
  kind: MeasurementKindSchema.nullable(),
  /** the runs read (oldest first), with their overall policy status */
  runs: z.array(
    z.object({
      id: Uuid,
      title: z.string(),
      createdAt: z.string(),
      policyStatus: z.enum(["pass", "fail", "no_policies"]),
    }),
  ),
  /** one line per place the metric is reported (`race: b vs a`, `column age`, `overall`), points oldest first */
  series: z.array(z.object({ where: z.string(), points: z.array(MeasurementTrendPoint) })),
  /** the AI system's current policies on this metric: the reference lines */
  thresholds: z.array(
    z.object({
      policyId: Uuid,
      label: z.string(),
      op: z.enum(policyOperators),
      value: z.number(),
      abs: z.boolean(),
      rule: MeasurementPolicyRule,
    }),
  ),
  /** metrics of the latest run of each kind (and of the policies), with their attributes and columns */
  available: z.array(
    z.object({
      metric: z.enum(policyMetrics as unknown as [PolicyMetric, ...PolicyMetric[]]),
      kind: MeasurementKindSchema,
      attributes: z.array(z.string()),
      columns: z.array(z.string()),
    }),
  ),
  /** true when older runs of the kind exist beyond `limit` */
  truncated: z.boolean(),
});
export type MeasurementTrend = z.infer<typeof MeasurementTrend>;

/** `PUT …/measurement-runs/{runId}/objectives`: the objectives the run informs (replaces the list). */
export const SetMeasurementRunObjectivesInput = z.strictObject({
  objectiveIds: z.array(Uuid).max(50),
});
export type SetMeasurementRunObjectivesInput = z.input<typeof SetMeasurementRunObjectivesInput>;

export const MeasurementRunObjectives = z.object({
  items: z.array(LinkView),
  abilities: Abilities,
});
export type MeasurementRunObjectives = z.infer<typeof MeasurementRunObjectives>;

/**
 * `POST …/measurement-runs/{runId}/objective-progress`: records one value of the run as a progress entry of an
 * objective (source `measurement`, observed when the run was recorded) and links the run to the objective. The
 * selector must name exactly one value (`where` picks one of several, e.g. `race: b vs a`).
 */
export const RecordProgressFromRunInput = z.strictObject({
  objectiveId: Uuid,
  metric: z.enum(policyMetrics as unknown as [PolicyMetric, ...PolicyMetric[]]),
  attribute: scope.optional(),
  group: scope.optional(),
  method: z.enum(aggregateMethods).optional(),
  column: scope.optional(),
  where: z.string().trim().min(1).max(300).optional(),
  /** default: "<metric> at <where> from measurement run <title>" */
  note: z.string().trim().max(2000).optional(),
});
export type RecordProgressFromRunInput = z.input<typeof RecordProgressFromRunInput>;

export const ProgressFromRunRecorded = z.object({
  /** the progress entry and the objective's new status, as `POST …/objectives/{id}/progress` answers */
  recorded: ObjectiveProgressRecorded,
  /** the run's objectives afterwards (the objective is linked if it was not yet) */
  objectives: MeasurementRunObjectives,
});
export type ProgressFromRunRecorded = z.infer<typeof ProgressFromRunRecorded>;

/** `GET …/objectives/{id}/measurement-runs`: the runs linked to an objective, newest first (at most 100). */
export const ObjectiveMeasurementRuns = z.object({ items: z.array(MeasurementRunSummary) });
export type ObjectiveMeasurementRuns = z.infer<typeof ObjectiveMeasurementRuns>;
