import { addAggregates, aggregateEvents, aggregateShapes, singleCutDebrisShape, writeAggregateSlope, type AggregateShapes } from './debrisAggregates.ts';
import { modelsDebris, resolveWindow } from './fitWindow.ts';
import { summariseFit } from './fitSummary.ts';
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';
import { constraintRange, FREE_CV_PERCENT, FREE_LINEARITY } from './modelOptions.ts';
import type { CycleEstimate } from './peakSearch.ts';
import { fitPoissonCounts } from './poissonFit.ts';
import { QUALITY_LIMITS } from './qualityFlags.ts';
import type { CellCycleFit, CellCycleModelOptions, DnaHistogram, FitParameterName } from './types.ts';
import {
  clamp, fitPeakWindow, isAtBound, NO_FIT, peakCurve, sPhaseLevelsAtPeaks, type BinWindow, type PeakFit, type PeakStart, type Range,
} from './watsonPeaks.ts';

/*
 * Watson pragmatic model (Watson, Chambers & Smith, Cytometry 1987;8:1–8): only the peaks are assumed Gaussian.
 * G0/G1 is fitted on −3…+1 SD about its mean, the side away from S phase (FlowJo's description of its
 * implementation). G2/M is fitted on the mirror window, −1…+3 SD, because for G2/M the S-phase cells lie on the left.
 * Each window is re-centred on the new estimate until it stops moving. Within a window the S phase is taken as a
 * level that starts (G0/G1) or ends (G2/M) at the peak, blurred by the peak's SD: without it the S-phase cells under
 * each peak's flank are counted into the peak (at 5% CV a G2/M peak is barely twice the S level). Debris and aggregates, when modelled, are
 * fitted outside the cycle region (below μ1 − 3σ1 and above μ2 + 3σ2) with the peaks held; S phase is what remains
 * of the histogram between those limits once peaks, debris, aggregates and a second population are subtracted.
 *
 * When the free G2/M fit cannot separate a peak from S phase (broad CVs: its height below the S level, its position
 * or CV on a limit, or nothing left), G2/M is held where the method's users hold it (FlowJo's advice): at 2 × G0/G1
 * with the G0/G1 CV, only its size fitted, and the fit says so (g2-unresolved).
 *
 * A second G1-like population (an internal standard, an aneuploid clone) has its G0/G1 and G2/M fitted on ±2 SD over
 * a fitted flat level (the first population's S phase under it); its own S phase cannot be told from the first's.
 */

const CYCLE_REGION_SD = 3;
const ROUNDS = 4;
const SECOND_WINDOW_SD = 2;
const HELD_LINEARITY = 2;
/** A free G2/M wider than this many G0/G1 CVs has absorbed S phase rather than found a peak. */
const MAX_G2_CV_RATIO = 2;

