/**
 * How much of the DNA and pulse axes the plots draw. The channels run to $PnR, but a PI histogram usually fills less
 * than half of that; zooming to the populations makes the peaks and the range boundaries easy to see and drag.
 * Display only: the fit and every count use all events and all 1,024 channels.
 */
import type { CellCycleFit, DnaHistogram } from '../../cellcycle/types.ts';

/** Plot width: the two plots and the fit's numbers side by side on a 1280-pixel screen. */
export const PLOT_WIDTH = 400;
/** Bins drawn over the whole channel: the 1,024 fitted channels summed in fours. */
export const DISPLAY_BINS = 256;
/** Past the end of the G2/M range by this factor: room for G0/G1–G2/M aggregates (~3 × G0/G1) and the eye. */
const DNA_MARGIN = 1.35;
/** Doublets and clumps lie up to about twice the band's pulse width (or height) at the same DNA content. */
const PULSE_MARGIN = 2;

export interface DnaDisplay {
  /** Fitted channels per display bin. */
  factor: number;
  /** Display bins drawn, from zero. */
  shownBins: number;
  /** Top of the DNA axis drawn, data units. */
  max: number;
}

/** Default top of the DNA axis: past the G2/M range, in whole display bins of `binWidth`, at most `axisTop`. */
export function autoDnaAxisMax(fit: Pick<CellCycleFit, 'g2Mean' | 'phaseRanges'>, binWidth: number, axisTop: number): number {
  return snapToBins(DNA_MARGIN * Math.max(fit.phaseRanges.g2m.max, fit.g2Mean), binWidth, axisTop);
}

/** `value` rounded up to whole display bins, at least one bin and at most `axisTop`. */
export function snapToBins(value: number, binWidth: number, axisTop: number): number {
  const bins = Math.min(Math.round(axisTop / binWidth), Math.max(1, Math.ceil(value / binWidth - 1e-9)));
  return bins * binWidth;
}

/** What the DNA histogram draws: up to `requestedMax` (null: the default for the fit), in whole display bins. */
export function dnaDisplay(histogram: DnaHistogram, fit: Pick<CellCycleFit, 'g2Mean' | 'phaseRanges'>, requestedMax: number | null): DnaDisplay {
  const factor = histogram.counts.length / DISPLAY_BINS;
  const binWidth = histogram.binWidth * factor;
  const axisTop = histogram.binWidth * histogram.counts.length;
  const max = snapToBins(requestedMax ?? autoDnaAxisMax(fit, binWidth, axisTop), binWidth, axisTop);
  return { factor, shownBins: Math.round(max / binWidth), max };
}

/** Top of the pulse axis: twice the singlet band's highest vertex over the DNA range shown, at most `axisTop`. */
export function pulseAxisMax(band: readonly (readonly [number, number])[] | null, dnaMax: number, axisTop: number): number {
  const shown = band?.filter(([x]) => x <= dnaMax) ?? [];
  if (shown.length === 0) return axisTop;
  return Math.min(axisTop, PULSE_MARGIN * Math.max(...shown.map(([, y]) => y)));
}
