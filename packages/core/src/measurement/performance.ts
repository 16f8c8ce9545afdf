// Streaming performance accumulators. Classification: four counts, calibration bins, and for the ROC AUC either
// the scores themselves (exact rank statistic, up to `exactAucLimit` rows) or a fixed histogram per class (bounded
// memory, with the worst-case error reported). Regression: running sums (Welford for the variance of y).
import type {
  CalibrationBin,
  PerformanceAccumulator,
  PerformanceOptions,
  PerformanceRecord,
  PerformanceResult,
  RegressionAccumulator,
  RegressionRecord,
  RegressionResult,
} from "./types";

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Exact ROC AUC: Mann–Whitney U / (n₊·n₋) with tied scores counted ½ (average ranks). */
export function exactRocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j + 2) / 2; // ranks are 1-based
    for (let k = i; k <= j; k++)
      if (labels[idx[k]!] === 1) {
        pos++;
        rankSum += avgRank;
      }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function createPerformanceAccumulator(options: PerformanceOptions = {}): PerformanceAccumulator {
  const bins = options.calibrationBins ?? 10;
  const exactLimit = options.exactAucLimit ?? 200_000;
  const aucBins = options.aucBins ?? 10_000;
  const eps = options.logLossEpsilon ?? 1e-15;
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError("performance: calibrationBins must be ≥ 1");
  if (!Number.isInteger(aucBins) || aucBins < 1) throw new RangeError("performance: aucBins must be ≥ 1");
  let tp = 0,
    fp = 0,
    tn = 0,
    fn = 0;
  let scored = 0;
  let outOfRange = 0;
  let logLossSum = 0;
  let brierSum = 0;
  const calN = new Float64Array(bins);
  const calScore = new Float64Array(bins);
  const calLabel = new Float64Array(bins);
  const histPos = new Float64Array(aucBins);
  const histNeg = new Float64Array(aucBins);
  let exactScores: number[] | null = [];
  let exactLabels: number[] | null = [];

  function add(r: PerformanceRecord): void {
    if (r.label === 1) {
      if (r.prediction === 1) tp++;
      else fn++;
    } else if (r.prediction === 1) fp++;
    else tn++;
    const s = r.score;
    if (typeof s !== "number" || !Number.isFinite(s)) return;
    scored++;
    if (exactScores) {
      if (exactScores.length < exactLimit) {
        exactScores.push(s);
        exactLabels!.push(r.label);
      } else {
        exactScores = null;
        exactLabels = null;
      }
    }
    if (s < 0 || s > 1) {
      outOfRange++;
      return;
    }
    const p = Math.min(1 - eps, Math.max(eps, s));
    logLossSum += r.label === 1 ? -Math.log(p) : -Math.log(1 - p);
    brierSum += (s - r.label) * (s - r.label);
    const b = Math.min(bins - 1, Math.floor(s * bins));
    calN[b]! += 1;
    calScore[b]! += s;
    calLabel[b]! += r.label;
    const h = Math.min(aucBins - 1, Math.floor(s * aucBins));
    if (r.label === 1) histPos[h]! += 1;
    else histNeg[h]! += 1;
  }

  function result(): PerformanceResult {
    const n = tp + fp + tn + fn;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const specificity = ratio(tn, tn + fp);
    const probabilityReason =
      scored === 0 ? "no_scores" : outOfRange > 0 ? "scores_outside_unit_interval" : null;
    const inRange = scored - outOfRange;

    let rocAuc: PerformanceResult["rocAuc"];
    if (scored === 0) rocAuc = { value: null, reason: "no_scores", method: null, maxError: null };
    else if (exactScores) {
      const v = exactRocAuc(exactScores, exactLabels!);
      rocAuc = { value: v, reason: v === null ? "single_class" : null, method: "exact_rank", maxError: 0 };
    } else if (outOfRange > 0)
      rocAuc = {
        value: null,
        reason: "scores_outside_unit_interval_beyond_exact_limit",
        method: null,
        maxError: null,
      };
    else {
      let nPos = 0,
        nNeg = 0;
      for (let i = 0; i < aucBins; i++) {
        nPos += histPos[i]!;
        nNeg += histNeg[i]!;
      }
      if (nPos === 0 || nNeg === 0)
        rocAuc = { value: null, reason: "single_class", method: "histogram", maxError: null };
      else {
        let below = 0,
          u = 0,
          shared = 0;
        for (let i = 0; i < aucBins; i++) {
          u += histPos[i]! * (below + histNeg[i]! / 2);
          shared += histPos[i]! * histNeg[i]!;
          below += histNeg[i]!;
        }
        rocAuc = {
          value: u / (nPos * nNeg),
          reason: null,
          method: "histogram",
          maxError: shared / (2 * nPos * nNeg),
        };
      }
    }

    const calibrationBins: CalibrationBin[] = [];
    let ece = 0,
      mce = 0;
    for (let i = 0; i < bins; i++) {
      const c = calN[i]!;
      calibrationBins.push({
        lower: i / bins,
        upper: (i + 1) / bins,
        n: c,
        meanScore: c === 0 ? null : calScore[i]! / c,
        observedRate: c === 0 ? null : calLabel[i]! / c,
      });
      if (c > 0) {
        const gap = Math.abs(calLabel[i]! / c - calScore[i]! / c);
        ece += (c / inRange) * gap;
        mce = Math.max(mce, gap);
      }
    }
    const prob = (v: number) =>
      probabilityReason ? { value: null, reason: probabilityReason } : { value: v, reason: null };

    return {
      kind: "performance",
      version: 1,
      n,
      tp,
      fp,
      tn,
      fn,
      accuracy: ratio(tp + tn, n),
      precision,
      recall,
      specificity,
      balancedAccuracy: recall === null || specificity === null ? null : (recall + specificity) / 2,
      f1: ratio(2 * tp, 2 * tp + fp + fn),
      scored,
      rocAuc,
      gini: rocAuc.value === null ? null : 2 * rocAuc.value - 1,
      logLoss: prob(logLossSum / inRange),
      brier: prob(brierSum / inRange),
      ece: prob(ece),
      mce: prob(mce),
      calibrationBins,
      conventions: {
        positiveLabel: 1,
        zeroDivision: "null_with_reason",
        logLossEpsilon: eps,
        calibrationBinning: { bins, binning: "uniform" },
        aucTies: "half",
        exactAucLimit: exactLimit,
        aucBins,
      },
    };
  }

  return { add, result };
}

export function createRegressionAccumulator(): RegressionAccumulator {
  let n = 0;
  let absSum = 0;
  let sqSum = 0;
  let mean = 0;
  let m2 = 0; // Σ (y − ȳ)², Welford
  return {
    add(r: RegressionRecord) {
      if (!Number.isFinite(r.actual) || !Number.isFinite(r.predicted))
        throw new RangeError("regression: actual and predicted values must be finite numbers");
      n++;
      const e = r.actual - r.predicted;
      absSum += Math.abs(e);
      sqSum += e * e;
      const d = r.actual - mean;
      mean += d / n;
      m2 += d * (r.actual - mean);
    },
    result(): RegressionResult {
      return {
        kind: "regression",
        version: 1,
        n,
        mae: n === 0 ? null : absSum / n,
        rmse: n === 0 ? null : Math.sqrt(sqSum / n),
        r2:
          n === 0
            ? { value: null, reason: "no_rows" }
            : m2 === 0
              ? { value: null, reason: "constant_target" }
              : { value: 1 - sqSum / m2, reason: null },
      };
    },
  };
}
