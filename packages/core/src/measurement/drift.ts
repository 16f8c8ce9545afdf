// Drift between a reference and a current column: streaming summaries (bounded: a seeded reservoir for numbers,
// capped category counts for categories) and the comparison (PSI, KS, chi-square, Jensen–Shannon, Wasserstein).
import { quantileSorted, seededRandom } from "./random";
import type {
  CategoricalColumnSummary,
  ColumnDrift,
  ColumnSummarizer,
  ColumnSummarizerOptions,
  ColumnSummary,
  DriftBin,
  DriftOptions,
  DriftTest,
  NumericColumnSummary,
} from "./types";

import {
  chiSquareSf,
  jensenShannonDistance,
  ksStatistic,
  ksTail,
  normalTwoSidedP,
  populationStabilityIndex,
  wasserstein1,
} from "./drift-statistics";

export {
  chiSquareSf,
  gammaQ,
  jensenShannonDistance,
  klDivergence,
  ksStatistic,
  ksTail,
  normalTwoSidedP,
  populationStabilityIndex,
  wasserstein1,
} from "./drift-statistics";

export const OTHER_CATEGORY = "__other__";
export const MISSING_CATEGORY = "__missing__";

const isMissing = (v: unknown) =>
  v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));

export function createColumnSummarizer(
  name: string,
  kind: "numeric" | "categorical",
  options: ColumnSummarizerOptions = {},
): ColumnSummarizer {
  const reservoirSize = options.reservoirSize ?? 100_000;
  const maxCategories = options.maxCategories ?? 1000;
  const rnd = seededRandom(options.seed ?? 1);
  let n = 0;
  let missing = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  const sample: number[] = [];
  const counts = new Map<string, number>();
  let truncated = false;

  return {
    add(value) {
      if (isMissing(value)) {
        missing++;
        return;
      }
      if (kind === "categorical") {
        n++;
        let key = String(value);
        if (!counts.has(key) && counts.size >= maxCategories) {
          key = OTHER_CATEGORY;
          truncated = true;
        }
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return;
      }
      const x = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(x)) throw new RangeError(`${name}: "${String(value)}" is not a number`);
      n++;
      const d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      if (x < min) min = x;
      if (x > max) max = x;
      if (sample.length < reservoirSize) sample.push(x);
      else {
        const j = Math.floor(rnd() * n);
        if (j < reservoirSize) sample[j] = x;
      }
    },
    summary(): ColumnSummary {
      if (kind === "categorical")
        return {
          kind,
          name,
          n,
          missing,
          counts: Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
          truncated,
        };
      return {
        kind,
        name,
        n,
        missing,
        min: n === 0 ? null : min,
        max: n === 0 ? null : max,
        mean: n === 0 ? null : mean,
        std: n === 0 ? null : Math.sqrt(m2 / n),
        sample: [...sample].sort((a, b) => a - b),
        sampled: n > reservoirSize,
      };
    },
  };
}

const psiBand = (v: number) => (v < 0.1 ? "stable" : v < 0.25 ? "moderate_shift" : "significant_shift");

// ---------------------------------------------------------------------------------------------------------------

interface Binned {
  labels: string[];
  reference: number[];
  current: number[];
  binning: string;
}

function numericBins(ref: NumericColumnSummary, cur: NumericColumnSummary, bins: number): Binned {
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileSorted(ref.sample, i / bins);
    if (e !== null && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(e);
  }
  const fmt = (x: number) => String(Number(x.toPrecision(6)));
  const labels = [...Array(edges.length + 1).keys()].map(
    (i) => `[${i === 0 ? "-inf" : fmt(edges[i - 1]!)}, ${i === edges.length ? "+inf" : fmt(edges[i]!)})`,
  );
  const proportions = (s: NumericColumnSummary) => {
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const x of s.sample) {
      let lo = 0,
        hi = edges.length; // bin = number of edges ≤ x
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      counts[lo]!++;
    }
    const all = s.n + s.missing;
    const share = all === 0 ? 0 : s.n / all;
    const out = counts.map((c) => (s.sample.length === 0 ? 0 : (c / s.sample.length) * share));
    out.push(all === 0 ? 0 : s.missing / all);
    return out;
  };
  return {
    labels: [...labels, MISSING_CATEGORY],
    reference: proportions(ref),
    current: proportions(cur),
    binning: `reference quantiles (${bins} bins, left-closed [a, b), outer edges ±inf, duplicate edges merged) + ${MISSING_CATEGORY}`,
  };
}

