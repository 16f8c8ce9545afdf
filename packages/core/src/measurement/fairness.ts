// Streaming group-fairness accumulator. Memory: per group 4 counts, the calibration bins and, with the bootstrap,
// 4 × B replicate counts — proportional to groups × B, never to rows. Formulas and conventions: docs/measurement.md.
import { poisson1, quantileSorted, seededRandom } from "./random";
import type {
  AttributeParity,
  BetweenGroupMetric,
  ClassificationRecord,
  ConfidenceInterval,
  Disparity,
  DisparityMetricName,
  FairnessAccumulator,
  FairnessConventions,
  FairnessOptions,
  FairnessResult,
  GroupCalibration,
  GroupMetrics,
  InequalityIndex,
  ParityName,
  RateName,
} from "./types";
import { disparityMetricNames, rateNames } from "./types";

export const DEFAULT_MIN_GROUP_SIZE = 30;
export const DEFAULT_TAU = 0.8;
export const MISSING_GROUP = "__missing__";
/** Frozen groups objects remembered by identity (see add); more are looked up value by value. */
const MAX_SHARED_GROUPS = 10_000;
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

const total = (c: Counts) => c.tp + c.fp + c.tn + c.fn;

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

const benefitsOf = (c: Counts) => [
  { b: 0, n: c.fn },
  { b: 1, n: c.tp + c.tn },
  { b: 2, n: c.fp },
];

// ---------------------------------------------------------------------------------------------------------------

interface GroupState extends Counts {
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

interface Block {
  attribute: string;
  groups: Map<string, GroupState>;
}

export function createFairnessAccumulator(options: FairnessOptions): FairnessAccumulator {
  const attributes = [...options.attributes];
  if (attributes.length === 0) throw new RangeError("fairness: at least one sensitive attribute is required");
  if (new Set(attributes).size !== attributes.length)
    throw new RangeError("fairness: attributes must be distinct");
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const tau = options.tau ?? DEFAULT_TAU;
  if (!(tau > 0 && tau <= 1)) throw new RangeError("fairness: tau must be in (0, 1]");
  const bins = options.scoreBins ?? 10;
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError("fairness: scoreBins must be a positive integer");
  const alpha = options.entropyAlpha ?? 2;
  const boot = options.bootstrap ?? null;
  const B = boot ? boot.samples : 0;
  if (boot && (!Number.isInteger(B) || B < 1))
    throw new RangeError("fairness: bootstrap.samples must be ≥ 1");
  const quantiles: [number, number] = boot?.quantiles ?? [0.025, 0.975];
  const rnd = boot ? seededRandom(boot.seed) : null;
  const weights = new Uint8Array(B);
  const intersectional = options.intersectional === true && attributes.length > 1;
  const interName = attributes.join("|");

  const newState = (): GroupState => ({
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
    calN: new Float64Array(bins),
    calScore: new Float64Array(bins),
    calLabel: new Float64Array(bins),
    scored: 0,
    scoreSum: 0,
    labelSum: 0,
    brierSum: 0,
    boot: B > 0 ? new Float64Array(B * 4) : null,
  });
  const overall = newState();
  const blocks: Block[] = attributes.map((attribute) => ({ attribute, groups: new Map() }));
  if (intersectional) blocks.push({ attribute: interName, groups: new Map() });
  const missing: Record<string, number> = {};
  let rows = 0;
  let scoresOutOfRange = 0;

  type Trie = Map<string, Trie | GroupState>;
  const interRoot: Trie = new Map();
  const valueOf = (r: ClassificationRecord, a: string) => {
    const v = r.groups[a];
    return v === undefined || v === "" ? MISSING_GROUP : v;
  };
  const touched: GroupState[] = [];
  const stateOf = (block: Block, value: string) => {
    let s = block.groups.get(value);
    if (!s) {
      s = newState();
      block.groups.set(value, s);
    }
    return s;
  };

  // Rows from the input reader share one frozen groups object per combination of values: their group states
  // (and missing attributes) are found by the object's identity, once per row instead of once per attribute.
  const byIdentity = new Map<object, { states: GroupState[]; missing: string[] }>();

  function add(r: ClassificationRecord): void {
    if ((r.label !== 0 && r.label !== 1) || (r.prediction !== 0 && r.prediction !== 1))
      throw new RangeError(`fairness: label and prediction must be 0 or 1 (row ${rows + 1})`);
    rows++;
    const known = byIdentity.get(r.groups);
    if (known !== undefined) {
      for (let i = 0; i < known.missing.length; i++) missing[known.missing[i]!]!++;
      count(r, known.states);
      return;
    }
    touched.length = 0;
    touched.push(overall);
    const missed: string[] = [];
    let node = interRoot;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      let v = r.groups[a];
      if (v === undefined || v === "") {
        v = MISSING_GROUP;
        missing[a] = (missing[a] ?? 0) + 1;
        missed.push(a);
      }
      touched.push(stateOf(blocks[i]!, v));
      if (intersectional) {
        // Walk a trie of values instead of building the "a=v|b=w" label for every row.
        let next = node.get(v);
        if (next === undefined) {
          next =
            i === attributes.length - 1
              ? stateOf(blocks[blocks.length - 1]!, attributes.map((x) => `${x}=${valueOf(r, x)}`).join("|"))
              : new Map();
          node.set(v, next);
        }
        if (i === attributes.length - 1) touched.push(next as GroupState);
        else node = next as Trie;
      }
    }
    if (Object.isFrozen(r.groups) && byIdentity.size < MAX_SHARED_GROUPS)
      byIdentity.set(r.groups, { states: [...touched], missing: missed });
    count(r, touched);
  }

