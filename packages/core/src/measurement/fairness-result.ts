// Result assembly of the fairness accumulator. Every scalar is computed by one function of the counts, run once
// on the data and once per bootstrap replicate, so intervals and values can never drift apart.
import type {
  AttributeParity,
  BetweenGroupMetric,
  ConfidenceInterval,
  Disparity,
  DisparityMetricName,
  FairnessConventions,
  FairnessOptions,
  FairnessResult,
  GroupMetrics,
  InequalityIndex,
  ParityName,
  RateName,
} from "./types";
import { disparityMetricNames, rateNames } from "./types";
import {
  benefitsOf,
  calibrationOf,
  chooseReference,
  confusionRates,
  countsOf,
  FOUR_FIFTHS_NOTE,
  generalizedEntropyFromBenefits,
  interval,
  parityOf,
  replicate,
  spread,
  toOverall,
  total,
  type Block,
  type Counts,
  type GroupState,
  type Scalar,
} from "./fairness-metrics";

export interface BuildInput {
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

type Spec = Omit<BetweenGroupMetric, "value" | "reason" | "ci"> & {
  compute: (counts: Map<string, Counts>, overall: Counts) => Scalar;
};

export function buildResult(input: BuildInput): FairnessResult {
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
