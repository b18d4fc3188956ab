/**
 * Whether a fitted dose-response curve defines its EC50, and what a user should know about it, in plain sentences.
 * The EC50 is undefined (reported as none) when the parameters cannot be told apart, when the response does not
 * change significantly over the concentrations tested, when the curve is a step between two concentrations, or when the midpoint lies outside the
 * concentrations tested (the plateau beyond it was never reached). Otherwise it is reported, with warnings when a
 * plateau is extrapolated or the interval is wide.
 */
import { LOG_EC50, logisticModel, type LogisticParameters, parameterVector } from './fourParameterLogistic.ts';

export interface CurveToJudge {
  /** Normalised (Top ≥ Bottom). */
  curve: LogisticParameters;
  /** 4 × 4 parameter covariance (bottom, top, logEC50, hill), or null when singular. */
  covariance: Float64Array | null;
  /** t(0.975, n − 4). */
  t: number;
  /** Distinct concentrations, ascending, dose 0 included. */
  concentrations: readonly number[];
  unit: string;
  atHillLimit: boolean;
}

/** Below this share of the full effect at the highest concentration, the far plateau counts as extrapolated. */
const PLATEAU_REACHED = 0.8;
/** A 95 % interval wider than this ratio makes an EC50 poorly defined. */
const WIDE_INTERVAL = 100;

const rounded = (value: number) => String(Number(value.toPrecision(3)));

const undefinedBecause = (sentence: string) => ({ defined: false, warnings: [sentence] });

/** Share of the way from the dose-0 plateau to the high-dose plateau that the curve covers at `x`. */
export function effectShare(x: number, { logEc50, hill }: LogisticParameters): number {
  return x === 0 ? 0 : 1 / (1 + Math.pow(10, (logEc50 - Math.log10(x)) * Math.abs(hill)));
}

/** The curve's change from the lowest to the highest concentration tested, with its standard error (delta method). */
function changeOverRange(curve: LogisticParameters, covariance: Float64Array, from: number, to: number): { value: number; se: number } {
  const model = logisticModel(Float64Array.of(from, to));
  const params = parameterVector(curve);
  const values = new Float64Array(2);
  const jacobian = new Float64Array(8);
  model.evaluate(params, values);
  model.differentiate(params, values, jacobian, new Uint8Array(4).fill(1));
  const gradient = [0, 1, 2, 3].map((k) => jacobian[k * 2 + 1] - jacobian[k * 2]);
  let variance = 0;
  for (let k = 0; k < 4; k++) for (let l = 0; l < 4; l++) variance += gradient[k] * covariance[k * 4 + l] * gradient[l];
  return { value: values[1] - values[0], se: Math.sqrt(Math.max(variance, 0)) };
}

export function judgeCurve({ curve, covariance, t, concentrations, unit, atHillLimit }: CurveToJudge): { defined: boolean; warnings: string[] } {
  const amount = (x: number) => `${rounded(x)}${unit ? ` ${unit}` : ''}`;
  if (!covariance) {
    return undefinedBecause("These points cannot tell the curve's four parameters apart (too few concentrations on its slope, or responses that barely change), so there is no EC50.");
  }
  const ec50 = Math.pow(10, curve.logEc50);
  const positives = concentrations.filter((x) => x > 0);
  const lowest = positives[0];
  const highest = positives[positives.length - 1];
  const change = changeOverRange(curve, covariance, concentrations[0], highest);
  if (!(Math.abs(change.value) > t * change.se)) {
    return undefinedBecause(`The response does not change significantly over the concentrations tested (${rounded(change.value)} ± ${rounded(t * change.se)} from ${amount(concentrations[0])} to ${amount(highest)}, 95 % CI), so there is no EC50.`);
  }
  if (atHillLimit) {
    const below = positives.filter((x) => x <= ec50).at(-1) ?? 0;
    const above = positives.find((x) => x > ec50) ?? highest;
    return undefinedBecause(`The response jumps between ${amount(below)} and ${amount(above)}: the curve is steeper than these concentrations can resolve, so the EC50 is only known to lie between them.`);
  }
  if (ec50 > highest) {
    const where = ec50 > 100 * highest ? 'lies far above' : `(about ${amount(ec50)}) lies above`;
    return undefinedBecause(`The fitted midpoint ${where} the highest concentration tested (${amount(highest)}): the response has not reached its plateau, so the data cannot define the EC50. Test higher concentrations.`);
  }
  if (ec50 < lowest) {
    const where = ec50 < lowest / 100 ? 'lies far below' : `(about ${amount(ec50)}) lies below`;
    return undefinedBecause(`The fitted midpoint ${where} the lowest concentration tested (${amount(lowest)}): the response is already at its plateau there, so the data cannot define the EC50. Test lower concentrations.`);
  }
  const warnings: string[] = [];
  const reached = effectShare(highest, curve);
  if (reached < PLATEAU_REACHED) {
    warnings.push(`The highest concentration reaches only ${Math.round(100 * reached)} % of the fitted effect: the far plateau is extrapolated, so the EC50 is less certain. Higher concentrations would pin it down.`);
  }
  const atLowest = effectShare(lowest, curve);
  if (concentrations[0] > 0 && atLowest > 1 - PLATEAU_REACHED) {
    warnings.push(`The lowest concentration already gives ${Math.round(100 * atLowest)} % of the fitted effect and there is no untreated (dose 0) point: the near plateau is extrapolated.`);
  }
  const halfWidth = t * Math.sqrt(covariance[LOG_EC50 * 4 + LOG_EC50]);
  if (Math.pow(10, 2 * halfWidth) > WIDE_INTERVAL) {
    warnings.push(`The 95 % confidence interval of the EC50 spans more than ${WIDE_INTERVAL}-fold (${amount(ec50 / Math.pow(10, halfWidth))} to ${amount(ec50 * Math.pow(10, halfWidth))}): the EC50 is poorly defined.`);
  }
  return { defined: true, warnings };
}
