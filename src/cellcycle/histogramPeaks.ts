import { smoothCounts } from '../binning/smoothCounts.ts';

/**
 * Peaks of a DNA histogram as a cytometrist reads them: a bump that rises and falls on both sides, stands out of the
 * counting noise, and is narrow enough to be nuclei of one DNA content. Channel units (bin i covers [i, i + 1)).
 */
export interface HistogramPeak {
  /** Bin of the smoothed maximum. */
  bin: number;
  mean: number;
  /** Half-widths at e^(−1/2) of the height on each side, less the smoothing: one SD for a Gaussian. */
  sdLeft: number;
  sdRight: number;
  /** Smoothed height, events per bin. */
  height: number;
  /** Geometric mean of the two half-widths: a peak's SD when S phase widens one side and debris the other. */
  sd: number;
  /** Events under the peak from its height and SD. */
  area: number;
  /** Falls below 70% of its height on both sides within 2.5 SD: a peak of its own, not a shoulder of another. */
  distinct: boolean;
}

/** e^(−1/2): a Gaussian's half-width at this fraction of its height is one SD (FlowJo's "60% of maximum"). */
const ONE_SD_HEIGHT = Math.exp(-0.5);
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
/**
 * A peak must rise above the higher of the lowest points separating it from higher ground by this many SDs of the
 * smoothed Poisson count at its top (a Gaussian kernel of SD s averages 2√π·s bins' worth of counts).
 */
const NOISE_SDS = 4;
/** Peaks lower than this fraction of the highest are noise or shoulders. */
const MIN_PEAK_FRACTION = 0.02;
/**
 * A threshold-cut debris slope rises in a bin or two and decays over tens of channels to the right: a peak whose right
 * half-width exceeds three times its left one is that. A G0/G1 peak may be skewed the other way (fixed cells on the
 * BD time course rise slowly and fall sharply: left up to ~4× the right), but not beyond six times. Broad S-phase
 * bumps and apoptotic humps are wider than any G0/G1 peak of a usable stain.
 */
const MAX_RIGHT_SIDE_RATIO = 3;
const MAX_LEFT_SIDE_RATIO = 6;
const MAX_CV = 0.25;
const DISTINCT_SD = 2.5;
/**
 * The dip a distinct peak shows on each side. Two equal peaks of 3% CV 11% apart (a sample and a close standard)
 * dip to ~55% between them; a shoulder does not dip at all.
 */
const DISTINCT_DIP = 0.7;

/** Smoothing SD in bins for peak finding: one bin per 512 bins of histogram. */
export function smoothingSdFor(binCount: number): number {
  return Math.max(1, Math.round(binCount / 512));
}

/** Peaks are looked for at the finest smoothing first, then at 2× and 4× for broad, flat-topped peaks. */
const SCALES = [1, 2, 4];

/**
 * The G1-like peaks between `startBin` and `endBin`, lowest first: significant local maxima of the smoothed histogram
 * with both flanks on the axis, roughly symmetric and at most 25% CV. A spike in the lowest channels (no left flank),
 * a debris slope (a cliff at the trigger threshold, a long tail) and S-phase plateaus are not peaks. A broad peak whose
 * top is flat or skewed (CV 10–12% G0/G1 of fixed human cells) shows as one only at a coarser smoothing; each peak is
 * described at the finest smoothing that shows it, and distinct if it dips at any.
 */
export function findHistogramPeaks(counts: Float64Array, startBin: number, endBin: number): HistogramPeak[] {
  const found: HistogramPeak[] = [];
  for (const scale of SCALES) {
    for (const peak of peaksAtScale(counts, startBin, endBin, scale * smoothingSdFor(counts.length))) {
      const same = found.findIndex((p) => Math.abs(p.mean - peak.mean) < Math.max(p.sdLeft, p.sdRight, peak.sdLeft, peak.sdRight));
      if (same < 0) found.push(peak);
      // A dip hidden by counting noise at a fine smoothing shows at a coarser one.
      else if (peak.distinct) found[same] = { ...found[same], distinct: true };
    }
  }
  return found.toSorted((a, b) => a.mean - b.mean);
}

