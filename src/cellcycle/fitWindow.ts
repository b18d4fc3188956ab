import { smoothCounts } from '../binning/smoothCounts.ts';
import { CellCycleError } from './cellCycleError.ts';
import { smoothingSdFor } from './histogramPeaks.ts';
import { estimateCyclePeaks, G2_BAND, type CycleEstimate } from './peakSearch.ts';
import type { CellCycleModelOptions, DnaHistogram } from './types.ts';

/** Debris and aggregate shapes cost O(bins²); 8,192 bins keeps one fit well under a second. */
export const MAX_HISTOGRAM_BINS = 8192;
const MIN_WINDOW_BINS = 16;
/** The automatic window starts this many G0/G1 SDs below the G0/G1 mean, leaving sub-G1 events to their range gate. */
const PEAK_WINDOW_START_SD = 3;
const VALLEY_SEARCH_FROM = 0.4;
const VALLEY_SEARCH_TO_SD = 2;

/** Throws a RangeError saying what is wrong with a histogram that cannot be fitted. */
export function validateDnaHistogram(histogram: DnaHistogram): void {
  const { counts, binWidth } = histogram;
  if (!(binWidth > 0 && Number.isFinite(binWidth))) {
    throw new RangeError(`DNA histogram: binWidth must be a positive number, got ${binWidth}`);
  }
  if (counts.length < MIN_WINDOW_BINS || counts.length > MAX_HISTOGRAM_BINS) {
    throw new RangeError(`DNA histogram: needs ${MIN_WINDOW_BINS}–${MAX_HISTOGRAM_BINS} bins, got ${counts.length}`);
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    if (!(count >= 0 && Number.isFinite(count))) {
      throw new RangeError(`DNA histogram: bin ${i} holds ${count}; counts must be finite and non-negative`);
    }
    total += count;
  }
  if (total === 0) {
    throw new CellCycleError('no-events', 'No events fall on the DNA axis: check the DNA channel, and that the singlet gate and the cells gate hold events.');
  }
}

export interface ResolvedWindow {
  startBin: number;
  endBin: number;
  /** Starting values, with fixed G0/G1 mean and CV already applied. */
  estimate: CycleEstimate;
  /** Where a free G0/G1 mean may go, in channels: ±20% of the detected peak, so a fit refines it rather than jumping to another. */
  g1Search: { min: number; max: number };
  /** Where a second population's DNA index may go: ±8% of the detected ratio, so it never swaps with G0/G1. */
  dnaIndexSearch: { min: number; max: number };
}

const G1_SEARCH_FRACTION = 0.2;
const DNA_INDEX_SEARCH_FRACTION = 0.08;

function withSearchRanges(startBin: number, endBin: number, estimate: CycleEstimate): ResolvedWindow {
  const g1 = estimate.g1.mean;
  const dnaIndex = estimate.second ? estimate.second.g1.mean / g1 : 1;
  let dnaIndexSearch = { min: dnaIndex * (1 - DNA_INDEX_SEARCH_FRACTION), max: dnaIndex * (1 + DNA_INDEX_SEARCH_FRACTION) };
  // Never into the first population's G2/M band, where the second G0/G1 and the first G2/M would trade places.
  if (dnaIndex > G2_BAND.max) dnaIndexSearch = { ...dnaIndexSearch, min: Math.max(dnaIndexSearch.min, G2_BAND.max) };
  else if (dnaIndex < G2_BAND.min) dnaIndexSearch = { ...dnaIndexSearch, max: Math.min(dnaIndexSearch.max, G2_BAND.min) };
  return {
    startBin,
    endBin,
    estimate,
    g1Search: { min: Math.max(startBin, (1 - G1_SEARCH_FRACTION) * g1), max: Math.min(endBin, (1 + G1_SEARCH_FRACTION) * g1) },
    dnaIndexSearch,
  };
}

/**
 * The bins to fit and the starting values. A user window is taken as given. The automatic window runs from 4 SD below
 * the G0/G1 mean, or from the valley between an apoptotic hump and G0/G1 when that is higher, to the last non-empty
 * bin: sub-G1 events and low-channel debris, counted by the sub-G1 range, stay out of the fit.
 */