export function fitWatsonPragmatic(histogram: DnaHistogram, options: CellCycleModelOptions): CellCycleFit {
  const { counts, binWidth } = histogram;
  const linearity = constraintRange(options.linearity, 1, FREE_LINEARITY);
  const { startBin, endBin, estimate, g1Search, dnaIndexSearch } = resolveWindow(histogram, options, linearity);
  const window = { startBin, endBin };
  const g1Cv = constraintRange(options.g1CvPercent, 0.01, FREE_CV_PERCENT);
  const g1Means = constraintRange(options.g1Mean, 1 / binWidth, { min: g1Search.min * binWidth, max: g1Search.max * binWidth });
  const g2Cv = (cv1: number) =>
    options.g2CvPercent.kind === 'equal-to-g1' ? { min: cv1, max: cv1 } : constraintRange(options.g2CvPercent, 0.01, FREE_CV_PERCENT);

  // The second population's peaks come first (from the peak search's positions), so that the first population's
  // peaks and S level are read from the histogram without them.
  const n = endBin - startBin;
  const second = estimate.second && fitSecondPopulation(counts, window, estimate, dnaIndexSearch);
  const secondCurve = new Float64Array(n);
  for (const peak of second ? [second.g1, second.g2] : []) {
    const curve = peakCurve(peak, startBin, n);
    for (let i = 0; i < n; i++) secondCurve[i] += curve[i];
  }
  const firstCounts = Float64Array.from(counts, (count, bin) => (bin >= startBin && bin < endBin ? Math.max(count - secondCurve[bin - startBin], 0) : count));

  let g1: PeakFit = { ...NO_FIT, area: estimate.g1.area, mean: estimate.g1.mean, cv: estimate.g1.sd / estimate.g1.mean };
  let g2: PeakFit = { ...NO_FIT, area: estimate.g2.area, mean: estimate.g2.mean, cv: estimate.g2.sd / estimate.g2.mean };
  let g2Means = { min: linearity.min * g1.mean, max: linearity.max * g1.mean };
  let iterations = 0;
  let g2Start: PeakStart = { ...g2, level: 0 };
  // The S level under each peak comes from the histogram between the peaks, so it needs the peaks; rounds settle it.
  for (let round = 0; round < ROUNDS; round++) {
    const levels = sPhaseLevelsAtPeaks(firstCounts, window, g1, g2);
    g1 = fitPeakWindow(firstCounts, window, { ...g1, level: levels.atG1 }, g1Means, g1Cv, { belowSd: 3, aboveSd: 1, edge: 'rising', level: 'held' });
    g2Means = { min: linearity.min * g1.mean, max: linearity.max * g1.mean };
    const cvs2 = g2Cv(g1.cv);
    g2Start = { ...g2, cv: clamp(g2.cv, cvs2.min, cvs2.max), level: levels.atG2 };
    g2 = fitG2(firstCounts, window, g2Start, g2Means, cvs2);
    iterations += g1.iterations + g2.iterations;
  }
  // Held only once G0/G1 has settled, so that a held G2/M never moves G0/G1's S level.
  const g2Held = !separates(g2, g1, g2Start.level, g2Means, g2Cv(g1.cv));
  if (g2Held) g2 = heldG2(firstCounts, window, g1, { ...g2Start, area: g2.area }, g2Means);

  const g1Curve = peakCurve(g1, startBin, n);
  const g2Curve = peakCurve(g2, startBin, n);
  const cycleStart = Math.max(startBin, Math.ceil(g1.mean - CYCLE_REGION_SD * g1.cv * g1.mean));
  const cycleEnd = Math.min(endBin, Math.floor(g2.mean + CYCLE_REGION_SD * g2.cv * g2.mean));

  const debrisShape = modelsDebris(histogram, options, startBin, estimate) ? singleCutDebrisShape(counts, startBin, endBin) : null;
  const aggregates = options.aggregates === 'off' ? null : aggregateShapes(counts, startBin, endBin, options.aggregates === 'doublets-and-triplets');
  let windowEvents = 0;
  for (let i = startBin; i < endBin; i++) windowEvents += counts[i];
  const tripletScale = windowEvents > 0 ? 1 / windowEvents : 0;
  const outside = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i + startBin < cycleStart || i + startBin >= cycleEnd);
  const held = Float64Array.from(g1Curve, (v, i) => v + g2Curve[i] + secondCurve[i]);
  const background = fitBackground(counts, startBin, outside, held, debrisShape, aggregates, tripletScale);

  const debris = debrisShape ? debrisShape.map((v) => v * background.debris) : new Float64Array(n);
  const aggregateCurve = new Float64Array(n);
  if (aggregates) addAggregates(aggregateCurve, aggregates, background.doublets, tripletScale);
  const s = new Float64Array(n);
  let sEvents = 0;
  for (let bin = cycleStart; bin < cycleEnd; bin++) {
    const i = bin - startBin;
    const residual = counts[bin] - held[i] - debris[i] - aggregateCurve[i];
    sEvents += residual;
    s[i] = Math.max(residual, 0);
  }

  const atBounds: FitParameterName[] = [];
  if (isAtBound(g1.mean, g1Means)) atBounds.push('g1Mean');
  if (isAtBound(g1.cv, g1Cv)) atBounds.push('g1Cv');
  if (!g2Held && isAtBound(g2.mean, g2Means)) atBounds.push('linearity');
  if (!g2Held && options.g2CvPercent.kind !== 'equal-to-g1' && isAtBound(g2.cv, g2Cv(g1.cv))) atBounds.push('g2Cv');
  const freeCount = [g1Means, g1Cv].filter((r) => r.min < r.max).length + (g2Held ? 0 : 2) + 2 + (second ? 4 : 0) + background.parameterCount;
  const secondGeometry = second && { mean1: second.g1.mean, sd1: second.g1.cv * second.g1.mean, mean2: second.g2.mean, sd2: second.g2.cv * second.g2.mean };

  return summariseFit({
    histogram,
    options,
    startBin,
    endBin,
    geometry: { mean1: g1.mean, sd1: g1.cv * g1.mean, mean2: g2.mean, sd2: g2.cv * g2.mean, second: secondGeometry },
    sPhaseOrder: null,
    g1Events: g1.area,
    sEvents: Math.max(sEvents, 0),
    g2mEvents: g2.area,
    secondEvents: second && { g1: second.g1.area, s: 0, g2m: second.g2.area },
    debrisModelled: debrisShape !== null,
    g2Held,
    debrisEvents: background.debris,
    aggregateEvents: aggregates ? aggregateEvents(aggregates, background.doublets, tripletScale) : 0,
    components: { g1: g1Curve, s, g2m: g2Curve, subG1Shoulder: new Float64Array(n), debris, aggregates: aggregateCurve, second: secondCurve },
    chiSquare: g1.chiSquare + g2.chiSquare + (second ? second.g1.chiSquare + second.g2.chiSquare : 0) + background.chiSquare,
    chiSquareBins: g1.bins + g2.bins + (second ? second.g1.bins + second.g2.bins : 0) + outside.length,
    freeParameterCount: freeCount,
    iterations: iterations + background.iterations,
    converged: g1.converged && g2.converged && background.converged,
    parametersAtBounds: atBounds,
  });
}

