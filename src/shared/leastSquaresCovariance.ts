/**
 * The asymptotic covariance of least-squares parameters, s² (JᵀJ)⁻¹ with s² = RSS / (n − p): what R's
 * summary(nls) and GraphPad Prism report standard errors and Wald confidence intervals from.
 */
import { solveCholesky } from './cholesky.ts';
import type { LeastSquaresModel } from './levenbergMarquardt.ts';

/** p × p row-major covariance of the model's parameters at `params`, or null when JᵀJ is singular or n ≤ p. */
export function leastSquaresCovariance(model: LeastSquaresModel, params: Float64Array, residualSumOfSquares: number): Float64Array | null {
  const p = model.parameterCount;
  const n = model.valueCount;
  if (n <= p) return null;
  const values = new Float64Array(n);
  const jacobian = new Float64Array(p * n);
  model.evaluate(params, values);
  model.differentiate(params, values, jacobian, new Uint8Array(p).fill(1));
  const normal = new Float64Array(p * p);
  for (let k = 0; k < p; k++) {
    for (let l = k; l < p; l++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += jacobian[k * n + i] * jacobian[l * n + i];
      normal[k * p + l] = sum;
      normal[l * p + k] = sum;
    }
  }
  const variance = residualSumOfSquares / (n - p);
  const covariance = new Float64Array(p * p);
  for (let column = 0; column < p; column++) {
    const unit = new Float64Array(p);
    unit[column] = 1;
    if (!solveCholesky(normal.slice(), unit, p)) return null;
    for (let row = 0; row < p; row++) covariance[row * p + column] = variance * unit[row];
  }
  return covariance;
}
