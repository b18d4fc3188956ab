import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';
import {
  cumulativeProbabilities, quadraticCoefficients, quadraticDensityExtremes, sampleBeta, sampleExponential, sampleGamma,
  sampleIndexFromCumulative, sampleLogNormal, sampleNormal, sampleQuadratic,
} from './samplers.ts';

const N = 400_000;

function momentsOf(values: Float64Array): { mean: number; variance: number } {
  let sum = 0;
  let sumSquares = 0;
  for (const x of values) {
    sum += x;
    sumSquares += x * x;
  }
  const mean = sum / values.length;
  return { mean, variance: sumSquares / values.length - mean * mean };
}

function moments(draw: () => number): { mean: number; variance: number } {
  return momentsOf(Float64Array.from({ length: N }, draw));
}

/** |observed − expected| in standard errors of a mean of n draws with the given variance. */
function standardErrors(observed: number, expected: number, variance: number, n = N): number {
  return Math.abs(observed - expected) / Math.sqrt(variance / n);
}

describe('sampleNormal', () => {
  it('has the requested mean and SD', () => {
    const rng = createRng(10);
    const { mean, variance } = moments(() => sampleNormal(rng, 55_000, 2750));
    expect(standardErrors(mean, 55_000, 2750 ** 2)).toBeLessThan(5);
    expect(Math.abs(Math.sqrt(variance) / 2750 - 1)).toBeLessThan(0.01);
  });
});

describe('sampleLogNormal', () => {
  it('has log-mean ln(median), log-SD sdLog and mean median·exp(sdLog²/2)', () => {
    const rng = createRng(11);
    const draws = Float64Array.from({ length: N }, () => sampleLogNormal(rng, 20_000, 0.45));
    const logs = draws.map(Math.log);
    const logMoments = momentsOf(logs);
    expect(standardErrors(logMoments.mean, Math.log(20_000), 0.45 ** 2)).toBeLessThan(5);
    expect(Math.abs(Math.sqrt(logMoments.variance) / 0.45 - 1)).toBeLessThan(0.01);
    const expectedMean = 20_000 * Math.exp(0.45 ** 2 / 2);
    const expectedVariance = (Math.exp(0.45 ** 2) - 1) * expectedMean ** 2;
    expect(standardErrors(momentsOf(draws).mean, expectedMean, expectedVariance)).toBeLessThan(5);
  });
});

describe('sampleExponential', () => {
  it('has mean μ, variance μ² and P(X > μ) = 1/e', () => {
    const rng = createRng(12);
    let above = 0;
    const { mean, variance } = moments(() => {
      const x = sampleExponential(rng, 4000);
      if (x > 4000) above++;
      return x;
    });
    expect(standardErrors(mean, 4000, 4000 ** 2)).toBeLessThan(5);
    expect(Math.abs(variance / 4000 ** 2 - 1)).toBeLessThan(0.03);
    const p = Math.exp(-1);
    expect(Math.abs(above / N - p) / Math.sqrt((p * (1 - p)) / N)).toBeLessThan(5);
  });
});

describe('sampleGamma', () => {
  it.each([0.5, 1, 2.5, 9])('has mean kθ and variance kθ² for shape %s', (shape) => {
    const rng = createRng(13);
    const scale = 1500;
    const { mean, variance } = moments(() => sampleGamma(rng, shape, scale));
    expect(standardErrors(mean, shape * scale, shape * scale * scale)).toBeLessThan(5);
    // The sample variance of a gamma has relative SE sqrt((2 + 6/k)/n): under 1% here for k ≥ 0.5.
    expect(Math.abs(variance / (shape * scale * scale) - 1)).toBeLessThan(0.04);
  });

  it('rejects non-positive shape or scale', () => {
    const rng = createRng(1);
    expect(() => sampleGamma(rng, 0, 1)).toThrow(/shape and scale must be > 0/);
    expect(() => sampleGamma(rng, 1, -2)).toThrow(/shape and scale must be > 0/);
  });
});

