import { smoothCounts } from '../binning/smoothCounts.ts';

/** A peak located on the histogram, in channel units (bin i covers [i, i + 1)). */
export interface PeakEstimate {
  mean: number;
  sd: number;
  /** Events under the peak, from its height and width. */
  area: number;
}

export interface CycleEstimate {
  g1: PeakEstimate;
  g2: PeakEstimate;
  /** Typical S-phase events per bin between the peaks. */
  sLevel: number;
}

/** e^(−1/2): a Gaussian's half-width at this fraction of its height is one SD (FlowJo's "60% of maximum"). */
const ONE_SD_HEIGHT = Math.exp(-0.5);
/** Peaks lower than this fraction of the highest are noise or shoulders. */
const MIN_PEAK_FRACTION = 0.03;
const MIN_PROMINENCE = 1.05;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

/**
 * Starting values for a cycle fit. G0/G1 is the highest peak, unless a distinct peak as sharp as it (same CV) sits at
 * 1/linearity of it, in which case the highest peak is an accumulated G2/M (drug-arrested samples) and that lower peak
 * is G0/G1; a broad apoptotic hump at half the G0/G1 content does not qualify. G2/M is then looked for at
 * linearity × G0/G1 within `linearity`. Throws when the window holds no peak.
 */
export function estimateCyclePeaks(
  counts: Float64Array,
  startBin: number,
  endBin: number,
  linearity: { min: number; max: number },
): CycleEstimate {
  const smoothingSd = smoothingSdFor(counts.length);
  const smooth = smoothCounts(counts, smoothingSd);
  const candidates = localMaxima(smooth, startBin, endBin, Math.max(2, 2 * smoothingSd));
  if (candidates.length === 0) {
    throw new RangeError(`cell-cycle fit: no G0/G1 peak found between bins ${startBin} and ${endBin} of the DNA histogram`);
  }
  const dominant = candidates.reduce((best, bin) => (smooth[bin] > smooth[best] ? bin : best));
  const dominantPeak = describePeak(smooth, dominant, smoothingSd, startBin);
  const dominantCv = dominantPeak.sd / dominantPeak.mean;
  const partner = candidates
    .filter((bin) => {
      const ratio = dominantPeak.mean / (bin + 0.5);
      return (
        ratio >= linearity.min &&
        ratio <= linearity.max &&
        smooth[bin] >= MIN_PEAK_FRACTION * smooth[dominant] &&
        isDistinctPeak(smooth, bin, Math.max(dominantCv * (bin + 0.5), smoothingSd))
      );
    })
    .map((bin) => describePeak(smooth, bin, smoothingSd, startBin))
    .find((peak) => peak.sd / peak.mean <= 1.6 * dominantCv);

  const g1 = partner ?? dominantPeak;
  const g2Mean = partner ? dominantPeak.mean : findG2Mean(smooth, g1.mean, linearity, endBin);
  const g2Sd = (g1.sd / g1.mean) * g2Mean;
  const sLevel = typicalLevelBetween(smooth, g1.mean + 3 * g1.sd, g2Mean - 3 * g2Sd);
  const g2Height = smooth[Math.min(Math.floor(g2Mean), smooth.length - 1)] ?? 0;
  const g2Area = Math.max(g2Height - sLevel, 0) * SQRT_TWO_PI * g2Sd;
  return { g1, g2: { mean: g2Mean, sd: g2Sd, area: g2Area }, sLevel };
}

/** Smoothing SD in bins for peak finding: one bin per 512 bins of histogram. */
export function smoothingSdFor(binCount: number): number {
  return Math.max(1, Math.round(binCount / 512));
}


/**
 * Bins that are the highest within ±radius, above the noise floor, not on the window's first bins, and at least 5%
 * above the lowest point within ±1/32 of the histogram (a flat or slowly rolling histogram has no peak).
 */
