import type { CellCycleFit, DnaHistogram } from './types.ts';

/** [min, max) on the PI-A axis, data units. */
export interface PhaseRange {
  min: number;
  max: number;
}

/** The four named range gates of the DNA histogram; each range starts where the previous one ends. */
export interface PhaseRanges {
  subG1: PhaseRange;
  g0g1: PhaseRange;
  s: PhaseRange;
  g2m: PhaseRange;
}

/** Below μ1 − 3σ1 lies 0.13% of the G0/G1 peak: events there are hypodiploid (apoptotic) or debris. */
const SUB_G1_GAP_SD = 3;
/** Below a tenth of the G0/G1 content the histogram holds debris and electronic noise rather than apoptotic cells. */
const SUB_G1_START_FRACTION = 0.1;
/** G0/G1 and G2/M gates reach 2 SD into S phase, where each peak still outweighs a typical S-phase level. */
const PEAK_INNER_SD = 2;
/** The G2/M gate ends 3 SD above its mean; beyond lie aggregates. */
const G2_OUTER_SD = 3;

/**
 * Contiguous sub-G1 | G0/G1 | S | G2/M boundaries from peak means and SDs in data units: sub-G1 from 0.1·μ1 to
 * μ1 − 3σ1 (or to `g1Foot`, the valley between an apoptotic hump and G0/G1, when that is higher: there the two
 * populations are equally dense), G0/G1 to μ1 + 2σ1, S to μ2 − 2σ2, G2/M to μ2 + 3σ2. Overlapping peaks (very broad
 * CVs) collapse the S range to the point between the peaks rather than inverting it.
 * @example phaseRangesFor(50000, 2000, 100000, 4000, 0).g0g1 // { min: 44000, max: 54000 }
 */
export function phaseRangesFor(g1Mean: number, g1Sd: number, g2Mean: number, g2Sd: number, g1Foot: number): PhaseRanges {
  const subG1End = Math.max(0, g1Mean - SUB_G1_GAP_SD * g1Sd, Math.min(g1Foot, g1Mean - g1Sd));
  let sStart = g1Mean + PEAK_INNER_SD * g1Sd;
  let sEnd = g2Mean - PEAK_INNER_SD * g2Sd;
  if (sStart > sEnd) {
    sStart = (g1Mean * g2Sd + g2Mean * g1Sd) / (g1Sd + g2Sd);
    sEnd = sStart;
  }
  const g2End = g2Mean + G2_OUTER_SD * g2Sd;
  return {
    subG1: { min: Math.min(SUB_G1_START_FRACTION * g1Mean, subG1End), max: subG1End },
    g0g1: { min: subG1End, max: sStart },
    s: { min: sStart, max: sEnd },
    g2m: { min: sEnd, max: g2End },
  };
}

/** Suggested range gates for a fitted histogram (a copy the caller may edit). */
export function suggestPhaseRanges(fit: CellCycleFit): PhaseRanges {
  const { subG1, g0g1, s, g2m } = fit.phaseRanges;
  return { subG1: { ...subG1 }, g0g1: { ...g0g1 }, s: { ...s }, g2m: { ...g2m } };
}

/**
 * Histogram events below `value` (data units), taking the straddled bin in proportion to the part below.
 * @example eventsBelow({ counts: Float64Array.of(4, 10), binWidth: 2 }, 3) // 4 + 10·0.5 = 9
 */
export function eventsBelow(histogram: DnaHistogram, value: number): number {
  const position = value / histogram.binWidth;
  const whole = Math.min(Math.max(Math.floor(position), 0), histogram.counts.length);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += histogram.counts[i];
  if (whole < histogram.counts.length && position > whole) sum += histogram.counts[whole] * (position - whole);
  return sum;
}
