// Streaming group-fairness accumulator. Memory: per group 4 counts, the calibration bins and, with the bootstrap,
// 4 × B replicate counts — proportional to groups × B, never to rows. Formulas and conventions: docs/measurement.md.
import { poisson1, seededRandom } from "./random";
import type { ClassificationRecord, FairnessAccumulator, FairnessOptions, FairnessResult } from "./types";
import { buildResult } from "./fairness-result";
import {
  MISSING_GROUP,
  DEFAULT_MIN_GROUP_SIZE,
  DEFAULT_TAU,
  type Block,
  type GroupState,
} from "./fairness-metrics";

export {
  DEFAULT_MIN_GROUP_SIZE,
  DEFAULT_TAU,
  FOUR_FIFTHS_NOTE,
  MISSING_GROUP,
  confusionRates,
  generalizedEntropyFromBenefits,
  type Counts,
} from "./fairness-metrics";

/** Frozen groups objects remembered by identity (see add); more are looked up value by value. */
const MAX_SHARED_GROUPS = 10_000;

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
