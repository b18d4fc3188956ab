import { writeGaussianBins } from './componentShapes.ts';
import { normalCdf } from './normalDistribution.ts';
import { GaussianPeakModel, type SPhaseEdge } from './peakModel.ts';
import { fitPoissonCounts } from './poissonFit.ts';

/* One peak of the Watson pragmatic model fitted on a few SDs of its own flank (Watson, Chambers & Smith 1987). */

export interface PeakFit {
  area: number;
  /** Channels. */
  mean: number;
  /** Fraction. */
  cv: number;
  chiSquare: number;
  bins: number;
  iterations: number;
  converged: boolean;
}

export interface Range {
  min: number;
  max: number;
}

export interface BinWindow {
  startBin: number;
  endBin: number;
}

/** Where a peak is fitted: `belowSd`…`aboveSd` about its mean, over an S level stepping as `edge` says. */
export interface PeakWindow {
  belowSd: number;
  aboveSd: number;
  edge: SPhaseEdge;
  /** The S level is held (G0/G1, G2/M, from the histogram between them) or fitted (a second population's peak). */
  level: 'held' | 'fitted';
}

export const NO_FIT = { chiSquare: 0, bins: 0, iterations: 0, converged: true } as const;

const MAX_RECENTRINGS = 6;
const MIN_PEAK_BINS = 4;
/** The S level near each peak is read from the histogram from this many SDs away from the peaks. */
const S_LEVEL_CLEARANCE_SD = 2.5;

/** Where a fit starts: the peak and the S level beside it (events per bin). */
export interface PeakStart {
  area: number;
  mean: number;
  cv: number;
  level: number;
}

/**
 * Fits one Gaussian on [μ − below·σ, μ + above·σ] over an S level that steps up, down or not across it, re-centring
 * the window on each new estimate. The mean is kept inside the analysis window, so a peak never leaves it.
 */
export function fitPeakWindow(
  counts: Float64Array,
  window: BinWindow,
  start: PeakStart,
  means: Range,
  cvs: Range,
  { belowSd, aboveSd, edge, level: levelMode }: PeakWindow,
): PeakFit {
  const meanRange = { min: clamp(means.min, window.startBin, window.endBin - 1), max: clamp(means.max, window.startBin, window.endBin - 1) };
  const level = Math.max(start.level, 0);
  let params: Float64Array = Float64Array.of(Math.max(start.area, 1), clamp(start.mean, meanRange.min, meanRange.max), clamp(start.cv, cvs.min, cvs.max), level);
  const bounds = {
    lower: Float64Array.of(0, meanRange.min, cvs.min, levelMode === 'held' ? level : 0),
    upper: Float64Array.of(Infinity, meanRange.max, cvs.max, levelMode === 'held' ? level : Infinity),
  };
  let previous = '';
  let fit: PeakFit = { ...NO_FIT, area: params[0], mean: params[1], cv: params[2] };
  let iterations = 0;
  for (let pass = 0; pass < MAX_RECENTRINGS; pass++) {
    const sd = params[1] * params[2];
    const [first, last] = peakBins(window, params[1] - belowSd * sd, params[1] + aboveSd * sd);
    const key = `${first}:${last}`;
    if (key === previous) break;
    previous = key;
    const result = fitPoissonCounts(new GaussianPeakModel(first, last, edge), counts.slice(first, last), params, bounds);
    iterations += result.totalIterations;
    params = result.params;
    fit = { area: params[0], mean: params[1], cv: params[2], chiSquare: result.chiSquare, bins: last - first, iterations, converged: result.converged };
  }
  return fit;
}

/** Bins [first, last) covering [from, to] inside the window, at least four wide. */
function peakBins(window: BinWindow, from: number, to: number): [number, number] {
  let first = clamp(Math.floor(from), window.startBin, window.endBin - MIN_PEAK_BINS);
  let last = clamp(Math.ceil(to), first + MIN_PEAK_BINS, window.endBin);
  if (last - first < MIN_PEAK_BINS) {
    first = Math.max(window.startBin, last - MIN_PEAK_BINS);
    last = Math.min(window.endBin, first + MIN_PEAK_BINS);
  }
  return [first, last];
}

/**
 * S-phase level (events per bin) under each peak, from the histogram between the peaks with the current peak curves
 * subtracted (a dominant G2/M's flank would otherwise lift it): least squares of (a + b·x)·E(x), where
 * E(x) = Φ((x − μ1)/σ1) − Φ((x − μ2)/σ2) is how the peaks' blur rounds the ends of S phase, over μ1 + 2.5σ1 … μ2 − 2.5σ2,
 * read as a + b·μ at each mean. When the peaks leave fewer than five bins between them, the lowest bin there.
 */
export function sPhaseLevelsAtPeaks(counts: Float64Array, window: BinWindow, g1: PeakFit, g2: PeakFit): { atG1: number; atG2: number } {
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

/** Modelled events per bin of a fitted peak over [startBin, startBin + length). */
export function peakCurve(peak: PeakFit, startBin: number, length: number): Float64Array {
  const curve = new Float64Array(length);
  writeGaussianBins(curve, startBin, peak.mean, peak.cv * peak.mean);
  for (let i = 0; i < length; i++) curve[i] *= peak.area;
  return curve;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

export function isAtBound(value: number, range: Range): boolean {
  if (range.min === range.max) return false;
  const tolerance = 1e-6 * Math.max(Math.abs(value), 1e-12);
  return value - range.min <= tolerance || range.max - value <= tolerance;
}