  function count(r: ClassificationRecord, touched: readonly GroupState[]): void {
    const cell = r.label === 1 ? (r.prediction === 1 ? 0 : 3) : r.prediction === 1 ? 1 : 2; // tp fp tn fn
    const s = r.score;
    const hasScore = typeof s === "number" && Number.isFinite(s);
    const inRange = hasScore && s >= 0 && s <= 1;
    if (hasScore && !inRange) scoresOutOfRange++;
    const bin = inRange ? Math.min(bins - 1, Math.floor(s * bins)) : -1;
    for (const g of touched) {
      if (cell === 0) g.tp++;
      else if (cell === 1) g.fp++;
      else if (cell === 2) g.tn++;
      else g.fn++;
      if (inRange) {
        g.calN[bin]! += 1;
        g.calScore[bin]! += s;
        g.calLabel[bin]! += r.label;
        g.scored++;
        g.scoreSum += s;
        g.labelSum += r.label;
        g.brierSum += (s - r.label) * (s - r.label);
      }
    }
    if (B > 0) {
      for (let b = 0; b < B; b++) weights[b] = poisson1(rnd!());
      for (const g of touched) {
        const arr = g.boot!;
        for (let b = 0; b < B; b++) {
          const w = weights[b]!;
          if (w !== 0) arr[b * 4 + cell]! += w;
        }
      }
    }
  }

  function result(): FairnessResult {
    return buildResult({
      attributes,
      blocks,
      overall,
      rows,
      missing,
      options,
      minGroupSize,
      tau,
      bins,
      alpha,
      B,
      quantiles,
      intersectional,
      scoresOutOfRange,
    });
  }

  return { add, result };
}

// ---------------------------------------------------------------------------------------------------------------
// Result assembly. Every scalar is computed by one function of the counts, run once on the data and once per
// bootstrap replicate, so intervals and values can never drift apart.

interface BuildInput {
  attributes: string[];
  blocks: Block[];
  overall: GroupState;
  rows: number;
  missing: Record<string, number>;
  options: FairnessOptions;
  minGroupSize: number;
  tau: number;
  bins: number;
  alpha: number;
  B: number;
  quantiles: [number, number];
  intersectional: boolean;
  scoresOutOfRange: number;
}

