// Group-fairness building blocks: the four counts per group and every rate from them, the inequality indices,
// and the pieces the result is assembled from (intervals, calibration, reference choice, spreads). Pure.
import { quantileSorted } from "./random";
import type {
  ConfidenceInterval,
  DisparityMetricName,
  FairnessOptions,
  GroupCalibration,
  ParityName,
  RateName,
} from "./types";

export const DEFAULT_MIN_GROUP_SIZE = 30;
export const DEFAULT_TAU = 0.8;
export const MISSING_GROUP = "__missing__";
export const FOUR_FIFTHS_NOTE =
  "Four-fifths (80%) rule: a US employment-law rule of thumb (29 CFR 1607.4(D)), not a statistical test and not an EU legal threshold; thresholds are your organization's policy.";

export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Every per-group rate from the four counts; null on a zero denominator (never NaN, never 0). */
export function confusionRates(c: Counts): Record<RateName, number | null> {
  const n = c.tp + c.fp + c.tn + c.fn;
  const p = c.tp + c.fn;
  const neg = c.fp + c.tn;
  const pp = c.tp + c.fp;
  const pn = c.tn + c.fn;
  return {
    prevalence: ratio(p, n),
    selectionRate: ratio(pp, n),
    tpr: ratio(c.tp, p),
    fpr: ratio(c.fp, neg),
    tnr: ratio(c.tn, neg),
    fnr: ratio(c.fn, p),
    precision: ratio(c.tp, pp),
    npv: ratio(c.tn, pn),
    fdr: ratio(c.fp, pp),
    for: ratio(c.fn, pn),
    accuracy: ratio(c.tp + c.tn, n),
  };
}

export const total = (c: Counts) => c.tp + c.fp + c.tn + c.fn;

/**
 * Generalized entropy index of the benefit b = ŷ − y + 1 ∈ {0, 1, 2} (AIF360), from counts of b:
 * b = 0 ⇔ false negative, b = 2 ⇔ false positive, b = 1 otherwise. α = 1 is the Theil index.
 */
export function generalizedEntropyFromBenefits(
  weighted: { b: number; n: number }[],
  alpha: number,
): { value: number | null; reason: string | null } {
  let n = 0;
  let sum = 0;
  for (const w of weighted) {
    n += w.n;
    sum += w.b * w.n;
  }
  if (n === 0) return { value: null, reason: "no_rows" };
  const mu = sum / n;
  if (mu === 0) return { value: null, reason: "zero_mean_benefit" };
  let acc = 0;
  for (const w of weighted) {
    if (w.n === 0) continue;
    const x = w.b / mu;
    if (alpha === 1) {
      if (x > 0) acc += w.n * x * Math.log(x);
    } else if (alpha === 0) {
      if (x === 0) return { value: null, reason: "zero_benefit_with_alpha_0" };
      acc += w.n * Math.log(x);
    } else {
      if (x === 0 && alpha < 0) return { value: null, reason: "zero_benefit_with_negative_alpha" };
      acc += w.n * (Math.pow(x, alpha) - 1);
    }
  }
  if (alpha === 1) return { value: acc / n, reason: null };
  if (alpha === 0) return { value: -acc / n, reason: null };
  return { value: acc / (n * alpha * (alpha - 1)), reason: null };
}

export const benefitsOf = (c: Counts) => [
  { b: 0, n: c.fn },
  { b: 1, n: c.tp + c.tn },
  { b: 2, n: c.fp },
];

export interface GroupState extends Counts {
  calN: Float64Array;
  calScore: Float64Array;
  calLabel: Float64Array;
  scored: number;
  scoreSum: number;
  labelSum: number;
  brierSum: number;
  /** Bootstrap replicate counts, [tp, fp, tn, fn] × B, or null. */
  boot: Float64Array | null;
}

export interface Block {
  attribute: string;
  groups: Map<string, GroupState>;
}

export type Scalar = { value: number | null; reason: string | null };

export const replicate = (s: GroupState, b: number): Counts => {
  const a = s.boot!;
  return { tp: a[b * 4]!, fp: a[b * 4 + 1]!, tn: a[b * 4 + 2]!, fn: a[b * 4 + 3]! };
};
export const countsOf = (s: GroupState): Counts => ({ tp: s.tp, fp: s.fp, tn: s.tn, fn: s.fn });

export function interval(values: (number | null)[], quantiles: [number, number]): ConfidenceInterval {
  const defined = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
  return {
    lower: quantileSorted(defined, quantiles[0]),
    upper: quantileSorted(defined, quantiles[1]),
    undefinedReplicates: values.length - defined.length,
  };
}

export function calibrationOf(s: GroupState, bins: number): GroupCalibration | null {
  if (s.scored === 0) return null;
  const out: GroupCalibration["bins"] = [];
  let ece = 0;
  let mce = 0;
  for (let i = 0; i < bins; i++) {
    const n = s.calN[i]!;
    const meanScore = n === 0 ? null : s.calScore[i]! / n;
    const observedRate = n === 0 ? null : s.calLabel[i]! / n;
    out.push({ lower: i / bins, upper: (i + 1) / bins, n, meanScore, observedRate });
    if (n > 0) {
      const gap = Math.abs(observedRate! - meanScore!);
      ece += (n / s.scored) * gap;
      mce = Math.max(mce, gap);
    }
  }
  return {
    n: s.scored,
    ece,
    mce,
    brier: s.brierSum / s.scored,
    calibrationInTheLarge: s.scoreSum / s.scored - s.labelSum / s.scored,
    bins: out,
  };
}

export function chooseReference(block: Block, options: FairnessOptions, warnings: string[]) {
  const given = options.reference?.[block.attribute];
  if (given !== undefined) {
    if (!block.groups.has(given))
      warnings.push(`Reference group "${given}" for ${block.attribute} does not occur in the data.`);
    return { referenceGroup: given, referenceSelection: "predefined" as const };
  }
  let best: string | null = null;
  let bestN = -1;
  for (const [v, s] of [...block.groups.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const n = total(s);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return { referenceGroup: best, referenceSelection: "majority" as const };
}

/** max − min, min / max, or vs overall over the eligible groups' values of one rate. */
export function spread(values: (number | null)[], kind: "difference" | "ratio"): Scalar {
  if (values.length < 2) return { value: null, reason: "fewer_than_two_groups" };
  if (values.some((v) => v === null)) return { value: null, reason: "zero_denominator_in_group" };
  const vs = values as number[];
  const max = Math.max(...vs);
  const min = Math.min(...vs);
  if (kind === "difference") return { value: max - min, reason: null };
  return max === 0 ? { value: null, reason: "zero_denominator" } : { value: min / max, reason: null };
}

export function toOverall(
  values: (number | null)[],
  all: number | null,
  kind: "difference" | "ratio",
): Scalar {
  if (values.length < 1) return { value: null, reason: "no_eligible_groups" };
  if (all === null || values.some((v) => v === null))
    return { value: null, reason: "zero_denominator_in_group" };
  const vs = values as number[];
  if (kind === "difference") return { value: Math.max(...vs.map((v) => Math.abs(v - all))), reason: null };
  let worst = Infinity;
  for (const v of vs) {
    if (v === 0 && all === 0) worst = Math.min(worst, 1);
    else if (v === 0 || all === 0) worst = 0;
    else worst = Math.min(worst, v / all, all / v);
  }
  return { value: worst, reason: null };
}

export function parityOf(m: DisparityMetricName): ParityName {
  return m === "ppr" ? "statistical" : m === "pprev" ? "impact" : m;
}
