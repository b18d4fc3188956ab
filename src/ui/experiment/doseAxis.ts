/**
 * The concentration axis of a dose-response plot: logarithmic over the doses tested, with dose 0 (untreated) drawn
 * apart at the left beyond a break, since log 0 is not on any log axis (as Prism and drc draw it).
 */
export interface DoseTick {
  value: number;
  pixel: number;
  label: string;
}

export interface DoseAxis {
  toPixel(concentration: number): number;
  /** Pixel of dose 0, or null when no tube is untreated. */
  zeroPixel: number | null;
  /** Where the log part starts (the break is drawn just left of it). */
  logStart: number;
  ticks: DoseTick[];
  /** The log part's concentration range, for drawing the curve. */
  domain: [number, number];
}

/** Room for dose 0 and the break, in pixels. */
const ZERO_GAP = 46;
/** Decades of margin around the tested doses. */
const MARGIN_DECADES = 0.35;

const label = (value: number) => String(Number(value.toPrecision(3)));

export function doseAxis(concentrations: readonly number[], [left, right]: [number, number]): DoseAxis {
  const positives = [...new Set(concentrations.filter((c) => c > 0))].toSorted((a, b) => a - b);
  const hasZero = concentrations.some((c) => c === 0);
  const logStart = hasZero ? left + ZERO_GAP : left;
  const lowest = positives.length > 0 ? Math.log10(positives[0]) - MARGIN_DECADES : -1;
  const highest = positives.length > 0 ? Math.log10(positives[positives.length - 1]) + MARGIN_DECADES : 1;
  const span = Math.max(highest - lowest, 1e-9);
  const toPixel = (c: number) => (c <= 0 ? left + 10 : logStart + ((Math.log10(c) - lowest) / span) * (right - logStart));
  const ticks = [...(hasZero ? [{ value: 0, pixel: left + 10, label: '0' }] : []), ...positives.map((value) => ({ value, pixel: toPixel(value), label: label(value) }))];
  return { toPixel, zeroPixel: hasZero ? left + 10 : null, logStart, ticks, domain: [Math.pow(10, lowest), Math.pow(10, highest)] };
}
