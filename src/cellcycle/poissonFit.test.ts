import { describe, expect, it } from 'vitest';
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';
import { fitPoissonCounts, poissonDeviance } from './poissonFit.ts';

/** One parameter: the same expected count in every bin. */
const constant = (bins: number): LeastSquaresModel => ({
  parameterCount: 1,
  valueCount: bins,
  evaluate: (params, values) => values.fill(params[0]),
  differentiate: (_params, _values, jacobian) => jacobian.fill(1),
});

describe('fitPoissonCounts', () => {
  it('returns the Poisson maximum-likelihood level, the arithmetic mean, not the low-biased Neyman level', () => {
    const counts = Float64Array.of(3, 7, 2, 12, 5, 9, 1, 4);
    const fit = fitPoissonCounts(constant(8), counts, Float64Array.of(1), { lower: Float64Array.of(0), upper: Float64Array.of(Infinity) });
    // ML for a constant Poisson mean is the sample mean: 43/8. Neyman weights 1/y would give n / Σ(1/y) = 3.33.
    // The solver stops once a step would lower the objective by < 1e-12 of itself: ~1e-6 of a standard error (0.8).
    expect(Math.abs(fit.params[0] - 43 / 8)).toBeLessThan(1e-5);
    // χ² as reported: Σ (y − f)²/max(y, 1).
    const chiSquare = Array.from(counts).reduce((sum, y) => sum + (y - 43 / 8) ** 2 / Math.max(y, 1), 0);
    expect(fit.chiSquare).toBeCloseTo(chiSquare, 4);
    expect(fit.converged).toBe(true);
  });
});

describe('poissonDeviance', () => {
  it('is 2Σ[f − y + y·ln(y/f)], zero for a perfect fit', () => {
    // Fitted values are floored at 1e-9, so an empty bin fitted with 0 adds 2e-9.
    expect(poissonDeviance(Float64Array.of(4, 0), Float64Array.of(4, 0))).toBeCloseTo(0, 8);
    expect(poissonDeviance(Float64Array.of(4, 0), Float64Array.of(2, 1))).toBeCloseTo(2 * (2 - 4 + 4 * Math.log(2) + 1), 12);
  });
});
