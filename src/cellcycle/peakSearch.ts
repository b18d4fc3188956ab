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

/** A second population's peak has a CV below this; debris humps and apoptotic smears are broader. */
const USUAL_MAX_CV = 0.15;
/**
 * A debris hump low on the axis is outclassed by a peak at 2.5× its position or more (beyond any G2/M of it) that is at
 * least twice as sharp and holds a fifth of its events: that peak, not the hump, is where nuclei of one DNA content are.
 */
const OUTCLASS_POSITION = 2.5;
const OUTCLASS_CV_RATIO = 2;
const OUTCLASS_AREA_FRACTION = 0.2;
/** A peak as sharp as G0/G1 at 1/linearity of the tallest peak is G0/G1 of a G2/M-arrested sample. */
const ARREST_CV_RATIO = 1.6;
const MIN_PARTNER_FRACTION = 0.03;
/**
 * A second population: a distinct peak holding at least 3% of the G0/G1 events, with a CV within 2.5× of G0/G1's
 * either way (internal standards are often sharper than the sample, clones about as sharp), outside the G2/M band of
 * any peak already placed, and not where two placed peaks' aggregates fall.
 */
const MIN_SECOND_FRACTION = 0.03;
const SECOND_CV_RATIO = 2.5;
/** Doublets of two placed peaks land at the sum of their contents, within this fraction. */
const AGGREGATE_TOLERANCE = 0.05;

const cvOf = (peak: HistogramPeak) => peak.sd / peak.mean;
const tallest = (peaks: HistogramPeak[]) => peaks.reduce((best, peak) => (peak.height > best.height ? peak : best));
const within = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

/**
 * Starting values for a cycle fit. G0/G1 is the tallest peak not outclassed by a sharper one higher up (debris humps
 * are broad and low on the axis), unless a distinct
 * peak as sharp as it sits at 1/linearity of it, in which case the tallest peak is an accumulated G2/M (drug-arrested
 * samples) and that lower peak is G0/G1. A second G1-like population is looked for among the other peaks; of the two,
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
      within(dominant.mean / peak.mean, linearity) &&
      cvOf(peak) <= ARREST_CV_RATIO * cvOf(dominant),
  );
  const main = arrested.length > 0 ? tallest(arrested) : dominant;
  const other = secondPopulationPeak(peaks, main, linearity);
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
function secondPopulationPeak(peaks: HistogramPeak[], g1: HistogramPeak, linearity: { min: number; max: number }): HistogramPeak | null {
  const owners = [g1];
  const g2s: HistogramPeak[] = [];
  const candidates: HistogramPeak[] = [];
  for (const peak of peaks) {
    if (peak === g1) continue;
    if (owners.some((owner) => within(owner.mean / peak.mean, linearity))) continue;
    if (owners.some((owner) => within(peak.mean / owner.mean, linearity))) {
      g2s.push(peak);
      continue;
    }
    const placed = [...owners, ...g2s];
    const isAggregate = placed.some((a) =>
      placed.some((b) => Math.abs(a.mean + b.mean - peak.mean) <= AGGREGATE_TOLERANCE * peak.mean && peak.height < Math.min(a.height, b.height)),
    );
    const cvRatio = cvOf(peak) / cvOf(g1);
    const qualifies =
      !isAggregate &&
      peak.distinct &&
      peak.area >= MIN_SECOND_FRACTION * g1.area &&
      cvOf(peak) <= USUAL_MAX_CV &&
      cvRatio <= SECOND_CV_RATIO &&
      cvRatio >= 1 / SECOND_CV_RATIO;
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
