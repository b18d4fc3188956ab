/**
 * The four-parameter logistic (Hill) curve of a dose-response, as GraphPad Prism writes it:
 *   y = Bottom + (Top − Bottom) / (1 + 10^((logEC50 − log10 x) · Hill))
 * with x the concentration. Bottom and Top are the plateaus (Top ≥ Bottom once normalised) and the sign of Hill is
 * the direction: positive when the response rises with dose. Written on the concentration itself rather than its log,
 * so dose 0 is an ordinary point: the curve's limit there, the plateau of untreated cells.
 */
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';

export interface LogisticParameters {
  bottom: number;
  top: number;
  /** log10 of the EC50, in the concentrations' unit. */
  logEc50: number;
  hill: number;
}

/** Parameter order in the solver's vector. */
export const BOTTOM = 0;
export const TOP = 1;
export const LOG_EC50 = 2;
export const HILL = 3;

export function parameterVector({ bottom, top, logEc50, hill }: LogisticParameters): Float64Array {
  return Float64Array.of(bottom, top, logEc50, hill);
}

export function parametersOf(vector: Float64Array): LogisticParameters {
  return { bottom: vector[BOTTOM], top: vector[TOP], logEc50: vector[LOG_EC50], hill: vector[HILL] };
}

/** The weight of Top at concentration x, 1 / (1 + 10^u), computed without overflow; its limit at x = 0. */
function topWeight(x: number, logEc50: number, hill: number): number {
  if (x === 0) return hill > 0 ? 0 : hill < 0 ? 1 : 0.5;
  const u = (logEc50 - Math.log10(x)) * hill;
  if (u > 0) {
    const small = Math.pow(10, -u);
    return small / (1 + small);
  }
  return 1 / (1 + Math.pow(10, u));
}

export function logisticValue(x: number, p: LogisticParameters): number {
  return p.bottom + (p.top - p.bottom) * topWeight(x, p.logEc50, p.hill);
}

/** The same curve with Top ≥ Bottom: (Bottom, Top, Hill) and (Top, Bottom, −Hill) describe one curve. */
export function normalised(p: LogisticParameters): LogisticParameters {
  return p.top >= p.bottom ? p : { bottom: p.top, top: p.bottom, logEc50: p.logEc50, hill: -p.hill };
}

/** The curve as a least-squares model over the given concentrations, with analytic derivatives. */
export function logisticModel(concentrations: Float64Array): LeastSquaresModel {
  const logs = concentrations.map((x) => (x > 0 ? Math.log10(x) : Number.NEGATIVE_INFINITY));
  return {
    parameterCount: 4,
    valueCount: concentrations.length,
    evaluate(params, values) {
      for (let i = 0; i < concentrations.length; i++) {
        values[i] = params[BOTTOM] + (params[TOP] - params[BOTTOM]) * topWeight(concentrations[i], params[LOG_EC50], params[HILL]);
      }
    },
    differentiate(params, _values, jacobian, free) {
      const n = concentrations.length;
      const span = params[TOP] - params[BOTTOM];
      for (let i = 0; i < n; i++) {
        const q = topWeight(concentrations[i], params[LOG_EC50], params[HILL]);
        // d q / d u = −ln10 · q (1 − q); at dose 0 the weight does not depend on logEC50 or Hill.
        const slope = concentrations[i] === 0 ? 0 : -Math.LN10 * q * (1 - q) * span;
        if (free[BOTTOM]) jacobian[BOTTOM * n + i] = 1 - q;
        if (free[TOP]) jacobian[TOP * n + i] = q;
        if (free[LOG_EC50]) jacobian[LOG_EC50 * n + i] = slope * params[HILL];
        if (free[HILL]) jacobian[HILL * n + i] = concentrations[i] === 0 ? 0 : slope * (params[LOG_EC50] - logs[i]);
      }
    },
  };
}
