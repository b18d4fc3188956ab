import {
  DEFAULT_SOLVER_SETTINGS,
  minimiseWeightedSquares,
  weightedSquares,
  type LeastSquaresModel,
  type ParameterBounds,
  type SolverResult,
} from '../shared/levenbergMarquardt.ts';

export interface PoissonFitResult extends SolverResult {
  /** Σ (observed − fitted)² / max(observed, 1), the χ² that DNA-analysis programs report. */
  chiSquare: number;
  /** Solver iterations over all weighting passes. */
  totalIterations: number;
  converged: boolean;
}


/**
 * Poisson-weighted least squares for histogram counts. A first solve weights each bin by 1/max(observed, 1) (Neyman's
 * χ², the usual DNA-fit objective); a second solve re-weights every iteration by 1/max(fitted, 1). Observed-count
 * weights alone bias amplitudes low by about one event per bin, because bins that fluctuate down get more weight
 * (Hauschild & Jentschel, NIM A 2001;457:384); fitted-count weights at convergence solve the Poisson maximum-likelihood
 * equations Σ (y − f)/f · ∂f/∂θ = 0 wherever f ≥ 1. A noise-free histogram of the model itself is a zero-residual fit
 * under any weights, so it is recovered exactly. A `warm` start (from an earlier fit of a nested model) skips the
 * Neyman solve.
 */
export function fitPoissonCounts(
  model: LeastSquaresModel,
  observed: Float64Array,
  initial: Float64Array,
  bounds: ParameterBounds,
  start: 'cold' | 'warm' = 'cold',
): PoissonFitResult {
  const weights = Float64Array.from(observed, (y) => 1 / Math.max(y, 1));
  const neyman =
    start === 'cold'
      ? minimiseWeightedSquares(model, observed, weights, initial, bounds, { ...DEFAULT_SOLVER_SETTINGS, tolerance: NEYMAN_TOLERANCE })
      : null;
  const result =
    neyman?.stop === 'exact-fit'
      ? neyman
      : minimiseWeightedSquares(model, observed, weights, neyman?.params ?? initial, bounds, { ...DEFAULT_SOLVER_SETTINGS, reweight: weightByFittedCounts });
  const chiSquareWeights = Float64Array.from(observed, (y) => 1 / Math.max(y, 1));
  return {
    ...result,
    chiSquare: weightedSquares(observed, result.values, chiSquareWeights),
    totalIterations: (neyman?.iterations ?? 0) + (result === neyman ? 0 : result.iterations),
    converged: result.stop !== 'iteration-limit',
  };
}

/** The Neyman solve only has to land near the optimum: the re-weighted solve that follows refines it. */
const NEYMAN_TOLERANCE = 1e-5;

function weightByFittedCounts(values: Float64Array, weights: Float64Array): void {
  for (let i = 0; i < values.length; i++) weights[i] = 1 / Math.max(values[i], 1);
}

/**
 * Poisson deviance 2·Σ [f − y + y·ln(y/f)] of fitted values f against counts y, with f floored at 1e-9 so that an
 * event where a model puts nothing stays finite. Differences between nested fits are χ²-distributed (Wilks).
 */
export function poissonDeviance(observed: Float64Array, fitted: Float64Array): number {
  let deviance = 0;
  for (let i = 0; i < observed.length; i++) {
    const y = observed[i];
    const f = Math.max(fitted[i], 1e-9);
    deviance += 2 * (f - y + (y > 0 ? y * Math.log(y / f) : 0));
  }
  return deviance;
}
