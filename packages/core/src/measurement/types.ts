// Types and JSON schemas of the measurement engine (fairness first; performance and drift beside it).
// Pure: no node:* imports. The streaming input (CLI, server) produces ClassificationRecord values and feeds them
// one at a time to an accumulator; memory stays proportional to the number of groups, never to the rows.
// Conventions and formulas: docs/measurement.md.
import { z } from "zod";

/** One row of a binary classification, already mapped to positive (1) / negative (0). */
export interface ClassificationRecord {
  label: 0 | 1;
  prediction: 0 | 1;
  /** Predicted probability of the positive class in [0, 1], when the model produced scores. */
  score?: number;
  /** Sensitive attribute → value (already mapped, e.g. { race: "Black", sex: "Female" }). */
  groups: Record<string, string>;
}

export interface BootstrapOptions {
  /** Number of replicates B. */
  samples: number;
  /** Seed of the PRNG: same seed + same rows in the same order → same intervals. */
  seed: number;
  /** Quantiles of the percentile interval; default [0.025, 0.975]. */
  quantiles?: [number, number];
}

export interface FairnessOptions {
  /** Sensitive attributes to measure (each becomes one block of groups). */
  attributes: string[];
  /**
   * Reference group per attribute (`predefined`). An attribute without an entry uses the largest group
   * (`majority`, ties broken by the value's sort order). Intersectional blocks always use `majority` unless the
   * canonical label is given here under the intersectional attribute name (e.g. "race|sex").
   */
  reference?: Record<string, string>;
  /** Also measure the intersection of all `attributes` (labels like `race=Black|sex=Female`). */
  intersectional?: boolean;
  /** Groups with fewer rows are listed (flagged `smallGroup`) but left out of aggregates and verdicts. Default 30. */
  minGroupSize?: number;
  /** Seeded Poisson bootstrap; null or absent → no intervals. */
  bootstrap?: BootstrapOptions | null;
  /** Equal-width calibration bins on [0, 1] for score calibration by group. Default 10. */
  scoreBins?: number;
  /** Aequitas fairness threshold τ: a disparity is fair iff τ ≤ d ≤ 1/τ. Default 0.8. */
  tau?: number;
  /** Generalized entropy index α (besides Theil = GE(1)). Default 2. */
  entropyAlpha?: number;
}