type Scalar = { value: number | null; reason: string | null };
type Spec = Omit<BetweenGroupMetric, "value" | "reason" | "ci"> & {
  compute: (counts: Map<string, Counts>, overall: Counts) => Scalar;
};

const replicate = (s: GroupState, b: number): Counts => {
  const a = s.boot!;
  return { tp: a[b * 4]!, fp: a[b * 4 + 1]!, tn: a[b * 4 + 2]!, fn: a[b * 4 + 3]! };
};
const countsOf = (s: GroupState): Counts => ({ tp: s.tp, fp: s.fp, tn: s.tn, fn: s.fn });

function interval(values: (number | null)[], quantiles: [number, number]): ConfidenceInterval {
  const defined = values.filter((v): v is number => v !== null).sort((x, y) => x - y);
  return {
    lower: quantileSorted(defined, quantiles[0]),
    upper: quantileSorted(defined, quantiles[1]),
    undefinedReplicates: values.length - defined.length,
  };
}

function calibrationOf(s: GroupState, bins: number): GroupCalibration | null {
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

function chooseReference(block: Block, options: FairnessOptions, warnings: string[]) {
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
function spread(values: (number | null)[], kind: "difference" | "ratio"): Scalar {
  if (values.length < 2) return { value: null, reason: "fewer_than_two_groups" };
  if (values.some((v) => v === null)) return { value: null, reason: "zero_denominator_in_group" };
  const vs = values as number[];
  const max = Math.max(...vs);
  const min = Math.min(...vs);
  if (kind === "difference") return { value: max - min, reason: null };
  return max === 0 ? { value: null, reason: "zero_denominator" } : { value: min / max, reason: null };
}

function toOverall(values: (number | null)[], all: number | null, kind: "difference" | "ratio"): Scalar {
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

function buildResult(input: BuildInput): FairnessResult {
  const { blocks, overall, options, minGroupSize, tau, bins, alpha, B, quantiles } = input;
  const warnings: string[] = [];
  for (const a of Object.keys(options.reference ?? {}))
    if (!blocks.some((b) => b.attribute === a))
      warnings.push(
        `A reference group was given for "${a}", which is not a measured attribute; it was ignored.`,
      );
  if (input.scoresOutOfRange > 0)
    warnings.push(
      `${input.scoresOutOfRange} scores lie outside [0, 1]; they are not probabilities, so calibration and Brier score skip them.`,
    );

  const groups: GroupMetrics[] = [];
  const between: BetweenGroupMetric[] = [];
  const disparities: Disparity[] = [];
  const parity: AttributeParity[] = [];
  const inequality: InequalityIndex[] = [];
  const references: FairnessConventions["references"] = [];

  const groupRow = (
    attribute: string,
    value: string,
    s: GroupState,
    isReference: boolean,
    small: boolean,
  ) => {
    const c = countsOf(s);
    const rates = confusionRates(c);
    let ci: GroupMetrics["ci"] = null;
    if (B > 0) {
      ci = {};
      const per: Record<string, (number | null)[]> = {};
      for (const name of rateNames) per[name] = [];
      for (let b = 0; b < B; b++) {
        const r = confusionRates(replicate(s, b));
        for (const name of rateNames) per[name]!.push(r[name]);
      }
      for (const name of rateNames) ci[name] = interval(per[name]!, quantiles);
    }
    return {
      attribute,
      value,
      n: total(c),
      ...c,
      ...rates,
      smallGroup: small,
      isReference,
      calibration: calibrationOf(s, bins),
      ci,
    } satisfies GroupMetrics;
  };

  const overallRow = groupRow("overall", "overall", overall, false, false);

  // Whole-population inequality indices.
  const popIndex = (name: string, a: number): InequalityIndex => {
    const f = (c: Counts) => generalizedEntropyFromBenefits(benefitsOf(c), a);
    const v = f(countsOf(overall));
    let ci: ConfidenceInterval | null = null;
    if (B > 0) {
      const vals: (number | null)[] = [];
      for (let b = 0; b < B; b++) vals.push(f(replicate(overall, b)).value);
      ci = interval(vals, quantiles);
    }
    return { metric: name, definitionVersion: `${name}@1`, attribute: null, alpha: a, ...v, ci };
  };
  inequality.push(popIndex("generalized_entropy_index", alpha), popIndex("theil_index", 1));

  for (const block of blocks) {
    const attribute = block.attribute;
    const { referenceGroup, referenceSelection } = chooseReference(block, options, warnings);
    references.push({ attribute, referenceGroup, referenceSelection });
    const entries = [...block.groups.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const isSmall = (s: GroupState) => total(s) < minGroupSize;
    const eligible = entries.filter(([, s]) => !isSmall(s)).map(([v]) => v);
    const rows = entries.map(([v, s]) => groupRow(attribute, v, s, v === referenceGroup, isSmall(s)));
    groups.push(...rows);
    const smallNames = entries.filter(([, s]) => isSmall(s)).map(([v]) => v);
    if (smallNames.length > 0)
      warnings.push(
        `${attribute}: ${smallNames.length} group(s) below the minimum size ${minGroupSize} (${smallNames.join(", ")}) are listed but left out of aggregates and verdicts (group_too_small).`,
      );

    // Between-group scalars.
    const rateOf = (counts: Map<string, Counts>, name: RateName) =>
      eligible.map((v) => {
        const c = counts.get(v);
        return c ? confusionRates(c)[name] : null;
      });
    const specs: Spec[] = [];
    const base = {
      attribute,
      group: null,
      referenceGroup: null,
      note: null,
    };
    const bg = (metric: string, rate: RateName, kind: "difference" | "ratio", note: string | null = null) =>
      specs.push({
        ...base,
        metric,
        definitionVersion: `${metric}@1`,
        method: "between_groups",
        differenceSign: kind === "difference" ? "max_minus_min" : null,
        ratioDirection: kind === "ratio" ? "min_over_max" : null,
        note,
        compute: (counts) => spread(rateOf(counts, rate), kind),
      });
    const ov = (metric: string, rate: RateName, kind: "difference" | "ratio") =>
      specs.push({
        ...base,
        metric,
        definitionVersion: `${metric}@1`,
        method: "to_overall",
        differenceSign: kind === "difference" ? "abs" : null,
        ratioDirection: kind === "ratio" ? "symmetric_min" : null,
        referenceGroup: "overall",
        compute: (counts, all) => toOverall(rateOf(counts, rate), confusionRates(all)[rate], kind),
      });
    bg("demographic_parity_difference", "selectionRate", "difference");
    bg("demographic_parity_ratio", "selectionRate", "ratio");
    ov("demographic_parity_difference", "selectionRate", "difference");
    ov("demographic_parity_ratio", "selectionRate", "ratio");
    const worst = (a: Scalar, b: Scalar, pick: (x: number, y: number) => number): Scalar =>
      a.value === null ? a : b.value === null ? b : { value: pick(a.value, b.value), reason: null };
    specs.push({
      ...base,
      metric: "equalized_odds_difference",
      definitionVersion: "equalized_odds_difference@1",
      method: "between_groups",
      differenceSign: "max_minus_min",
      ratioDirection: null,
      note: "worst case of the TPR and FPR differences",
      compute: (counts) =>
        worst(
          spread(rateOf(counts, "tpr"), "difference"),
          spread(rateOf(counts, "fpr"), "difference"),
          Math.max,
        ),
    });
    specs.push({
      ...base,
      metric: "equalized_odds_ratio",
      definitionVersion: "equalized_odds_ratio@1",
      method: "between_groups",
      differenceSign: null,
      ratioDirection: "min_over_max",
      note: "worst case of the TPR and FPR ratios",
      compute: (counts) =>
        worst(spread(rateOf(counts, "tpr"), "ratio"), spread(rateOf(counts, "fpr"), "ratio"), Math.min),
    });
    bg("equal_opportunity_difference", "tpr", "difference");
    bg("equal_opportunity_ratio", "tpr", "ratio");

    // Two-group (AIF360-style) comparisons of every eligible group against the reference.
    if (referenceGroup !== null) {
      for (const g of eligible) {
        if (g === referenceGroup) continue;
        const pair = (counts: Map<string, Counts>) => {
          const cg = counts.get(g);
          const cr = counts.get(referenceGroup);
          return { u: cg ? confusionRates(cg) : null, p: cr ? confusionRates(cr) : null };
        };
        const signed = (
          metric: string,
          f: (u: Record<RateName, number | null>, p: Record<RateName, number | null>) => number | null,
          opts: { ratio?: boolean; abs?: boolean; note?: string } = {},
        ) =>
          specs.push({
            ...base,
            metric,
            definitionVersion: `${metric}@1`,
            method: "vs_reference",
            differenceSign: opts.ratio ? null : opts.abs ? "abs" : "comparison_minus_reference",
            ratioDirection: opts.ratio ? "comparison_over_reference" : null,
            group: g,
            referenceGroup,
            note: opts.note ?? null,
            compute: (counts) => {
              const { u, p } = pair(counts);
              if (!u || !p) return { value: null, reason: "empty_group" };
              const v = f(u, p);
              return v === null ? { value: null, reason: "zero_denominator" } : { value: v, reason: null };
            },
          });
        const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
        signed("statistical_parity_difference", (u, p) => diff(u.selectionRate, p.selectionRate));
        signed(
          "disparate_impact",
          (u, p) =>
            u.selectionRate === null || p.selectionRate === null || p.selectionRate === 0
              ? null
              : u.selectionRate / p.selectionRate,
          { ratio: true, note: FOUR_FIFTHS_NOTE },
        );
        signed("equal_opportunity_difference", (u, p) => diff(u.tpr, p.tpr));
        signed("average_odds_difference", (u, p) => {
          const a = diff(u.fpr, p.fpr);
          const b = diff(u.tpr, p.tpr);
          return a === null || b === null ? null : (a + b) / 2;
        });
        signed(
          "equalized_odds_difference",
          (u, p) => {
            const a = diff(u.fpr, p.fpr);
            const b = diff(u.tpr, p.tpr);
            return a === null || b === null ? null : Math.max(Math.abs(a), Math.abs(b));
          },
          { abs: true },
        );
      }
    }

    // Between-group inequality (each row's benefit replaced by its group's mean benefit); all groups, weighted by n.
    const betweenIndex = (name: string, a: number) => ({
      ...base,
      metric: name,
      definitionVersion: `${name}@1`,
      method: "between_groups" as const,
      differenceSign: null,
      ratioDirection: null,
      note: "between-group variant: every group weighted by its size, small groups included",
      compute: (counts: Map<string, Counts>): Scalar => {
        const w: { b: number; n: number }[] = [];
        for (const c of counts.values()) {
          const n = total(c);
          if (n > 0) w.push({ b: (c.tp + c.tn + 2 * c.fp) / n, n });
        }
        return generalizedEntropyFromBenefits(w, a);
      },
    });
    const ineqSpecs = [
      betweenIndex("between_group_generalized_entropy_index", alpha),
      betweenIndex("between_group_theil_index", 1),
    ];

    const actualCounts = new Map(entries.map(([v, s]) => [v, countsOf(s)]));
    const replicateCounts = (b: number) => new Map(entries.map(([v, s]) => [v, replicate(s, b)]));
    const reps: Map<string, Counts>[] = [];
    for (let b = 0; b < B; b++) reps.push(replicateCounts(b));
    const run = (spec: Spec) => {
      const v = spec.compute(actualCounts, countsOf(overall));
      let ci: ConfidenceInterval | null = null;
      if (B > 0)
        ci = interval(
          reps.map((counts, b) => spec.compute(counts, replicate(overall, b)).value),
          quantiles,
        );
      return { v, ci };
    };
    for (const spec of specs) {
      const { compute: _c, ...meta } = spec;
      void _c;
      const { v, ci } = run(spec);
      between.push({ ...meta, value: v.value, reason: v.reason, ci });
    }
    ineqSpecs.forEach((spec, i) => {
      const { v, ci } = run(spec);
      inequality.push({
        metric: spec.metric,
        definitionVersion: spec.definitionVersion,
        attribute,
        alpha: i === 0 ? alpha : 1,
        value: v.value,
        reason: v.reason,
        ci,
      });
    });

    // Aequitas-style disparities and verdicts.
    const totalPP = entries.reduce((acc, [, s]) => acc + s.tp + s.fp, 0);
    const metricOf = (s: GroupState): Record<DisparityMetricName, number | null> => {
      const r = confusionRates(countsOf(s));
      return {
        ppr: totalPP === 0 ? null : (s.tp + s.fp) / totalPP,
        pprev: r.selectionRate,
        precision: r.precision,
        fdr: r.fdr,
        for: r.for,
        fpr: r.fpr,
        fnr: r.fnr,
        tpr: r.tpr,
        tnr: r.tnr,
        npv: r.npv,
      };
    };
    const refState = referenceGroup === null ? undefined : block.groups.get(referenceGroup);
    const verdicts = {} as Record<ParityName, boolean>;
    for (const m of disparityMetricNames) verdicts[parityOf(m)] = true;
    if (refState && referenceGroup !== null) {
      const refMetrics = metricOf(refState);
      for (const [v, s] of entries) {
        const gm = metricOf(s);
        const small = isSmall(s);
        for (const m of disparityMetricNames) {
          const num = gm[m];
          const den = refMetrics[m];
          const d = num === null || den === null || den === 0 ? null : num / den;
          const fair = small || d === null ? null : d >= tau && d <= 1 / tau;
          disparities.push({
            attribute,
            value: v,
            referenceGroup,
            metric: m,
            disparity: d,
            fair,
            smallGroup: small,
          });
          if (!small && fair !== true) verdicts[parityOf(m)] = false;
        }
      }
    } else {
      for (const m of disparityMetricNames) verdicts[parityOf(m)] = false;
    }
    verdicts.typeI = verdicts.fdr && verdicts.fpr;
    verdicts.typeII = verdicts.for && verdicts.fnr;
    verdicts.equalizedOdds = verdicts.fpr && verdicts.tpr;
    verdicts.unsupervised = verdicts.statistical && verdicts.impact;
    verdicts.supervised = verdicts.typeI && verdicts.typeII;
    parity.push({ attribute, referenceGroup, referenceSelection, verdicts });
  }

  const conventions: FairnessConventions = {
    positiveLabel: 1,
    selectionOn: "prediction_positive",
    zeroDivision: "null_with_reason",
    zeroDivisionReason: "zero_denominator",
    minGroupSize,
    smallGroups: "flagged_excluded_from_aggregates",
    tau,
    fairBand: `[${tau}, ${1 / tau}] inclusive (Aequitas)`,
    references,
    intersectional: input.intersectional,
    intersectionalLabel: "attr=value|attr=value",
    bootstrap:
      B > 0
        ? {
            method: "poisson_percentile",
            samples: B,
            seed: options.bootstrap!.seed,
            quantiles,
            stratified: false,
          }
        : null,
    calibrationBinning: { bins, binning: "uniform" },
    fourFifths: FOUR_FIFTHS_NOTE,
  };

  return {
    kind: "fairness",
    version: 1,
    rows: input.rows,
    missingGroupValues: input.missing,
    overall: overallRow,
    groups,
    between,
    disparities,
    parity,
    inequality,
    conventions,
    warnings,
  };
}

function parityOf(m: DisparityMetricName): ParityName {
  return m === "ppr" ? "statistical" : m === "pprev" ? "impact" : m;
}