function peaksAtScale(counts: Float64Array, startBin: number, endBin: number, smoothingSd: number): HistogramPeak[] {
  const smooth = smoothCounts(counts, smoothingSd);
  let highest = 0;
  for (let i = startBin; i < endBin; i++) highest = Math.max(highest, smooth[i]);
  const noiseScale = 1 / (2 * Math.sqrt(Math.PI) * smoothingSd);
  const peaks: HistogramPeak[] = [];
  for (let bin = startBin + 1; bin < endBin - 1; bin++) {
    const height = smooth[bin];
    if (!(height > smooth[bin - 1] && height >= smooth[bin + 1]) || height < MIN_PEAK_FRACTION * highest) continue;
    if (prominence(smooth, bin, startBin, endBin) < NOISE_SDS * Math.sqrt(height * noiseScale)) continue;
    const peak = describePeak(smooth, bin, smoothingSd, startBin, endBin);
    if (peak) peaks.push(peak);
  }
  return peaks;
}

/** Height above the higher of the two lowest points between the peak and higher ground (or the window's ends). */
function prominence(smooth: Float64Array, bin: number, startBin: number, endBin: number): number {
  const height = smooth[bin];
  let left = height;
  for (let i = bin - 1; i >= startBin && smooth[i] <= height; i--) left = Math.min(left, smooth[i]);
  let right = height;
  for (let i = bin + 1; i < endBin && smooth[i] <= height; i++) right = Math.min(right, smooth[i]);
  return height - Math.max(left, right);
}

/** Where the smoothed histogram first falls below `level` walking from `bin` by `step`, with linear interpolation; null off the window. */
function crossing(smooth: Float64Array, bin: number, level: number, step: 1 | -1, startBin: number, endBin: number): number | null {
  for (let i = bin + step; i >= startBin && i < endBin; i += step) {
    if (smooth[i] < level) {
      const previous = smooth[i - step];
      return i - step + (step * (previous - level)) / (previous - smooth[i]);
    }
  }
  return null;
}

function describePeak(smooth: Float64Array, bin: number, smoothingSd: number, startBin: number, endBin: number): HistogramPeak | null {
  const height = smooth[bin];
  const left = smooth[bin - 1];
  const right = smooth[bin + 1];
  const curvature = left - 2 * height + right;
  const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature)) : 0;
  const mean = bin + 0.5 + offset;
  const level = ONE_SD_HEIGHT * height;
  const low = crossing(smooth, bin, level, -1, startBin, endBin);
  const high = crossing(smooth, bin, level, 1, startBin, endBin);
  if (low === null || high === null) return null;
  const deconvolved = (halfWidth: number) => Math.sqrt(Math.max(halfWidth * halfWidth - smoothingSd * smoothingSd, 0.25));
  const sdLeft = deconvolved(bin - low);
  const sdRight = deconvolved(high - bin);
  const narrow = Math.min(sdLeft, sdRight);
  const skewed = sdRight > MAX_RIGHT_SIDE_RATIO * sdLeft || sdLeft > MAX_LEFT_SIDE_RATIO * sdRight;
  if (skewed || (sdLeft + sdRight) / 2 > MAX_CV * mean || mean - 2 * sdLeft <= 0) return null;
  const dipLow = crossing(smooth, bin, DISTINCT_DIP * height, -1, startBin, endBin);
  const dipHigh = crossing(smooth, bin, DISTINCT_DIP * height, 1, startBin, endBin);
  const reach = DISTINCT_SD * Math.max(narrow, smoothingSd);
  const distinct = dipLow !== null && dipHigh !== null && bin - dipLow <= reach && dipHigh - bin <= reach;
  const sd = Math.sqrt(sdLeft * sdRight);
  return { bin, mean, sdLeft, sdRight, sd, height, area: height * SQRT_TWO_PI * sd, distinct };
}