export interface FairnessAccumulator {
  add(r: ClassificationRecord): void;
  result(): FairnessResult;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON result schemas (the CLI's --json prints FairnessResult; the API stores it as evidence).

/** A rate or aggregate: null when undefined (zero denominator, too few groups); never NaN, never a silent 0. */
export const MetricValue = z.number().nullable();

export const rateNames = [
  "prevalence",
  "selectionRate",
  "tpr",
  "fpr",
  "tnr",
  "fnr",
  "precision",
  "npv",
  "fdr",
  "for",
  "accuracy",
] as const;
export type RateName = (typeof rateNames)[number];

/** Rates compared in the Aequitas-style disparity table (ppr = the group's share of all predicted positives). */
export const disparityMetricNames = [
  "ppr",
  "pprev",
  "precision",
  "fdr",
  "for",
  "fpr",
  "fnr",
  "tpr",
  "tnr",
  "npv",
] as const;
export type DisparityMetricName = (typeof disparityMetricNames)[number];

export const ConfidenceInterval = z.strictObject({
  lower: MetricValue,
  upper: MetricValue,
  /** Replicates in which the metric was undefined (empty group or zero denominator); left out of the quantiles. */
  undefinedReplicates: z.number().int(),
});
export type ConfidenceInterval = z.infer<typeof ConfidenceInterval>;

export const CalibrationBin = z.strictObject({
  lower: z.number(),
  upper: z.number(),
  n: z.number().int(),
  meanScore: MetricValue,
  observedRate: MetricValue,
});
export type CalibrationBin = z.infer<typeof CalibrationBin>;

export const GroupCalibration = z.strictObject({
  /** Rows of the group that carried a score. */
  n: z.number().int(),
  ece: MetricValue,
  mce: MetricValue,
  brier: MetricValue,
  /** mean(score) − mean(label). */
  calibrationInTheLarge: MetricValue,
  bins: z.array(CalibrationBin),
});
export type GroupCalibration = z.infer<typeof GroupCalibration>;

export const GroupMetrics = z.strictObject({
  attribute: z.string(),
  value: z.string(),
  n: z.number().int(),
  tp: z.number().int(),
  fp: z.number().int(),
  tn: z.number().int(),
  fn: z.number().int(),
  prevalence: MetricValue,
  selectionRate: MetricValue,
  tpr: MetricValue,
  fpr: MetricValue,
  tnr: MetricValue,
  fnr: MetricValue,
  precision: MetricValue,
  npv: MetricValue,
  fdr: MetricValue,
  for: MetricValue,
  accuracy: MetricValue,
  /** n < minGroupSize: shown, but excluded from aggregates and verdicts (reason group_too_small). */
  smallGroup: z.boolean(),
  isReference: z.boolean(),
  calibration: GroupCalibration.nullable(),
  /** Percentile bootstrap intervals of the rates (absent when no bootstrap was asked). */
  ci: z.record(z.string(), ConfidenceInterval).nullable(),
});
export type GroupMetrics = z.infer<typeof GroupMetrics>;

export const differenceSigns = ["max_minus_min", "comparison_minus_reference", "abs"] as const;
export const ratioDirections = ["min_over_max", "comparison_over_reference", "symmetric_min"] as const;
export const aggregateMethods = ["between_groups", "to_overall", "vs_reference"] as const;
export const referenceSelections = ["predefined", "majority", "min_metric", "overall"] as const;

export const BetweenGroupMetric = z.strictObject({
  /** e.g. `demographic_parity_difference`. */
  metric: z.string(),
  /** `<metric>@<version>`; bumps when the definition changes. */
  definitionVersion: z.string(),
  attribute: z.string(),
  method: z.enum(aggregateMethods),
  value: MetricValue,
  /** Why value is null (e.g. zero_denominator, fewer_than_two_groups). */
  reason: z.string().nullable(),
  differenceSign: z.enum(differenceSigns).nullable(),
  ratioDirection: z.enum(ratioDirections).nullable(),
  /** vs_reference metrics: the comparison group; otherwise null. */
  group: z.string().nullable(),
  referenceGroup: z.string().nullable(),
  ci: ConfidenceInterval.nullable(),
  /** Human-readable note (e.g. the four-fifths caveat). */
  note: z.string().nullable(),
});
export type BetweenGroupMetric = z.infer<typeof BetweenGroupMetric>;

export const Disparity = z.strictObject({
  attribute: z.string(),
  value: z.string(),
  referenceGroup: z.string(),
  metric: z.enum(disparityMetricNames),
  /** metric_group / metric_reference; null on a zero or undefined reference (Aequitas would write 10). */
  disparity: MetricValue,
  /** τ ≤ disparity ≤ 1/τ; null when the disparity is undefined or the group is too small. */
  fair: z.boolean().nullable(),
  smallGroup: z.boolean(),
});
export type Disparity = z.infer<typeof Disparity>;

export const parityNames = [
  "statistical",
  "impact",
  "fdr",
  "fpr",
  "for",
  "fnr",
  "tpr",
  "tnr",
  "npv",
  "precision",
  "typeI",
  "typeII",
  "equalizedOdds",
  "unsupervised",
  "supervised",
] as const;
export type ParityName = (typeof parityNames)[number];

/** Aequitas-style verdicts for one attribute: true iff every (large enough) group is fair. */
export const AttributeParity = z.strictObject({
  attribute: z.string(),
  referenceGroup: z.string().nullable(),
  referenceSelection: z.enum(referenceSelections),
  verdicts: z.record(z.enum(parityNames), z.boolean()),
});
export type AttributeParity = z.infer<typeof AttributeParity>;

export const InequalityIndex = z.strictObject({
  metric: z.string(),
  definitionVersion: z.string(),
  /** null → whole population; otherwise the between-group variant over this attribute's groups. */
  attribute: z.string().nullable(),
  alpha: z.number(),
  value: MetricValue,
  reason: z.string().nullable(),
  ci: ConfidenceInterval.nullable(),
});
export type InequalityIndex = z.infer<typeof InequalityIndex>;

export const FairnessConventions = z.strictObject({
  positiveLabel: z.literal(1),
  /** Which prediction value is favourable is the caller's knowledge; the engine reports on ŷ = 1. */
  selectionOn: z.literal("prediction_positive"),
  zeroDivision: z.literal("null_with_reason"),
  zeroDivisionReason: z.literal("zero_denominator"),
  minGroupSize: z.number().int(),
  smallGroups: z.literal("flagged_excluded_from_aggregates"),
  tau: z.number(),
  fairBand: z.string(),
  /** Per attribute: reference group and how it was chosen. */
  references: z.array(
    z.strictObject({
      attribute: z.string(),
      referenceGroup: z.string().nullable(),
      referenceSelection: z.enum(referenceSelections),
    }),
  ),
  intersectional: z.boolean(),
  intersectionalLabel: z.literal("attr=value|attr=value"),
  bootstrap: z
    .strictObject({
      method: z.literal("poisson_percentile"),
      samples: z.number().int(),
      seed: z.number().int(),
      quantiles: z.tuple([z.number(), z.number()]),
      stratified: z.literal(false),
    })
    .nullable(),
  calibrationBinning: z.strictObject({ bins: z.number().int(), binning: z.literal("uniform") }),
  fourFifths: z.string(),
});
export type FairnessConventions = z.infer<typeof FairnessConventions>;

export const FairnessResult = z.strictObject({
  kind: z.literal("fairness"),
  version: z.literal(1),
  rows: z.number().int(),
  /** Rows whose value for an attribute was missing (counted under the group "__missing__"). */
  missingGroupValues: z.record(z.string(), z.number().int()),
  overall: GroupMetrics,
  groups: z.array(GroupMetrics),
  between: z.array(BetweenGroupMetric),
  disparities: z.array(Disparity),
  parity: z.array(AttributeParity),
  inequality: z.array(InequalityIndex),
  conventions: FairnessConventions,
  /** Plain-language warnings (e.g. scores outside [0, 1] → no calibration; unknown reference group). */
  warnings: z.array(z.string()),
});
export type FairnessResult = z.infer<typeof FairnessResult>;

// ---------------------------------------------------------------------------------------------------------------
// Performance (binary classification and regression).

export interface PerformanceOptions {
  /** Equal-width calibration bins on [0, 1] for ECE/MCE. Default 10. */
  calibrationBins?: number;
  /** Scored rows kept for the exact ROC AUC (rank sum with ties as ½). Beyond it, the histogram AUC is used. Default 200 000. */
  exactAucLimit?: number;
  /** Equal-width histogram bins on [0, 1] for the AUC beyond the exact limit. Default 10 000. */
  aucBins?: number;
  /** Probabilities are clipped to [ε, 1 − ε] in the log loss. Default 1e-15. */
  logLossEpsilon?: number;
}

export type PerformanceRecord = Pick<ClassificationRecord, "label" | "prediction" | "score">;

export interface PerformanceAccumulator {
  add(r: PerformanceRecord): void;
  result(): PerformanceResult;
}

export const ScoredMetric = z.strictObject({ value: MetricValue, reason: z.string().nullable() });
export type ScoredMetric = z.infer<typeof ScoredMetric>;

export const PerformanceResult = z.strictObject({
  kind: z.literal("performance"),
  version: z.literal(1),
  n: z.number().int(),
  tp: z.number().int(),
  fp: z.number().int(),
  tn: z.number().int(),
  fn: z.number().int(),
  accuracy: MetricValue,
  precision: MetricValue,
  recall: MetricValue,
  specificity: MetricValue,
  balancedAccuracy: MetricValue,
  f1: MetricValue,
  /** Rows that carried a finite score. */
  scored: z.number().int(),
  rocAuc: z.strictObject({
    value: MetricValue,
    reason: z.string().nullable(),
    method: z.enum(["exact_rank", "histogram"]).nullable(),
    /** Histogram method: upper bound of |histogram AUC − exact AUC| (pairs sharing a bin); 0 for exact. */
    maxError: z.number().nullable(),
  }),
  gini: MetricValue,
  logLoss: ScoredMetric,
  brier: ScoredMetric,
  ece: ScoredMetric,
  mce: ScoredMetric,
  calibrationBins: z.array(CalibrationBin),
  conventions: z.strictObject({
    positiveLabel: z.literal(1),
    zeroDivision: z.literal("null_with_reason"),
    logLossEpsilon: z.number(),
    calibrationBinning: z.strictObject({ bins: z.number().int(), binning: z.literal("uniform") }),
    aucTies: z.literal("half"),
    exactAucLimit: z.number().int(),
    aucBins: z.number().int(),
  }),
});
export type PerformanceResult = z.infer<typeof PerformanceResult>;

export interface RegressionRecord {
  actual: number;
  predicted: number;
}

export interface RegressionAccumulator {
  add(r: RegressionRecord): void;
  result(): RegressionResult;
}

export const RegressionResult = z.strictObject({
  kind: z.literal("regression"),
  version: z.literal(1),
  n: z.number().int(),
  mae: MetricValue,
  rmse: MetricValue,
  r2: ScoredMetric,
});
export type RegressionResult = z.infer<typeof RegressionResult>;

// ---------------------------------------------------------------------------------------------------------------
// Drift: per-column summaries built while streaming, compared reference vs current.

export interface ColumnSummarizerOptions {
  /** Numeric columns keep an exact sample up to this many values, then a seeded reservoir sample. Default 100 000. */
  reservoirSize?: number;
  /** Seed of the reservoir sampling. Default 1. */
  seed?: number;
  /** Categorical columns keep at most this many distinct values; later new values count as `__other__`. Default 1000. */
  maxCategories?: number;
}

export const NumericColumnSummary = z.strictObject({
  kind: z.literal("numeric"),
  name: z.string(),
  /** Non-missing values seen. */
  n: z.number().int(),
  missing: z.number().int(),
  min: MetricValue,
  max: MetricValue,
  mean: MetricValue,
  std: MetricValue,
  /** Sorted values: all of them while n ≤ reservoirSize, else a uniform reservoir sample. */
  sample: z.array(z.number()),
  sampled: z.boolean(),
});
export type NumericColumnSummary = z.infer<typeof NumericColumnSummary>;

export const CategoricalColumnSummary = z.strictObject({
  kind: z.literal("categorical"),
  name: z.string(),
  n: z.number().int(),
  missing: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  /** Distinct values beyond maxCategories were counted under `__other__`. */
  truncated: z.boolean(),
});
export type CategoricalColumnSummary = z.infer<typeof CategoricalColumnSummary>;

export const ColumnSummary = z.discriminatedUnion("kind", [NumericColumnSummary, CategoricalColumnSummary]);
export type ColumnSummary = z.infer<typeof ColumnSummary>;

export interface ColumnSummarizer {
  /** null, undefined, "" and NaN count as missing. */
  add(value: number | string | null | undefined): void;
  summary(): ColumnSummary;
}

export const DriftBin = z.strictObject({
  label: z.string(),
  reference: z.number(),
  current: z.number(),
  /** (a − e)·ln(a / e) after flooring at ε. */
  psiContribution: z.number(),
});
export type DriftBin = z.infer<typeof DriftBin>;

export const DriftTest = z.strictObject({
  metric: z.enum(["psi", "ks", "chi_square", "z_test", "jensen_shannon", "wasserstein"]),
  /** PSI, KS D, χ² statistic, JS distance, or W1 normalised by the reference std. */
  value: MetricValue,
  pValue: MetricValue,
  /** Human band or test verdict, e.g. stable / moderate / significant, drift / no_drift. */
  band: z.string().nullable(),
  drift: z.boolean().nullable(),
  threshold: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
});
export type DriftTest = z.infer<typeof DriftTest>;

export const ColumnDrift = z.strictObject({
  kind: z.literal("drift"),
  version: z.literal(1),
  column: z.string(),
  columnKind: z.enum(["numeric", "categorical"]),
  referenceN: z.number().int(),
  currentN: z.number().int(),
  referenceMissing: z.number().int(),
  currentMissing: z.number().int(),
  bins: z.array(DriftBin),
  tests: z.array(DriftTest),
  conventions: z.strictObject({
    binning: z.string(),
    epsilon: z.number(),
    jsLogBase: z.literal("e"),
    wassersteinNormalisation: z.string(),
    chiSquareForm: z.literal("homogeneity_2xk"),
    sampled: z.boolean(),
  }),
  warnings: z.array(z.string()),
});
export type ColumnDrift = z.infer<typeof ColumnDrift>;

export interface DriftOptions {
  /** Floor for zero proportions in PSI. Default 1e-4. */
  epsilon?: number;
  /** Numeric quantile bins on the reference. Default 10 (deciles). */
  bins?: number;
}