/** The free G2/M fit on −1…+3 SD; nothing to fit (area 0) when all of G2/M lies beyond the window. */
function fitG2(counts: Float64Array, window: BinWindow, start: PeakStart, means: Range, cvs: Range, level: 'held' | 'fitted' = 'held'): PeakFit {
  if (means.min - CYCLE_REGION_SD * cvs.min * means.min >= window.endBin) return { ...NO_FIT, area: 0, mean: start.mean, cv: start.cv };
  return fitPeakWindow(counts, window, start, means, cvs, { belowSd: 1, aboveSd: 3, edge: 'falling', level });
}

/**
 * A free G2/M fit found a peak: taller than the S level, narrower than twice G0/G1, at a believable ratio to G0/G1
 * (1.85–2.15), its position and CV off their limits.
 */
function separates(g2: PeakFit, g1: PeakFit, level: number, means: Range, cvs: Range): boolean {
  const height = g2.area / (Math.sqrt(2 * Math.PI) * g2.cv * g2.mean);
  const ratio = g2.mean / g1.mean;
  const believable = ratio >= QUALITY_LIMITS.g2g1Ratio.min && ratio <= QUALITY_LIMITS.g2g1Ratio.max;
  return g2.area > 0 && height >= level && believable && g2.cv <= MAX_G2_CV_RATIO * g1.cv && !isAtBound(g2.mean, means) && !isAtBound(g2.cv, cvs);
}

/**
 * G2/M with the G0/G1 CV, its position within the believable band (1.85–2.15 × G0/G1, as far as the allowed linearity
 * permits). Started from the band's low end, its middle and 2 × G0/G1, keeping the fit closest to the histogram per bin:
 * a start on the far side of a sharp G2/M edge finds no peak there and, with its size at zero, no way back.
 */
function heldG2(counts: Float64Array, window: BinWindow, g1: PeakFit, start: PeakStart, means: Range): PeakFit {
  const believable = { min: Math.max(means.min, QUALITY_LIMITS.g2g1Ratio.min * g1.mean), max: Math.min(means.max, QUALITY_LIMITS.g2g1Ratio.max * g1.mean) };
  const band = believable.min <= believable.max ? believable : means;
  const starts = [band.min, (band.min + band.max) / 2, clamp(HELD_LINEARITY * g1.mean, band.min, band.max)];
  const fits = starts.map((mean) => fitG2(counts, window, { ...start, mean, cv: g1.cv }, band, { min: g1.cv, max: g1.cv }, 'fitted'));
  return fits.reduce((best, fit) => (chiSquarePerBin(fit) < chiSquarePerBin(best) ? fit : best));
}

function chiSquarePerBin(fit: PeakFit): number {
  return fit.bins > 0 ? fit.chiSquare / fit.bins : Infinity;
}

/** The second population's G0/G1 and G2/M (at the first population's linearity), each on ±2 SD over a fitted level. */
function fitSecondPopulation(counts: Float64Array, window: BinWindow, estimate: CycleEstimate, dnaIndex: Range): { g1: PeakFit; g2: PeakFit } | null {
  const { second } = estimate;
  if (!second) return null;
  const g1Mean = estimate.g1.mean;
  const linearity = estimate.g2.mean / g1Mean;
  const means = { min: dnaIndex.min * g1Mean, max: dnaIndex.max * g1Mean };
  const flat = { belowSd: SECOND_WINDOW_SD, aboveSd: SECOND_WINDOW_SD, edge: 'flat', level: 'fitted' } as const;
  const start = { area: second.g1.area, mean: second.g1.mean, cv: second.g1.sd / second.g1.mean, level: 0 };
  const first = fitPeakWindow(counts, window, start, means, constraintRange({ kind: 'free' }, 0.01, FREE_CV_PERCENT), flat);
  const g2Mean = linearity * first.mean;
  if (g2Mean - CYCLE_REGION_SD * first.cv * g2Mean >= window.endBin) return { g1: first, g2: { ...NO_FIT, area: 0, mean: g2Mean, cv: first.cv } };
  const g2Start = { area: second.g2.area, mean: g2Mean, cv: first.cv, level: 0 };
  return { g1: first, g2: fitPeakWindow(counts, window, g2Start, { min: g2Mean, max: g2Mean }, { min: first.cv, max: first.cv }, flat) };
}

interface BackgroundFit {
  debris: number;
  doublets: number;
  parameterCount: number;
  chiSquare: number;
  iterations: number;
  converged: boolean;
}

/** Debris and aggregate amounts from the bins outside the cycle region, with the fitted peaks' curves (`held`) subtracted. */
function fitBackground(
  counts: Float64Array,
  startBin: number,
  bins: Int32Array,
  held: Float64Array,
  debris: Float64Array | null,
  aggregates: AggregateShapes | null,
  tripletScale: number,
): BackgroundFit {
  const parameterCount = (debris ? 1 : 0) + (aggregates ? 1 : 0);
  const observed = Float64Array.from(bins, (i) => counts[startBin + i]);
  const offset = Float64Array.from(bins, (i) => held[i]);
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