function localMaxima(smooth: Float64Array, startBin: number, endBin: number, radius: number): number[] {
  let highest = 0;
  for (let i = startBin; i < endBin; i++) highest = Math.max(highest, smooth[i]);
  const margin = Math.max(3, Math.ceil(0.02 * (endBin - startBin)));
  const reach = Math.max(radius, Math.ceil(smooth.length / 32));
  const found: number[] = [];
  for (let i = startBin + margin; i < endBin - 1; i++) {
    if (smooth[i] < MIN_PEAK_FRACTION * highest || smooth[i] <= 0) continue;
    let isMaximum = true;
    for (let j = Math.max(0, i - radius); j <= Math.min(smooth.length - 1, i + radius) && isMaximum; j++) {
      if (smooth[j] > smooth[i] || (smooth[j] === smooth[i] && j < i)) isMaximum = false;
    }
    if (!isMaximum) continue;
    let lowest = smooth[i];
    for (let j = Math.max(0, i - reach); j <= Math.min(smooth.length - 1, i + reach); j++) lowest = Math.min(lowest, smooth[j]);
    if (smooth[i] >= MIN_PROMINENCE * lowest) found.push(i);
  }
  return found;
}

/** A peak of SD `expectedSd` falls below half its height within 2.5 SD on both sides (at 1.18 SD for a lone Gaussian). */
function isDistinctPeak(smooth: Float64Array, bin: number, expectedSd: number): boolean {
  const reach = Math.ceil(2.5 * expectedSd);
  const half = 0.5 * smooth[bin];
  let leftDrops = false;
  let rightDrops = false;
  for (let k = 1; k <= reach; k++) {
    if (bin - k >= 0 && smooth[bin - k] < half) leftDrops = true;
    if (bin + k < smooth.length && smooth[bin + k] < half) rightDrops = true;
  }
  return leftDrops && rightDrops;
}

/** Mean by a parabola through the top three bins; SD from the left half-width at e^(−1/2) of the height. */
function describePeak(smooth: Float64Array, bin: number, smoothingSd: number, startBin: number): PeakEstimate {
  const left = smooth[bin - 1] ?? smooth[bin];
  const right = smooth[bin + 1] ?? smooth[bin];
  const curvature = left - 2 * smooth[bin] + right;
  const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (left - right)) / curvature)) : 0;
  const mean = bin + 0.5 + offset;
  const level = ONE_SD_HEIGHT * smooth[bin];
  let i = bin;
  while (i > startBin && smooth[i] > level) i--;
  const crossing = smooth[i] > level ? i : i + (level - smooth[i]) / (smooth[i + 1] - smooth[i]);
  const halfWidth = Math.max(mean - (crossing + 0.5), 0.5);
  const sd = Math.sqrt(Math.max(halfWidth * halfWidth - smoothingSd * smoothingSd, 0.25));
  return { mean, sd, area: smooth[bin] * SQRT_TWO_PI * halfWidth };
}

function findG2Mean(smooth: Float64Array, g1Mean: number, linearity: { min: number; max: number }, endBin: number): number {
  const first = Math.floor(linearity.min * g1Mean);
  const last = Math.min(Math.ceil(linearity.max * g1Mean), endBin - 1);
  let best = -1;
  for (let i = first; i <= last; i++) if (best < 0 || smooth[i] > smooth[best]) best = i;
  const nominal = Math.min(Math.max(2, linearity.min), linearity.max) * g1Mean;
  // A maximum on the edge of the search range is S phase or aggregates running into it, not a G2/M peak.
  if (best <= first || best >= last) return nominal;
  return best + 0.5;
}

/** Median of the smoothed histogram between two positions (or half the lowest value between the peaks). */
function typicalLevelBetween(smooth: Float64Array, from: number, to: number): number {
  const first = Math.max(0, Math.ceil(from));
  const last = Math.min(smooth.length - 1, Math.floor(to));
  if (last - first < 3) {
    let lowest = Infinity;
    for (let i = Math.max(0, Math.floor(from)); i <= Math.min(smooth.length - 1, Math.ceil(to)); i++) lowest = Math.min(lowest, smooth[i]);
    return Number.isFinite(lowest) ? lowest / 2 : 0;
  }
  const values = Array.from(smooth.subarray(first, last + 1)).toSorted((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}