function categoricalBins(ref: CategoricalColumnSummary, cur: CategoricalColumnSummary): Binned {
  const cats = Object.keys(ref.counts).filter((c) => c !== OTHER_CATEGORY);
  const labels = [...cats, OTHER_CATEGORY, MISSING_CATEGORY];
  const proportions = (s: CategoricalColumnSummary) => {
    const all = s.n + s.missing;
    const out = cats.map((c) => s.counts[c] ?? 0);
    let other = 0;
    for (const [c, k] of Object.entries(s.counts)) if (!cats.includes(c)) other += k;
    out.push(other, s.missing);
    return out.map((k) => (all === 0 ? 0 : k / all));
  };
  return {
    labels,
    reference: proportions(ref),
    current: proportions(cur),
    binning: `one bin per reference category + ${OTHER_CATEGORY} (unseen in the reference) + ${MISSING_CATEGORY}`,
  };
}

function chiSquareTest(
  ref: CategoricalColumnSummary,
  cur: CategoricalColumnSummary,
  warnings: string[],
): DriftTest {
  const cats = [...new Set([...Object.keys(ref.counts), ...Object.keys(cur.counts)])].sort();
  const r = cats.map((c) => ref.counts[c] ?? 0);
  const k = cats.map((c) => cur.counts[c] ?? 0);
  const nr = r.reduce((s, x) => s + x, 0);
  const nc = k.reduce((s, x) => s + x, 0);
  const base = { metric: "chi_square" as const, threshold: "drift when p < 0.05" };
  if (cats.length < 2 || nr === 0 || nc === 0)
    return {
      ...base,
      value: null,
      pValue: null,
      band: null,
      drift: null,
      reason: "fewer_than_two_categories_or_empty",
      details: {},
    };
  const N = nr + nc;
  let stat = 0;
  let sparse = 0;
  cats.forEach((_, i) => {
    const col = r[i]! + k[i]!;
    for (const [obs, rowTotal] of [
      [r[i]!, nr],
      [k[i]!, nc],
    ] as const) {
      const e = (rowTotal * col) / N;
      if (e < 5) sparse++;
      stat += ((obs - e) * (obs - e)) / e;
    }
  });
  if (sparse > 0)
    warnings.push(
      `chi-square: ${sparse} expected cell count(s) below 5; the p-value is approximate (no categories merged).`,
    );
  const dof = cats.length - 1;
  const p = chiSquareSf(stat, dof);
  return {
    ...base,
    value: stat,
    pValue: p,
    band: p < 0.05 ? "drift" : "no_drift",
    drift: p < 0.05,
    reason: null,
    details: { dof, categories: cats.length, sparseCells: sparse, form: "homogeneity_2xk" },
  };
}

/** Two-proportion Z-test for a column with at most two categories (Evidently's default for binary columns). */
function twoProportionZTest(ref: CategoricalColumnSummary, cur: CategoricalColumnSummary): DriftTest | null {
  const cats = [...new Set([...Object.keys(ref.counts), ...Object.keys(cur.counts)])].sort();
  if (cats.length !== 2 || ref.n === 0 || cur.n === 0) return null;
  const x1 = ref.counts[cats[0]!] ?? 0;
  const x2 = cur.counts[cats[0]!] ?? 0;
  const p = (x1 + x2) / (ref.n + cur.n);
  const se = Math.sqrt(p * (1 - p) * (1 / ref.n + 1 / cur.n));
  const zStat = se === 0 ? 0 : (x1 / ref.n - x2 / cur.n) / se;
  const pValue = normalTwoSidedP(zStat);
  return {
    metric: "z_test",
    value: zStat,
    pValue,
    band: pValue < 0.05 ? "drift" : "no_drift",
    drift: pValue < 0.05,
    threshold: "drift when p < 0.05 (two-sided, pooled proportion)",
    reason: null,
    details: { category: cats[0]! },
  };
}

