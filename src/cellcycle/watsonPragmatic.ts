import { writeGaussianBins } from './componentShapes.ts';
import { normalCdf } from './normalDistribution.ts';
import { addAggregates, aggregateEvents, aggregateShapes, singleCutDebrisShape, writeAggregateSlope, type AggregateShapes } from './debrisAggregates.ts';
import { resolveWindow } from './fitWindow.ts';
import { summariseFit } from './fitSummary.ts';
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';
import { constraintRange, FREE_CV_PERCENT, FREE_LINEARITY } from './modelOptions.ts';
import { GaussianPeakModel, type SPhaseEdge } from './peakModel.ts';
import { fitPoissonCounts } from './poissonFit.ts';
import type { CellCycleFit, CellCycleModelOptions, DnaHistogram, FitParameterName } from './types.ts';

/*
 * Watson pragmatic model (Watson, Chambers & Smith, Cytometry 1987;8:1–8): only the peaks are assumed Gaussian.
 * G0/G1 is fitted on −3…+1 SD about its mean, the side away from S phase (FlowJo's description of its
 * implementation). G2/M is fitted on the mirror window, −1…+3 SD, because for G2/M the S-phase cells lie on the left.
 * Each window is re-centred on the new estimate until it stops moving. Within a window the S phase is taken as a
 * level that starts (G0/G1) or ends (G2/M) at the peak, blurred by the peak's SD: without it the S-phase cells under
 * each peak's flank are counted into the peak (at 5% CV a G2/M peak is barely twice the S level). Debris and aggregates, when modelled, are
 * fitted outside the cycle region (below μ1 − 3σ1 and above μ2 + 3σ2) with the peaks held; S phase is what remains
 * of the histogram between those limits once peaks, debris and aggregates are subtracted.
 */

interface PeakFit {
  area: number;
  mean: number;
  cv: number;
  chiSquare: number;
  bins: number;
  iterations: number;
  converged: boolean;
}

const MAX_RECENTRINGS = 6;
const NO_FIT = { chiSquare: 0, bins: 0, iterations: 0, converged: true };
/** The S level near each peak is read from the histogram from this many SDs away from the peaks. */
const S_LEVEL_CLEARANCE_SD = 2.5;
const CYCLE_REGION_SD = 3;

