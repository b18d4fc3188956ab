import { smoothCounts } from '../binning/smoothCounts.ts';
import { CellCycleError } from './cellCycleError.ts';
import { findHistogramPeaks, smoothingSdFor, type HistogramPeak } from './histogramPeaks.ts';

/** A peak located on the histogram, in channel units (bin i covers [i, i + 1)). */
export interface PeakEstimate {
  mean: number;
  sd: number;
  /** Events under the peak, from its height and width. */
  area: number;
}

/** A G0/G1 peak and the G2/M peak expected at `linearity` × its content. */
export interface PopulationEstimate {
  g1: PeakEstimate;
  g2: PeakEstimate;
}

export interface CycleEstimate extends PopulationEstimate {
  /** Typical S-phase events per bin between G0/G1 and G2/M. */
  sLevel: number;
  /**
   * A second G1-like population above G0/G1 (an internal standard such as chicken or trout erythrocytes or plant
   * nuclei, or an aneuploid clone beside diploid cells), or null when the histogram shows none.
   */
  second: PopulationEstimate | null;
}

/**
 * A debris hump low on the axis is outclassed by a peak at 2.5× its position or more (beyond any G2/M of it) that is at
 * least twice as sharp and holds a fifth of its events: that peak, not the hump, is where nuclei of one DNA content are.
 */
const OUTCLASS_POSITION = 2.5;
const OUTCLASS_CV_RATIO = 2;
const OUTCLASS_AREA_FRACTION = 0.2;
/**
 * Where the G2/M peak of a G0/G1 peak falls: PI's G2/M sits a little short of 2 × G0/G1 more often than beyond it
 * (1.88 on the BD time course, 1.9–2.05 on the Gallios files). A peak outside this band is not a G2/M.
 */
export const G2_BAND = { min: 1.8, max: 2.15 } as const;
/**
 * With broad peaks the G2/M bump's top is pulled towards S phase (to 1.7 × G0/G1 at 12% CV, 1.77 × at 15%): the band
 * reaches down to 2 − 3 CV below its usual 1.8.
 */
const G2_BAND_CV_REACH = 3;

/**
 * A distinct peak at 1/G2_BAND of the tallest one, no more than twice as broad, is G0/G1 and the tallest its G2/M: a
 * G2/M-arrested sample, or 4C nuclei of plant tissue (flowPloidy takes the lower of such a pair as G0/G1 too).
 */
const ARREST_CV_RATIO = 2;
const MIN_PARTNER_FRACTION = 0.03;
/**
 * A second population: a distinct peak holding at least 5% of the G0/G1 events, of CV at most 10% and at most 2.5× as
 * broad as G0/G1 (internal standards are often much sharper than the sample, clones about as sharp; debris,
 * apoptotic humps and the S-G2/M bumps of broad histograms are broader), outside the G2/M band of any peak already
 * placed, and not an aggregate of two placed peaks. A population broader or smaller than that cannot be told from S
 * phase (ModFit asks for CVs under 8% to report a DNA index); a spike under 1% CV is electronics, not nuclei (the
 * sharpest standards, plant nuclei, measure 1.5–2%).
 */
const MIN_SECOND_FRACTION = 0.05;
const SECOND_CV = { min: 0.01, max: 0.1 };
const SECOND_CV_RATIO = 2.5;
/**
 * Doublets of two placed peaks land at the sum of their contents, within this fraction, and hold far fewer events
 * than either (25% doublets give a G0/G1 + G2/M peak of about a quarter of G2/M).
 */
const AGGREGATE_TOLERANCE = 0.05;
const AGGREGATE_AREA_FRACTION = 0.5;

const cvOf = (peak: HistogramPeak) => peak.sd / peak.mean;
const tallest = (peaks: HistogramPeak[]) => peaks.reduce((best, peak) => (peak.height > best.height ? peak : best));
const within = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

/** Where the G2/M of `g1` may sit, relative to it. */
function g2BandOf(g1: HistogramPeak): { min: number; max: number } {
  return { min: Math.min(G2_BAND.min, 2 - G2_BAND_CV_REACH * cvOf(g1)), max: G2_BAND.max };
}

/**
 * Starting values for a cycle fit. G0/G1 is the tallest peak not outclassed by a sharper one higher up (debris humps
 * are broad and low on the axis), unless a distinct peak no more than twice as broad sits at 1/G2_BAND of it, in which
 * case the tallest peak is an accumulated G2/M (drug-arrested samples, 4C plant nuclei) and that lower peak is G0/G1. A second G1-like population is looked for among the other peaks; of the two,
 * the lower is reported as G0/G1 (flowPloidy's peak A) and the higher as the second population. Each G2/M is looked
 * for at linearity × its G0/G1. Throws a CellCycleError when the window holds no peak.
 */