describe('sampleBeta', () => {
  it('has mean a/(a+b) and variance ab/((a+b)²(a+b+1))', () => {
    const rng = createRng(14);
    const [a, b] = [2.5, 1.5];
    const { mean, variance } = moments(() => sampleBeta(rng, a, b));
    const expectedVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(standardErrors(mean, a / (a + b), expectedVariance)).toBeLessThan(5);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.02);
  });
});

describe('quadratic S-phase density', () => {
  it('passes through its three defining points', () => {
    const [c0, c1, c2] = quadraticCoefficients({ start: 1.3, middle: 0.7, end: 1.1 });
    const at = (u: number): number => c0 + c1 * u + c2 * u * u;
    expect(at(0)).toBeCloseTo(1.3, 12);
    expect(at(0.5)).toBeCloseTo(0.7, 12);
    expect(at(1)).toBeCloseTo(1.1, 12);
  });

  it('finds the vertex minimum inside [0, 1]', () => {
    // (1, 0.25, 1): coefficients [1, −3, 3] by hand, vertex at u = 0.5 with value 1 − 1.5 + 0.75 = 0.25.
    expect(quadraticDensityExtremes({ start: 1, middle: 0.25, end: 1 })).toEqual({ min: 0.25, max: 1 });
    // (1, 0.02, 2): coefficients [1, −4.92, 5.92], vertex u = 0.4155 with value ≈ −0.022: positive at all three points, negative between.
    expect(quadraticDensityExtremes({ start: 1, middle: 0.02, end: 2 }).min).toBeCloseTo(1 - 4.92 ** 2 / (4 * 5.92), 12);
  });

  it('samples with probability proportional to the density (10 bins vs the exact integrals)', () => {
    const rng = createRng(15);
    const density = { start: 1.2, middle: 1, end: 0.6 };
    const coefficients = quadraticCoefficients(density);
    const { max } = quadraticDensityExtremes(density);
    const bins = new Float64Array(10);
    for (let i = 0; i < N; i++) bins[Math.min(9, Math.floor(sampleQuadratic(rng, coefficients, max) * 10))] += 1;
    const [c0, c1, c2] = coefficients;
    const integral = (u: number): number => c0 * u + (c1 * u * u) / 2 + (c2 * u * u * u) / 3;
    const total = integral(1);
    bins.forEach((count, k) => {
      const p = (integral((k + 1) / 10) - integral(k / 10)) / total;
      expect(Math.abs(count / N - p) / Math.sqrt((p * (1 - p)) / N)).toBeLessThan(5);
    });
  });

  it('refuses a non-positive maximum instead of looping forever', () => {
    expect(() => sampleQuadratic(createRng(1), [0, 0, 0], 0)).toThrow(/maxDensity must be > 0/);
  });
});

describe('categorical draws', () => {
  it('normalises cumulative weights and draws each index at its probability', () => {
    const cumulative = cumulativeProbabilities([2, 1, 1]);
    expect(Array.from(cumulative)).toEqual([0.5, 0.75, 1]);
    const rng = createRng(16);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[sampleIndexFromCumulative(rng, cumulative)] += 1;
    [0.5, 0.25, 0.25].forEach((p, k) => {
      expect(Math.abs(counts[k] / N - p) / Math.sqrt((p * (1 - p)) / N)).toBeLessThan(5);
    });
  });

  it('never draws an index whose weight is zero', () => {
    const cumulative = cumulativeProbabilities([0, 3, 0]);
    const rng = createRng(17);
    for (let i = 0; i < 10_000; i++) expect(sampleIndexFromCumulative(rng, cumulative)).toBe(1);
  });

  it('rejects negative or all-zero weights', () => {
    expect(() => cumulativeProbabilities([1, -1])).toThrow(/weights must be ≥ 0/);
    expect(() => cumulativeProbabilities([0, 0])).toThrow(/positive sum/);
  });
});
