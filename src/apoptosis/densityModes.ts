/**
 * Two-population splits on one axis by the density valley between modes, the way flowDensity's deGate and flowStats'
 * rangeGate place a cut (Malek et al., Bioinformatics 2015;31:606; flowStats rangeGate: valley between the two
 * highest density peaks). The density is a histogram smoothed with a Gaussian kernel; a mode counts only when its
 * prominence (height above the higher of the two saddles that separate it from any higher mode) is a set fraction
 * of the highest mode, so noise bumps in a tail are not populations.
 */
import { binHistogram1d, type NumericColumn } from '../binning/histogram.ts';
import { smoothCounts } from '../binning/smoothCounts.ts';

export interface DensityOptions {
  /** Axis range binned; values outside are ignored (not piled at the edges). */
  lo: number;
  hi: number;
  bins: number;
  /** Gaussian smoothing SD in axis units. */
  smoothing: number;
}

export interface SmoothedDensity {
  lo: number;
  binWidth: number;
  /** Smoothed counts per bin. */
  values: Float64Array;
}

/** Smoothed histogram of `values[events]` (all values when `events` is null); NaN and off-range values are left out. */
export function smoothedDensity(values: NumericColumn, events: Uint32Array | null, options: DensityOptions): SmoothedDensity {
  const { lo, hi, bins, smoothing } = options;
  const histogram = binHistogram1d(values, events, lo, hi, bins);
  const counts = Float64Array.from(histogram.counts);
  // binHistogram1d piles off-range events into the edge bins; a pile is not a population.
  counts[0] -= histogram.below;
  counts[bins - 1] -= histogram.above;
  const binWidth = (hi - lo) / bins;
  return { lo, binWidth, values: smoothCounts(counts, smoothing / binWidth) };
}


/** Bin index → axis value at the bin centre. */
function binCentre(density: SmoothedDensity, bin: number): number {
  return density.lo + (bin + 0.5) * density.binWidth;
}

interface Mode {
  bin: number;
  prominence: number;
}

/** Local maxima (plateaus count once, at their left end) with their topographic prominence. */
function modesWithProminence(d: Float64Array): Mode[] {
  const modes: Mode[] = [];
  for (let i = 0; i < d.length; i++) {
    const left = i === 0 ? -Infinity : d[i - 1];
    let right = i + 1;
    while (right < d.length && d[right] === d[i]) right++;
    const rightValue = right === d.length ? -Infinity : d[right];
    if (!(d[i] > left && d[i] > rightValue) || d[i] <= 0) continue;
    const saddle = Math.max(saddleTowardsHigher(d, i, -1), saddleTowardsHigher(d, right - 1, 1));
    modes.push({ bin: i, prominence: saddle === -Infinity ? d[i] : d[i] - saddle });
  }
  return modes;
}

/** Lowest density between bin `from` and the first higher bin in direction `step`; −∞ when no bin is higher. */
function saddleTowardsHigher(d: Float64Array, from: number, step: 1 | -1): number {
  let lowest = d[from];
  for (let j = from + step; j >= 0 && j < d.length; j += step) {
    if (d[j] > d[from]) return lowest;
    lowest = Math.min(lowest, d[j]);
  }
  return -Infinity;
}

export interface ModeSplit {
  /** Axis value of the highest mode. */
  mainMode: number;
  /** Axis value of the other population's mode. */
  otherMode: number;
  /** Axis value of the density minimum between the two modes. */
  valley: number;
  /** Density at the valley ÷ density of the lower of the two modes (0 = empty valley, near 1 = barely separated). */
  valleyDepth: number;
}

export interface SplitOptions {
  /** Where to look for the second population relative to the highest mode. */
  side: 'below' | 'above' | 'either';
  /** Smallest distance between the two modes, in axis units. */
  minSeparation: number;
  /** Smallest prominence of the second mode, as a fraction of the highest mode's density. */
  minProminence: number;
}

/**
 * The highest mode and the most prominent other mode on `side` of it at least `minSeparation` away, and the
 * valley between them; null when there is no such second population.
 */
export function splitAtValley(density: SmoothedDensity, options: SplitOptions): ModeSplit | null {
  const d = density.values;
  const modes = modesWithProminence(d);
  if (modes.length === 0) return null;
  const main = modes.reduce((best, m) => (d[m.bin] > d[best.bin] ? m : best));
  const separationBins = options.minSeparation / density.binWidth;
  const others = modes.filter((m) => {
    const offset = m.bin - main.bin;
    const onSide = options.side === 'either' || (options.side === 'below' ? offset < 0 : offset > 0);
    return onSide && Math.abs(offset) >= separationBins && m.prominence >= options.minProminence * d[main.bin];
  });
  if (others.length === 0) return null;
  const other = others.reduce((best, m) => (m.prominence > best.prominence ? m : best));
  const [from, to] = other.bin < main.bin ? [other.bin, main.bin] : [main.bin, other.bin];
  let valley = from;
  for (let i = from; i <= to; i++) if (d[i] < d[valley]) valley = i;
  // An empty gap between well-separated populations is a run of equal (zero) bins: cut in its middle.
  let runEnd = valley;
  while (runEnd + 1 <= to && d[runEnd + 1] === d[valley]) runEnd++;
  valley = (valley + runEnd) >> 1;
  return {
    mainMode: binCentre(density, main.bin),
    otherMode: binCentre(density, other.bin),
    valley: binCentre(density, valley),
    valleyDepth: d[valley] / Math.min(d[main.bin], d[other.bin]),
  };
}

/** Axis value of the highest point of the density. */
export function highestMode(density: SmoothedDensity): number {
  return binCentre(density, highestBin(density.values));
}

function highestBin(d: Float64Array): number {
  let main = 0;
  for (let i = 1; i < d.length; i++) if (d[i] > d[main]) main = i;
  return main;
}

/**
 * Walking down from the highest mode towards lower values, the first axis value where the density falls below
 * `fraction` of the highest mode (the lower end of a single population).
 */
export function lowerTail(density: SmoothedDensity, fraction: number): number {
  const d = density.values;
  const main = highestBin(d);
  let i = main;
  while (i > 0 && d[i] >= fraction * d[main]) i--;
  return binCentre(density, i);
}

/**
 * Distance from the highest mode to where the density first falls to half its height on `side` (linear between
 * bins): the half width at half maximum, ≈ 1.1774 SD for a Gaussian peak. Null when the density never falls that
 * low on that side (a peak cut by the axis end).
 */
export function halfWidthAtHalfMaximum(density: SmoothedDensity, side: 'below' | 'above'): number | null {
  const d = density.values;
  const peak = highestBin(d);
  const half = d[peak] / 2;
  const step = side === 'below' ? -1 : 1;
  for (let i = peak + step; i >= 0 && i < d.length; i += step) {
    if (d[i] > half) continue;
    const previous = d[i - step];
    const fraction = previous === d[i] ? 0 : (previous - half) / (previous - d[i]);
    return (Math.abs(i - peak) - 1 + fraction) * density.binWidth;
  }
  return null;
}