/** Compare a current column with its reference. Both summaries must be of the same kind. */
export function computeDrift(
  reference: ColumnSummary,
  current: ColumnSummary,
  options: DriftOptions = {},
): ColumnDrift {
  if (reference.kind !== current.kind)
    throw new RangeError(
      `drift: column ${reference.name} is ${reference.kind} in the reference and ${current.kind} now`,
    );
  const epsilon = options.epsilon ?? 1e-4;
  const warnings: string[] = [];
  const binned =
    reference.kind === "numeric"
      ? numericBins(reference, current as NumericColumnSummary, options.bins ?? 10)
      : categoricalBins(reference, current as CategoricalColumnSummary);
  const psi = populationStabilityIndex(binned.reference, binned.current, epsilon);
  const bins: DriftBin[] = binned.labels.map((label, i) => ({
    label,
    reference: binned.reference[i]!,
    current: binned.current[i]!,
    psiContribution: psi.contributions[i]!,
  }));
  const empty = reference.n + reference.missing === 0 || current.n + current.missing === 0;
  const tests: DriftTest[] = [
    empty
      ? {
          metric: "psi",
          value: null,
          pValue: null,
          band: null,
          drift: null,
          threshold: "<0.1 stable, <0.25 moderate, ≥0.25 significant",
          reason: "empty_column",
          details: {},
        }
      : {
          metric: "psi",
          value: psi.value,
          pValue: null,
          band: psiBand(psi.value),
          drift: psi.value >= 0.25,
          threshold: "<0.1 stable, <0.25 moderate, ≥0.25 significant (credit-scoring rule of thumb)",
          reason: null,
          details: { epsilon, bins: bins.length },
        },
  ];
  const js = jensenShannonDistance(binned.reference, binned.current);
  tests.push({
    metric: "jensen_shannon",
    value: empty ? null : js,
    pValue: null,
    band: empty ? null : js >= 0.1 ? "drift" : "no_drift",
    drift: empty ? null : js >= 0.1,
    threshold: "drift when JS distance ≥ 0.1 (natural log)",
    reason: empty ? "empty_column" : null,
    details: { logBase: "e", on: "psi_bins_unfloored" },
  });

  if (reference.kind === "numeric") {
    const cur = current as NumericColumnSummary;
    const a = reference.sample;
    const b = cur.sample;
    if (a.length === 0 || b.length === 0) {
      tests.push(
        {
          metric: "ks",
          value: null,
          pValue: null,
          band: null,
          drift: null,
          threshold: "drift when p < 0.05",
          reason: "empty_column",
          details: {},
        },
        {
          metric: "wasserstein",
          value: null,
          pValue: null,
          band: null,
          drift: null,
          threshold: "drift when W1 / std_ref ≥ 0.1",
          reason: "empty_column",
          details: {},
        },
      );
    } else {
      const d = ksStatistic(a, b);
      const ne = (a.length * b.length) / (a.length + b.length);
      const p = ksTail((Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d);
      tests.push({
        metric: "ks",
        value: d,
        pValue: p,
        band: p < 0.05 ? "drift" : "no_drift",
        drift: p < 0.05,
        threshold: "drift when p < 0.05 (asymptotic p; large samples make small shifts significant — read D)",
        reason: null,
        details: { effectiveN: ne, pMethod: "asymptotic" },
      });
      const w = wasserstein1(a, b);
      const std = Math.max(reference.std ?? 0, 0.001);
      tests.push({
        metric: "wasserstein",
        value: w / std,
        pValue: null,
        band: w / std >= 0.1 ? "drift" : "no_drift",
        drift: w / std >= 0.1,
        threshold: "drift when W1 / std_ref ≥ 0.1",
        reason: null,
        details: { raw: w, referenceStd: std },
      });
    }
    if (reference.sampled || cur.sampled)
      warnings.push(
        "Numeric tests ran on reservoir samples (the column is larger than the sample size); PSI, KS and W1 are estimates.",
      );
  } else {
    tests.push(chiSquareTest(reference, current as CategoricalColumnSummary, warnings));
    const z = twoProportionZTest(reference, current as CategoricalColumnSummary);
    if (z) tests.push(z);
    if (reference.truncated || (current as CategoricalColumnSummary).truncated)
      warnings.push(
        `More distinct values than maxCategories; the rest were counted under ${OTHER_CATEGORY}.`,
      );
  }

  return {
    kind: "drift",
    version: 1,
    column: reference.name,
    columnKind: reference.kind,
    referenceN: reference.n,
    currentN: current.n,
    referenceMissing: reference.missing,
    currentMissing: current.missing,
    bins,
    tests,
    conventions: {
      binning: binned.binning,
      epsilon,
      jsLogBase: "e",
      wassersteinNormalisation: "reference population std, floored at 0.001",
      chiSquareForm: "homogeneity_2xk",
      sampled:
        reference.kind === "numeric" ? reference.sampled || (current as NumericColumnSummary).sampled : false,
    },
    warnings,
  };
}
