import { solveCholesky } from './cholesky.ts';

/** A model f(θ) with one value per observation, for weighted least squares. */
export interface LeastSquaresModel {
  readonly parameterCount: number;
  readonly valueCount: number;
  /** Writes f(θ) into `values` (length valueCount). */
  evaluate(params: Float64Array, values: Float64Array): void;
  /**
   * Writes ∂f_i/∂θ_k into `jacobian[k * valueCount + i]` for every k with `free[k] === 1`;
   * `values` holds f(params) already.
   */
  differentiate(params: Float64Array, values: Float64Array, jacobian: Float64Array, free: Uint8Array): void;
}

export interface ParameterBounds {
  lower: Float64Array;
  /** A parameter with lower === upper is held fixed. */
  upper: Float64Array;
}

export interface SolverSettings {
  maxIterations: number;
  /**
   * Called at the start of every iteration to replace `weights` given the current model values (iteratively
   * reweighted least squares); each step is then accepted if it lowers the objective under those weights.
   */
  reweight?: (values: Float64Array, weights: Float64Array) => void;
  /** Stop when an accepted step moves no parameter by more than this fraction of its value. */
  tolerance: number;
}

export type SolverStop = 'tolerance' | 'exact-fit' | 'stalled' | 'iteration-limit';

export interface SolverResult {
  params: Float64Array;
  values: Float64Array;
  /** Σ w_i (y_i − f_i)² at `params`. */
  objective: number;
  iterations: number;
  stop: SolverStop;
}

export const DEFAULT_SOLVER_SETTINGS: SolverSettings = { maxIterations: 200, tolerance: 1e-10 };

const MAX_DAMPING = 1e16;
/** A relative objective decrease this small is rounding noise: further steps cannot be told apart. */
const OBJECTIVE_AT_MACHINE_PRECISION = 1e-15;
/**
 * A step predicted to lower the objective by less than this fraction is not worth evaluating: the parameters are then
 * within ~1e-6 of their standard errors of the optimum, and finite-difference Jacobians are no more accurate than that.
 */
const NEGLIGIBLE_DECREASE = 1e-12;

/**
 * Minimises Σ w_i (y_i − f_i(θ))² within box bounds by Levenberg–Marquardt with Marquardt's diagonal scaling
 * (Moré, "The Levenberg–Marquardt algorithm: implementation and theory", LNM 630, 1978). Bounds are honoured by
 * projecting each trial point into the box and by freezing, for one iteration, the parameters that sit on a bound
 * while the gradient pushes them outwards (a simple active set).
 * @example minimiseWeightedSquares(lineModel, observed, weights, new Float64Array([0, 1]), bounds)
 */