export function fitWatsonPragmatic(histogram: DnaHistogram, options: CellCycleModelOptions): CellCycleFit {
  const { counts, binWidth } = histogram;
  const linearity = constraintRange(options.linearity, 1, FREE_LINEARITY);
  const { startBin, endBin, estimate } = resolveWindow(histogram, options, linearity);
  const window = { startBin, endBin };

  const g1Cv = constraintRange(options.g1CvPercent, 0.01, FREE_CV_PERCENT);
  const g1Means = constraintRange(options.g1Mean, 1 / binWidth, { min: startBin * binWidth, max: endBin * binWidth });
  const g2Cv = (cv1: number) =>
    options.g2CvPercent.kind === 'equal-to-g1' ? { min: cv1, max: cv1 } : constraintRange(options.g2CvPercent, 0.01, FREE_CV_PERCENT);
  let g1: PeakFit = { ...NO_FIT, area: estimate.g1.area, mean: estimate.g1.mean, cv: estimate.g1.sd / estimate.g1.mean };
  let g2: PeakFit = { ...NO_FIT, area: estimate.g2.area, mean: estimate.g2.mean, cv: estimate.g2.sd / estimate.g2.mean };
  let g2Means = { min: linearity.min * g1.mean, max: linearity.max * g1.mean };
  let iterations = 0;
  // The S level under each peak comes from the histogram between the peaks, so it needs the peaks; two rounds settle it.
  for (let round = 0; round < 4; round++) {
    const levels = sPhaseLevelsAtPeaks(counts, window, g1, g2);
    g1 = fitPeakWindow(counts, window, { ...g1, level: levels.atG1 }, g1Means, g1Cv, { belowSd: 3, aboveSd: 1, edge: 'rising' });
    g2Means = { min: linearity.min * g1.mean, max: linearity.max * g1.mean };
    const cvs2 = g2Cv(g1.cv);
    const g2Start = { ...g2, mean: clamp(g2.mean, g2Means.min, g2Means.max), cv: clamp(g2.cv, cvs2.min, cvs2.max), level: levels.atG2 };
    g2 = fitPeakWindow(counts, window, g2Start, g2Means, cvs2, { belowSd: 1, aboveSd: 3, edge: 'falling' });
    iterations += g1.iterations + g2.iterations;
  }

  const n = endBin - startBin;
  const g1Curve = peakCurve(g1, startBin, n);
  const g2Curve = peakCurve(g2, startBin, n);
  const cycleStart = Math.max(startBin, Math.ceil(g1.mean - CYCLE_REGION_SD * g1.cv * g1.mean));
  const cycleEnd = Math.min(endBin, Math.floor(g2.mean + CYCLE_REGION_SD * g2.cv * g2.mean));

  const debrisShape = options.debris ? singleCutDebrisShape(counts, startBin, endBin) : null;
  const aggregates = options.aggregates === 'off' ? null : aggregateShapes(counts, startBin, endBin, options.aggregates === 'doublets-and-triplets');
  let windowEvents = 0;
  for (let i = startBin; i < endBin; i++) windowEvents += counts[i];
  const tripletScale = windowEvents > 0 ? 1 / windowEvents : 0;
  const outside = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i + startBin < cycleStart || i + startBin >= cycleEnd);
  const background = fitBackground(counts, startBin, outside, g1Curve, g2Curve, debrisShape, aggregates, tripletScale);

  const debris = debrisShape ? debrisShape.map((v) => v * background.debris) : new Float64Array(n);
  const aggregateCurve = new Float64Array(n);
  if (aggregates) addAggregates(aggregateCurve, aggregates, background.doublets, tripletScale);
  const s = new Float64Array(n);
  let sEvents = 0;
  for (let bin = cycleStart; bin < cycleEnd; bin++) {
    const i = bin - startBin;
    const residual = counts[bin] - g1Curve[i] - g2Curve[i] - debris[i] - aggregateCurve[i];
    sEvents += residual;
    s[i] = Math.max(residual, 0);
  }

  const atBounds: FitParameterName[] = [];
  if (isAtBound(g1.mean, g1Means)) atBounds.push('g1Mean');
  if (isAtBound(g1.cv, g1Cv)) atBounds.push('g1Cv');
  if (isAtBound(g2.mean, g2Means)) atBounds.push('linearity');
  if (options.g2CvPercent.kind !== 'equal-to-g1' && isAtBound(g2.cv, g2Cv(g1.cv))) atBounds.push('g2Cv');
  const freeCount = [g1Means, g1Cv, g2Means, g2Cv(g1.cv)].filter((r) => r.min < r.max).length + 2 + background.parameterCount;

  return summariseFit({
    histogram,
    options,
    startBin,
    endBin,
    geometry: { mean1: g1.mean, sd1: g1.cv * g1.mean, mean2: g2.mean, sd2: g2.cv * g2.mean },
    sPhaseOrder: null,
    g1Events: g1.area,
    sEvents: Math.max(sEvents, 0),
    g2mEvents: g2.area,
    debrisEvents: background.debris,
    aggregateEvents: aggregates ? aggregateEvents(aggregates, background.doublets, tripletScale) : 0,
    components: { g1: g1Curve, s, g2m: g2Curve, subG1Shoulder: new Float64Array(n), debris, aggregates: aggregateCurve },
    chiSquare: g1.chiSquare + g2.chiSquare + background.chiSquare,
    chiSquareBins: g1.bins + g2.bins + outside.length,
    freeParameterCount: freeCount,
    iterations: iterations + background.iterations,
    converged: g1.converged && g2.converged && background.converged,
    parametersAtBounds: atBounds,
  });
}

