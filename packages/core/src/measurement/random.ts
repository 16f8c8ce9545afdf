// Small deterministic helpers shared by the measurement accumulators (pure; no Math.random).

/** mulberry32: a 32-bit seeded PRNG returning floats in [0, 1). Same seed → same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cumulative distribution of Poisson(1) for k = 0..15 (the tail beyond is < 1e-13 and maps to 16).
const POISSON1_CDF: number[] = (() => {
  const out: number[] = [];
  let p = Math.exp(-1);
  let c = 0;
  for (let k = 0; k < 16; k++) {
    c += p;
    out.push(c);
    p /= k + 1;
  }
  return out;
})();

/** A Poisson(1) draw by inverse CDF: the weight of one row in one bootstrap replicate. */
export function poisson1(u: number): number {
  for (let k = 0; k < POISSON1_CDF.length; k++) if (u < POISSON1_CDF[k]!) return k;
  return POISSON1_CDF.length;
}

/** Quantile with linear interpolation between order statistics (numpy's default), on a sorted array. */
export function quantileSorted(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Wilson score interval for k successes in n trials (z = 1.96 → 95 %); null bounds when n = 0. */
export function wilsonInterval(
  k: number,
  n: number,
  z = 1.96,
): { lower: number | null; upper: number | null } {
  if (n === 0) return { lower: null, upper: null };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const den = 1 + z2 / n;
  return { lower: Math.max(0, (centre - half) / den), upper: Math.min(1, (centre + half) / den) };
}