export function minimiseWeightedSquares(
  model: LeastSquaresModel,
  observed: Float64Array,
  weights: Float64Array,
  initial: Float64Array,
  bounds: ParameterBounds,
  settings: SolverSettings = DEFAULT_SOLVER_SETTINGS,
): SolverResult {
  const m = model.parameterCount;
  const n = model.valueCount;
  const params = Float64Array.from(initial, (v, k) => clamp(v, bounds.lower[k], bounds.upper[k]));
  const values = new Float64Array(n);
  const trialParams = new Float64Array(m);
  const trialValues = new Float64Array(n);
  const jacobian = new Float64Array(m * n);
  const hessian = new Float64Array(m * m);
  const gradient = new Float64Array(m);
  const system = new Float64Array(m * m);
  const step = new Float64Array(m);
  const free = new Uint8Array(m);
  const active = new Uint8Array(m);
  for (let k = 0; k < m; k++) free[k] = bounds.lower[k] < bounds.upper[k] ? 1 : 0;

  model.evaluate(params, values);
  let objective = weightedSquares(observed, values, weights);
  let damping = 1e-3;
  let iterations = 0;
  let stop: SolverStop = 'iteration-limit';

  while (iterations < settings.maxIterations) {
    if (objective <= 1e-26 * n) {
      stop = 'exact-fit';
      break;
    }
    iterations++;
    if (settings.reweight) {
      settings.reweight(values, weights);
      objective = weightedSquares(observed, values, weights);
    }
    model.differentiate(params, values, jacobian, free);
    accumulateNormalEquations(jacobian, observed, values, weights, free, m, n, hessian, gradient);
    for (let k = 0; k < m; k++) {
      const pushedOut =
        (params[k] <= bounds.lower[k] && gradient[k] < 0) || (params[k] >= bounds.upper[k] && gradient[k] > 0);
      active[k] = free[k] === 1 && !pushedOut && hessian[k * m + k] > 0 ? 1 : 0;
    }

    let accepted = false;
    while (damping < MAX_DAMPING) {
      for (let k = 0; k < m; k++) {
        for (let l = 0; l < m; l++) system[k * m + l] = active[k] && active[l] ? hessian[k * m + l] : 0;
        system[k * m + k] = active[k] ? hessian[k * m + k] * (1 + damping) : 1;
        step[k] = active[k] ? gradient[k] : 0;
      }
      if (!solveCholesky(system, step, m)) {
        damping *= 10;
        continue;
      }
      if (predictedDecrease(hessian, gradient, step, m) <= NEGLIGIBLE_DECREASE * objective) {
        stop = 'tolerance';
        break;
      }
      let moved = false;
      for (let k = 0; k < m; k++) {
        trialParams[k] = clamp(params[k] + step[k], bounds.lower[k], bounds.upper[k]);
        if (trialParams[k] !== params[k]) moved = true;
      }
      if (!moved) break;
      model.evaluate(trialParams, trialValues);
      const trialObjective = weightedSquares(observed, trialValues, weights);
      if (trialObjective < objective) {
        const relativeDecrease = (objective - trialObjective) / objective;
        const relativeStep = largestRelativeChange(params, trialParams, 1e-6);
        params.set(trialParams);
        values.set(trialValues);
        objective = trialObjective;
        damping = Math.max(damping / 5, 1e-12);
        accepted = true;
        if (relativeStep < settings.tolerance || relativeDecrease < OBJECTIVE_AT_MACHINE_PRECISION) stop = 'tolerance';
        break;
      }
      damping *= 4;
    }
    if (stop === 'tolerance') break;
    if (!accepted) {
      stop = 'stalled';
      break;
    }
  }
  return { params, values, objective, iterations, stop };
}

/** Σ w_i (y_i − f_i)². */
export function weightedSquares(observed: Float64Array, values: Float64Array, weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < observed.length; i++) {
    const r = observed[i] - values[i];
    sum += weights[i] * r * r;
  }
  return sum;
}

function accumulateNormalEquations(
  jacobian: Float64Array,
  observed: Float64Array,
  values: Float64Array,
  weights: Float64Array,
  free: Uint8Array,
  m: number,
  n: number,
  hessian: Float64Array,
  gradient: Float64Array,
): void {
  hessian.fill(0);
  gradient.fill(0);
  for (let k = 0; k < m; k++) {
    if (!free[k]) continue;
    const colK = k * n;
    let g = 0;
    for (let i = 0; i < n; i++) g += weights[i] * jacobian[colK + i] * (observed[i] - values[i]);
    gradient[k] = g;
    for (let l = k; l < m; l++) {
      if (!free[l]) continue;
      const colL = l * n;
      let h = 0;
      for (let i = 0; i < n; i++) h += weights[i] * jacobian[colK + i] * jacobian[colL + i];
      hessian[k * m + l] = h;
      hessian[l * m + k] = h;
    }
  }
}

/** Decrease of the objective that the local quadratic model predicts for `step`: 2·stepᵀg − stepᵀHstep. */
function predictedDecrease(hessian: Float64Array, gradient: Float64Array, step: Float64Array, m: number): number {
  let decrease = 0;
  for (let k = 0; k < m; k++) {
    let hStep = 0;
    for (let l = 0; l < m; l++) hStep += hessian[k * m + l] * step[l];
    decrease += step[k] * (2 * gradient[k] - hStep);
  }
  return decrease;
}

/** Largest |after − before| / max(|before|, floor) over the parameters; `floor` keeps near-zero amplitudes from dominating. */
function largestRelativeChange(before: Float64Array, after: Float64Array, floor: number): number {
  let largest = 0;
  for (let k = 0; k < before.length; k++) {
    const change = Math.abs(after[k] - before[k]) / Math.max(Math.abs(before[k]), floor);
    if (change > largest) largest = change;
  }
  return largest;
}

function clamp(value: number, lower: number, upper: number): number {
  return value < lower ? lower : value > upper ? upper : value;
}