export function resolveWindow(
  histogram: DnaHistogram,
  options: CellCycleModelOptions,
  linearity: { min: number; max: number },
): ResolvedWindow {
  const { counts, binWidth } = histogram;
  const n = counts.length;
  if (options.window.kind === 'range') {
    const startBin = Math.max(0, Math.floor(options.window.min / binWidth));
    const endBin = Math.min(n, Math.ceil(options.window.max / binWidth));
    checkWindowSize(startBin, endBin, binWidth);
    return withSearchRanges(startBin, endBin, applyFixedPeak(estimateCyclePeaks(counts, startBin, endBin, linearity), options, binWidth));
  }
  const estimate = applyFixedPeak(estimateCyclePeaks(counts, 0, n, linearity), options, binWidth);
  const { g1, g2 } = estimate;
  const startBin = Math.max(0, Math.floor(g1.mean - PEAK_WINDOW_START_SD * g1.sd), valleyBelowG1(counts, g1.mean, g1.sd));
  let lastFilled = n - 1;
  while (lastFilled > 0 && counts[lastFilled] === 0) lastFilled--;
  const endBin = Math.min(n, Math.max(lastFilled + 1, Math.ceil(g2.mean + 4 * g2.sd)));
  checkWindowSize(startBin, endBin, binWidth);
  return withSearchRanges(startBin, endBin, estimate);
}

/**
 * The lowest point of the smoothed histogram between 0.4 × and 2 SD below the G0/G1 mean (the first one on ties):
 * the foot of G0/G1 when an apoptotic hump rises below it, far to the left (and so unused) when nothing does.
 */
export function valleyBelowG1(counts: Float64Array, g1Mean: number, g1Sd: number): number {
  const smooth = smoothCounts(counts, smoothingSdFor(counts.length));
  const first = Math.max(0, Math.floor(VALLEY_SEARCH_FROM * g1Mean));
  const last = Math.min(counts.length - 1, Math.floor(g1Mean - VALLEY_SEARCH_TO_SD * g1Sd));
  let valley = first;
  for (let i = first; i <= last; i++) if (smooth[i] < smooth[valley]) valley = i;
  return valley;
}

function checkWindowSize(startBin: number, endBin: number, binWidth: number): void {
  if (endBin - startBin < MIN_WINDOW_BINS) {
    throw new CellCycleError(
      'narrow-window',
      `The analysis window (${startBin * binWidth} to ${endBin * binWidth}) is too narrow to fit: widen it to at least ${MIN_WINDOW_BINS} of the ${MIN_WINDOW_BINS * binWidth}-unit channels, or let it be set automatically.`,
    );
  }
}

/**
 * Whether single-cut debris belongs in the model: as the options say, or with `auto` when the histogram below the
 * window shows debris (see hasDebrisBelow).
 */
export function modelsDebris(histogram: DnaHistogram, options: CellCycleModelOptions, startBin: number, estimate: CycleEstimate): boolean {
  if (options.debris !== 'auto') return options.debris === 'on';
  return hasDebrisBelow(histogram.counts, startBin, estimate);
}

/** Debris is looked for from a tenth of the G0/G1 content (below lie noise and the trigger threshold) to the window. */
const DEBRIS_FROM = 0.1;
/** Just below the window, debris must reach a quarter of the S-phase level to matter under S phase. */
const DEBRIS_S_FRACTION = 0.25;
/** Debris falls towards G0/G1: its lower half is at least 1.2 × as dense as its upper half (1.3–3.2 on the Gallios files). */
const DEBRIS_SLOPE = 1.2;

/**
 * Whether the histogram below the analysis window shows debris worth modelling: a continuum clearly denser in its
 * lower half than in its upper half (debris falls towards G0/G1, as cut nuclei do; an apoptotic hump is flat or rises
 * towards it and is left to the sub-G1 range), and reaching, just below the window, a quarter of the S-phase level.
 */
export function hasDebrisBelow(counts: Float64Array, startBin: number, estimate: CycleEstimate): boolean {
  let filled = 0;
  while (filled < startBin && counts[filled] === 0) filled++;
  const from = Math.max(filled, Math.ceil(DEBRIS_FROM * estimate.g1.mean));
  const middle = Math.floor((from + startBin) / 2);
  if (middle - from < 2 || startBin - middle < 2) return false;
  const lower = meanCount(counts, from, middle);
  const upper = meanCount(counts, middle, startBin);
  return upper > 0 && lower >= DEBRIS_SLOPE * upper && upper >= DEBRIS_S_FRACTION * estimate.sLevel;
}

function meanCount(counts: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += counts[i];
  return sum / (to - from);
}

function applyFixedPeak(estimate: CycleEstimate, options: CellCycleModelOptions, binWidth: number): CycleEstimate {
  let { g1 } = estimate;
  if (options.g1Mean.kind === 'fixed') g1 = { ...g1, mean: options.g1Mean.value / binWidth, sd: (g1.sd / g1.mean) * (options.g1Mean.value / binWidth) };
  if (options.g1CvPercent.kind === 'fixed') g1 = { ...g1, sd: (options.g1CvPercent.value / 100) * g1.mean };
  const g2Mean = options.linearity.kind === 'fixed' ? options.linearity.value * g1.mean : estimate.g2.mean;
  return { ...estimate, g1, g2: { ...estimate.g2, mean: g2Mean, sd: (g1.sd / g1.mean) * g2Mean } };
}