interface PeakWindow {
  belowSd: number;
  aboveSd: number;
  edge: SPhaseEdge;
}

/**
 * Fits one Gaussian on [μ − below·σ, μ + above·σ] over a held S level that steps up (or down) across it,
 * re-centring the window on each new estimate.
 */
function fitPeakWindow(
  counts: Float64Array,
  window: { startBin: number; endBin: number },
  start: { area: number; mean: number; cv: number; level: number },
  means: { min: number; max: number },
  cvs: { min: number; max: number },
  { belowSd, aboveSd, edge }: PeakWindow,
): PeakFit {
  let params: Float64Array = Float64Array.of(
    Math.max(start.area, 1),
    clamp(start.mean, means.min, means.max),
    clamp(start.cv, cvs.min, cvs.max),
    Math.max(start.level, 0),
  );
  const level = Math.max(start.level, 0);
  const bounds = { lower: Float64Array.of(0, means.min, cvs.min, level), upper: Float64Array.of(Infinity, means.max, cvs.max, level) };
  let previous = '';
  let fit: PeakFit | null = null;
  let iterations = 0;
  for (let pass = 0; pass < MAX_RECENTRINGS; pass++) {
    const sd = params[1] * params[2];
    let first = Math.max(window.startBin, Math.floor(params[1] - belowSd * sd));
    let last = Math.min(window.endBin, Math.ceil(params[1] + aboveSd * sd));
    if (last - first < 4) {
      first = Math.max(window.startBin, Math.floor(params[1]) - 2);
      last = Math.min(window.endBin, first + 4);
    }
    const key = `${first}:${last}`;
    if (key === previous && fit) break;
    previous = key;
    const result = fitPoissonCounts(new GaussianPeakModel(first, last, edge), counts.slice(first, last), params, bounds);
    iterations += result.totalIterations;
    params = result.params;
    fit = { area: params[0], mean: params[1], cv: params[2], chiSquare: result.chiSquare, bins: last - first, iterations, converged: result.converged };
  }
  if (!fit) throw new RangeError('cell-cycle fit: the Watson peak window is empty');
  return fit;
}

/**
 * S-phase level (events per bin) under each peak, from the histogram between the peaks with the current peak curves
 * subtracted (a dominant G2/M's flank would otherwise lift it): least squares of (a + b·x)·E(x), where
 * E(x) = Φ((x − μ1)/σ1) − Φ((x − μ2)/σ2) is how the peaks' blur rounds the ends of S phase, over μ1 + 2.5σ1 … μ2 − 2.5σ2,
 * read as a + b·μ at each mean. When the peaks leave fewer than five bins between them, the lowest bin there.
 */
function sPhaseLevelsAtPeaks(
  counts: Float64Array,
  window: { startBin: number; endBin: number },
  g1: PeakFit,
  g2: PeakFit,
): { atG1: number; atG2: number } {
  const sd1 = g1.cv * g1.mean;
  const sd2 = g2.cv * g2.mean;
  const first = Math.max(window.startBin, Math.ceil(g1.mean + S_LEVEL_CLEARANCE_SD * sd1));
  const last = Math.min(window.endBin - 1, Math.floor(g2.mean - S_LEVEL_CLEARANCE_SD * sd2));
  if (last - first < 4) {
    let lowest = Infinity;
    for (let i = Math.max(window.startBin, Math.floor(g1.mean)); i <= Math.min(window.endBin - 1, Math.ceil(g2.mean)); i++) {
      lowest = Math.min(lowest, counts[i]);
    }
    const level = Number.isFinite(lowest) ? lowest : 0;
    return { atG1: level, atG2: level };
  }
  const length = last - first + 1;
  const firstPeak = peakCurve(g1, first, length);
  const secondPeak = peakCurve(g2, first, length);
  // Normal equations of y ≈ a·E + b·(x·E).
  let ee = 0;
  let exe = 0;
  let xexe = 0;
  let ye = 0;
  let yxe = 0;
  for (let i = first; i <= last; i++) {
    const x = i + 0.5;
    const e = normalCdf((x - g1.mean) / sd1) - normalCdf((x - g2.mean) / sd2);
    const y = counts[i] - firstPeak[i - first] - secondPeak[i - first];
    ee += e * e;
    exe += x * e * e;
    xexe += x * x * e * e;
    ye += y * e;
    yxe += y * x * e;
  }
  const determinant = ee * xexe - exe * exe;
  const slope = (ee * yxe - exe * ye) / determinant;
  const intercept = (ye - slope * exe) / ee;
  return { atG1: Math.max(intercept + slope * g1.mean, 0), atG2: Math.max(intercept + slope * g2.mean, 0) };
}

