// Statistics behind the drift tests: the incomplete gamma function and the chi-square, normal and Kolmogorov
// tails from it, the two-sample KS and Wasserstein distances, PSI, Jensen–Shannon and KL. Pure.

function lnGamma(x: number): number {
  // Lanczos approximation (g = 7, 9 coefficients).
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let k = 1; k < 1000; k++) {
      term *= x / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // Modified Lentz for the continued fraction of Q.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lead) * h);
}

/** Survival function of the chi-square distribution. */
export const chiSquareSf = (stat: number, dof: number) => gammaQ(dof / 2, stat / 2);

/** Kolmogorov distribution tail Q_KS(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}. */
export function ksTail(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Two-sample KS statistic D = sup |F_a − F_b| on sorted samples. */
export function ksStatistic(a: number[], b: number[]): number {
  let i = 0,
    j = 0,
    d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** W1 = ∫ |F_a − F_b| dx on sorted samples. */
export function wasserstein1(a: number[], b: number[]): number {
  let i = 0,
    j = 0,
    w = 0;
  let prev: number | null = null;
  while (i < a.length || j < b.length) {
    const x = Math.min(i < a.length ? a[i]! : Infinity, j < b.length ? b[j]! : Infinity);
    if (prev !== null) w += Math.abs(i / a.length - j / b.length) * (x - prev);
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    prev = x;
  }
  return w;
}

/** PSI with proportions floored at ε; returns the total and the per-bin contributions. */
export function populationStabilityIndex(expected: number[], actual: number[], epsilon = 1e-4) {
  const contributions = expected.map((e0, i) => {
    const e = Math.max(e0, epsilon);
    const a = Math.max(actual[i]!, epsilon);
    return (a - e) * Math.log(a / e);
  });
  return { value: contributions.reduce((s, c) => s + c, 0), contributions };
}

/** Jensen–Shannon distance √JSD, natural log (range [0, √ln 2]). */
export function jensenShannonDistance(p: number[], q: number[]): number {
  let jsd = 0;
  for (let i = 0; i < p.length; i++) {
    const m = (p[i]! + q[i]!) / 2;
    if (p[i]! > 0) jsd += 0.5 * p[i]! * Math.log(p[i]! / m);
    if (q[i]! > 0) jsd += 0.5 * q[i]! * Math.log(q[i]! / m);
  }
  return Math.sqrt(Math.max(0, jsd));
}

export function klDivergence(p: number[], q: number[]): number {
  let kl = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) kl += p[i]! * Math.log(p[i]! / q[i]!);
  return kl;
}

/** Two-sided p-value of a standard normal statistic: erfc(|z|/√2) = Q(½, z²/2). */
export const normalTwoSidedP = (z: number) => gammaQ(0.5, (z * z) / 2);