export function estimateCyclePeaks(
  counts: Float64Array,
  startBin: number,
  endBin: number,
  linearity: { min: number; max: number },
): CycleEstimate {
  const peaks = findHistogramPeaks(counts, startBin, endBin);
  if (peaks.length === 0) {
    throw new CellCycleError(
      'no-peak',
      'No G0/G1 peak stands out in the DNA histogram: check that the DNA channel is the right one, on a linear scale, and that the tube holds stained nuclei.',
    );
  }
  const pool = peaks.filter(
    (low) =>
      !peaks.some(
        (high) =>
          high.mean >= OUTCLASS_POSITION * low.mean &&
          cvOf(high) * OUTCLASS_CV_RATIO <= cvOf(low) &&
          high.area >= OUTCLASS_AREA_FRACTION * low.area,
      ),
  );
  const dominant = tallest(pool);
  const arrested = pool.filter(
    (peak) =>
      peak.distinct &&
      peak.height >= MIN_PARTNER_FRACTION * dominant.height &&
      within(dominant.mean / peak.mean, g2BandOf(peak)) &&
      cvOf(peak) <= ARREST_CV_RATIO * cvOf(dominant),
  );
  const main = arrested.length > 0 ? tallest(arrested) : dominant;
  const other = secondPopulationPeak(peaks, main);
  const [first, second] = other && other.mean < main.mean ? [other, main] : [main, other];

  const smooth = smoothCounts(counts, smoothingSdFor(counts.length));
  // G0/G1's SD from its left half-width (FlowJo's starting value): S phase widens the right side, and the analysis
  // window that starts 3 SD below the mean must not take in an apoptotic plateau under the left flank.
  const population = (g1: HistogramPeak): PopulationEstimate => {
    const g1Estimate = { mean: g1.mean, sd: g1.sdLeft, area: g1.area };
    const g2Peak = peaks.find((peak) => peak.mean > g1.mean && within(peak.mean / g1.mean, linearity));
    const g2Mean = g2Peak?.mean ?? Math.min(Math.max(2, linearity.min), linearity.max) * g1.mean;
    const g2Sd = (g1.sdLeft / g1.mean) * g2Mean;
    return { g1: g1Estimate, g2: { mean: g2Mean, sd: g2Sd, area: g2Peak?.area ?? 0 } };
  };
  const { g1, g2 } = population(first);
  const sLevel = typicalLevelBetween(smooth, g1.mean + 3 * g1.sd, g2.mean - 3 * g2.sd);
  const g2Height = smooth[Math.min(Math.floor(g2.mean), smooth.length - 1)] ?? 0;
  const g2Area = g2.area > 0 ? g2.area : Math.max(g2Height - sLevel, 0) * Math.sqrt(2 * Math.PI) * g2.sd;
  return { g1, g2: { ...g2, area: g2Area }, sLevel, second: second ? population(second) : null };
}

/**
 * The largest peak that qualifies as a second G1-like population beside `g1`, or null. Walking up the axis, a peak in
 * the G2/M band of a G1-like peak already placed is its G2/M; a peak where two placed peaks' aggregates fall (G0/G1 +
 * G2/M at ~3×, two G2/M at ~4×) and smaller than both is an aggregate; the others qualify if distinct, large enough
 * and about as sharp as G0/G1.
 */
function secondPopulationPeak(peaks: HistogramPeak[], g1: HistogramPeak): HistogramPeak | null {
  const owners = [g1];
  const g2s: HistogramPeak[] = [];
  const candidates: HistogramPeak[] = [];
  for (const peak of peaks) {
    if (peak === g1) continue;
    if (owners.some((owner) => within(owner.mean / peak.mean, g2BandOf(peak)))) continue;
    if (owners.some((owner) => within(peak.mean / owner.mean, g2BandOf(owner)))) {
      g2s.push(peak);
      continue;
    }
    const placed = [...owners, ...g2s];
    const isAggregate = placed.some((a) =>
      placed.some(
        (b) => Math.abs(a.mean + b.mean - peak.mean) <= AGGREGATE_TOLERANCE * peak.mean && peak.area < AGGREGATE_AREA_FRACTION * Math.min(a.area, b.area),
      ),
    );
    const cvRatio = cvOf(peak) / cvOf(g1);
    const qualifies =
      !isAggregate &&
      peak.distinct &&
      peak.area >= MIN_SECOND_FRACTION * g1.area &&
      within(cvOf(peak), SECOND_CV) &&
      cvRatio <= SECOND_CV_RATIO;
    if (qualifies) {
      candidates.push(peak);
      owners.push(peak);
    }
  }
  return candidates.length > 0 ? candidates.reduce((best, peak) => (peak.area > best.area ? peak : best)) : null;
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
