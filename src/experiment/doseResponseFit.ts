/**
 * A dose-response curve: the four-parameter logistic fitted by least squares to every replicate point (unweighted,
 * as Prism's default and R's nls), the EC50 with its 95 % confidence interval, and plain sentences when the data
 * cannot define the EC50. The interval is Prism's and R's asymptotic one: logEC50 ± t(0.975, n − 4) · SE(logEC50),
 * back-transformed, so it is asymmetric around the EC50.
 */
import { leastSquaresCovariance } from '../shared/leastSquaresCovariance.ts';
import { minimiseWeightedSquares, type SolverResult } from '../shared/levenbergMarquardt.ts';
import { studentTQuantile } from '../shared/studentT.ts';
import { judgeCurve } from './doseResponseWarnings.ts';
import { HILL, LOG_EC50, logisticModel, type LogisticParameters, normalised, parametersOf, parameterVector } from './fourParameterLogistic.ts';

export interface DoseResponsePoint {
  /** ≥ 0; 0 is the untreated plateau. */
  concentration: number;
  response: number;
}

export interface DoseResponseFit {
  /** Points fitted (one per tube). */
  n: number;
  /** Distinct concentrations, dose 0 included. */
  concentrationCount: number;
  /** The fitted curve (Top ≥ Bottom); null when no curve could be fitted. */
  curve: LogisticParameters | null;
  /** Asymptotic standard errors of the curve's parameters; null without them. */
  standardErrors: LogisticParameters | null;
  /** In the concentrations' unit; null when the data cannot define it. */
  ec50: number | null;
  ec50Low: number | null;
  ec50High: number | null;
  degreesOfFreedom: number;
  residualSumOfSquares: number | null;
  /** Plain sentences, worst first. */
  warnings: string[];
}

/** The solver may not take the curve's midpoint further than this many decades beyond the concentrations tested. */
const EC50_MARGIN_DECADES = 3;
/** Steeper than this, a curve is a step between two concentrations. */
export const HILL_LIMIT = 20;
const CONFIDENCE = 0.95;
const HILL_STARTS = [0.5, 1, 2];

function startingPoints(points: readonly DoseResponsePoint[], positives: readonly number[]): Float64Array[] {
  const byConcentration = new Map<number, number[]>();
  for (const p of points) byConcentration.set(p.concentration, [...(byConcentration.get(p.concentration) ?? []), p.response]);
  const levels = [...byConcentration].map(([x, ys]) => ({ x, mean: ys.reduce((a, b) => a + b, 0) / ys.length })).toSorted((a, b) => a.x - b.x);
  const means = levels.map((l) => l.mean);
  const low = Math.min(...means);
  const high = Math.max(...means);
  const rising = levels[levels.length - 1].mean >= levels[0].mean;
  const first = Math.log10(positives[0]);
  const last = Math.log10(positives[positives.length - 1]);
  // Where the mean response crosses half-way between the extremes, on the log axis.
  const half = (low + high) / 2;
  const crossing = levels.findIndex((l, k) => k > 0 && l.x > 0 && (levels[k - 1].mean - half) * (l.mean - half) <= 0);
  const midpoints = [first, (first + last) / 2, last];
  if (crossing > 0 && levels[crossing - 1].x > 0) midpoints.push((Math.log10(levels[crossing - 1].x) + Math.log10(levels[crossing].x)) / 2);
  const [bottom, top] = rising ? [low, high] : [high, low];
  return midpoints.flatMap((logEc50) => HILL_STARTS.map((hill) => parameterVector({ bottom, top, logEc50, hill })));
}

/** Fits the curve to `points`; `unit` names the concentrations in the warnings ("nM"). */
export function fitDoseResponse(points: readonly DoseResponsePoint[], unit = ''): DoseResponseFit {
  const usable = points.filter((p) => Number.isFinite(p.response) && Number.isFinite(p.concentration) && p.concentration >= 0);
  const concentrations = [...new Set(usable.map((p) => p.concentration))].toSorted((a, b) => a - b);
  const positives = concentrations.filter((x) => x > 0);
  const empty: DoseResponseFit = {
    n: usable.length, concentrationCount: concentrations.length, curve: null, standardErrors: null, ec50: null, ec50Low: null, ec50High: null,
    degreesOfFreedom: usable.length - 4, residualSumOfSquares: null, warnings: [],
  };
  if (concentrations.length < 4 || positives.length < 2) {
    return { ...empty, warnings: [`Only ${concentrations.length} ${concentrations.length === 1 ? 'concentration' : 'concentrations'}: a four-parameter curve needs at least 4 (better 5 or more, spanning both plateaus), so there is no EC50.`] };
  }
  if (usable.length < 5) {
    return { ...empty, warnings: [`Only ${usable.length} points: the curve's four parameters need at least 5 to give a confidence interval, so there is no EC50.`] };
  }

  const x = Float64Array.from(usable, (p) => p.concentration);
  const y = Float64Array.from(usable, (p) => p.response);
  const model = logisticModel(x);
  const weights = new Float64Array(usable.length).fill(1);
  const lower = Float64Array.of(-Infinity, -Infinity, Math.log10(positives[0]) - EC50_MARGIN_DECADES, -HILL_LIMIT);
  const upper = Float64Array.of(Infinity, Infinity, Math.log10(positives[positives.length - 1]) + EC50_MARGIN_DECADES, HILL_LIMIT);
  let best: SolverResult | null = null;
  for (const start of startingPoints(usable, positives)) {
    const result = minimiseWeightedSquares(model, y, weights, start, { lower, upper }, { maxIterations: 500, tolerance: 1e-12 });
    if (Number.isFinite(result.objective) && (!best || result.objective < best.objective)) best = result;
  }
  if (!best) return { ...empty, warnings: ['The curve could not be fitted to these points.'] };

  const curve = normalised(parametersOf(best.params));
  const vector = parameterVector(curve);
  const covariance = leastSquaresCovariance(model, vector, best.objective);
  const standardErrors = covariance && parametersOf(Float64Array.from({ length: 4 }, (_, k) => Math.sqrt(covariance[k * 4 + k])));
  const t = studentTQuantile(1 - (1 - CONFIDENCE) / 2, usable.length - 4);
  const fitted = { ...empty, curve, standardErrors, residualSumOfSquares: best.objective };
  const verdict = judgeCurve({ curve, covariance, t, concentrations, unit, atHillLimit: Math.abs(vector[HILL]) >= HILL_LIMIT * (1 - 1e-9) });
  if (!verdict.defined || !standardErrors || !Number.isFinite(standardErrors.logEc50)) return { ...fitted, warnings: verdict.warnings };
  const halfWidth = t * standardErrors.logEc50;
  return {
    ...fitted,
    ec50: Math.pow(10, vector[LOG_EC50]),
    ec50Low: Math.pow(10, vector[LOG_EC50] - halfWidth),
    ec50High: Math.pow(10, vector[LOG_EC50] + halfWidth),
    warnings: verdict.warnings,
  };
}