function peakCurve(peak: PeakFit, startBin: number, length: number): Float64Array {
  const curve = new Float64Array(length);
  writeGaussianBins(curve, startBin, peak.mean, peak.cv * peak.mean);
  for (let i = 0; i < length; i++) curve[i] *= peak.area;
  return curve;
}

interface BackgroundFit {
  debris: number;
  doublets: number;
  parameterCount: number;
  chiSquare: number;
  iterations: number;
  converged: boolean;
}

/** Debris and aggregate amounts from the bins outside the cycle region, with the fitted peaks' tails held. */
function fitBackground(
  counts: Float64Array,
  startBin: number,
  bins: Int32Array,
  g1Curve: Float64Array,
  g2Curve: Float64Array,
  debris: Float64Array | null,
  aggregates: AggregateShapes | null,
  tripletScale: number,
): BackgroundFit {
  const parameterCount = (debris ? 1 : 0) + (aggregates ? 1 : 0);
  const observed = Float64Array.from(bins, (i) => counts[startBin + i]);
  const offset = Float64Array.from(bins, (i) => g1Curve[i] + g2Curve[i]);
  if (parameterCount === 0 || bins.length <= parameterCount) {
    return { debris: 0, doublets: 0, parameterCount: 0, chiSquare: 0, iterations: 0, converged: true };
  }
  const pick = (shape: Float64Array) => Float64Array.from(bins, (i) => shape[i]);
  const debrisAt = debris ? pick(debris) : null;
  const aggregatesAt = aggregates ? { doublets: pick(aggregates.doublets), triplets: aggregates.triplets ? pick(aggregates.triplets) : null } : null;
  const model: LeastSquaresModel = {
    parameterCount,
    valueCount: bins.length,
    evaluate(params, values) {
      values.set(offset);
      if (debrisAt) for (let i = 0; i < values.length; i++) values[i] += params[0] * debrisAt[i];
      if (aggregatesAt) addAggregates(values, aggregatesAt, params[parameterCount - 1], tripletScale);
    },
    differentiate(params, _values, jacobian, free) {
      if (debrisAt && free[0]) jacobian.set(debrisAt, 0);
      const q = parameterCount - 1;
      if (aggregatesAt && free[q]) writeAggregateSlope(jacobian.subarray(q * bins.length), aggregatesAt, params[q], tripletScale);
    },
  };
  let events = 0;
  for (const y of observed) events += y;
  const result = fitPoissonCounts(model, observed, new Float64Array(parameterCount).fill(0.01 * events), {
    lower: new Float64Array(parameterCount),
    upper: new Float64Array(parameterCount).fill(Infinity),
  });
  return {
    debris: debris ? result.params[0] : 0,
    doublets: aggregates ? result.params[parameterCount - 1] : 0,
    parameterCount,
    chiSquare: result.chiSquare,
    iterations: result.totalIterations,
    converged: result.converged,
  };
}

function isAtBound(value: number, range: { min: number; max: number }): boolean {
  if (range.min === range.max) return false;
  const tolerance = 1e-6 * Math.max(Math.abs(value), 1e-12);
  return value - range.min <= tolerance || range.max - value <= tolerance;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
