import type { Rng } from './rng.ts';

/**
 * Normal N(mean, sd²).
 * @example sampleNormal(rng, 55000, 0.05 * 55000) // a G0/G1 nucleus with a 5% CV
 */
export function sampleNormal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * rng.standardNormal();
}

/**
 * Log-normal parametrised the way cytometrists read it: its median and the SD of its natural log.
 * Mean = median·exp(sdLog²/2).
 * @example sampleLogNormal(rng, 20000, 0.45) // an Annexin V-bright cell, median 20,000
 */
export function sampleLogNormal(rng: Rng, median: number, sdLog: number): number {
  return median * Math.exp(sdLog * rng.standardNormal());
}

/**
 * Exponential with the given mean (inverse-CDF method).
 * @example sampleExponential(rng, 4000) // a debris particle's PI-A on a falling exponential
 */
export function sampleExponential(rng: Rng, mean: number): number {
  return -mean * Math.log(rng.uniformOpen());
}

/**
 * Gamma(shape, scale): mean shape·scale, variance shape·scale².
 * Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000;
 * shape < 1 uses their boost Gamma(shape) = Gamma(shape + 1)·U^(1/shape).
 * @example sampleGamma(rng, 2, 1500) // mean 3000
 */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale > 0)) {
    throw new RangeError(`sampleGamma: shape and scale must be > 0, got shape ${shape}, scale ${scale}`);
  }
  if (shape < 1) {
    return sampleGamma(rng, shape + 1, scale) * Math.pow(rng.uniformOpen(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  // Acceptance probability exceeds 0.95 for every shape ≥ 1, so the loop ends after ~1.05 tries on average.
  for (;;) {
    const x = rng.standardNormal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniformOpen();
    const xSquared = x * x;
    if (u < 1 - 0.0331 * xSquared * xSquared || Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))) {
      return d * v * scale;
    }
  }
}

/**
 * Beta(alpha, beta) on [0, 1] as X/(X+Y) with X ~ Gamma(alpha), Y ~ Gamma(beta); mean alpha/(alpha+beta).
 * @example sampleBeta(rng, 2.2, 1.8) // mean 0.55
 */
export function sampleBeta(rng: Rng, alpha: number, beta: number): number {
  const x = sampleGamma(rng, alpha, 1);
  const y = sampleGamma(rng, beta, 1);
  return x / (x + y);
}

/**
 * Relative densities of a quadratic on [0, 1], given at its start, middle and end.
 * Used for the S-phase density, the second-degree polynomial of Dean & Jett (J Cell Biol 1974).
 */
export interface QuadraticDensity {
  start: number;
  middle: number;
  end: number;
}

/** Power-basis coefficients [c0, c1, c2] of the quadratic through (0, start), (0.5, middle), (1, end). */
export function quadraticCoefficients(density: QuadraticDensity): [number, number, number] {
  const { start, middle, end } = density;
  return [start, -3 * start + 4 * middle - end, 2 * start - 4 * middle + 2 * end];
}

/** Smallest and largest value of the quadratic density on [0, 1] (endpoints and, if inside, the vertex). */
export function quadraticDensityExtremes(density: QuadraticDensity): { min: number; max: number } {
  const [c0, c1, c2] = quadraticCoefficients(density);
  const candidates = [density.start, density.end];
  if (c2 !== 0) {
    const vertex = -c1 / (2 * c2);
    if (vertex > 0 && vertex < 1) candidates.push(c0 + c1 * vertex + c2 * vertex * vertex);
  }
  return { min: Math.min(...candidates), max: Math.max(...candidates) };
}

/**
 * A draw on [0, 1] with density proportional to a positive quadratic, by rejection from the uniform.
 * `coefficients` and `maxDensity` come from quadraticCoefficients/quadraticDensityExtremes, computed once
 * per sample rather than per event.
 */
export function sampleQuadratic(rng: Rng, coefficients: [number, number, number], maxDensity: number): number {
  if (!(maxDensity > 0)) throw new RangeError(`sampleQuadratic: maxDensity must be > 0, got ${maxDensity}`);
  const [c0, c1, c2] = coefficients;
  for (;;) {
    const u = rng.uniform();
    if (rng.uniform() * maxDensity <= c0 + u * (c1 + u * c2)) return u;
  }
}

/**
 * Running sums of `weights` normalised so the last is exactly 1; input to sampleIndexFromCumulative.
 * @example cumulativeProbabilities([2, 1, 1]) // Float64Array [0.5, 0.75, 1]
 */
export function cumulativeProbabilities(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (weights.length === 0 || weights.some((w) => !(w >= 0)) || !(total > 0)) {
    throw new RangeError(`cumulativeProbabilities: weights must be ≥ 0 with a positive sum, got [${weights.join(', ')}]`);
  }
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((w, k) => {
    running += w;
    cumulative[k] = running / total;
  });
  cumulative[weights.length - 1] = 1;
  return cumulative;
}

/** Index k drawn with probability cumulative[k] − cumulative[k−1] (linear scan: meant for a handful of classes). */
export function sampleIndexFromCumulative(rng: Rng, cumulative: Float64Array): number {
  const u = rng.uniform();
  let k = 0;
  while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
  return k;
}
