/**
 * Automatic scatter singlet gate on FSC-A vs FSC-H (or FSC-W). A pulse's height is about area ÷ transit time and a
 * cell's transit time grows with its size, so for singlets ln(H) ≈ α + β·ln(A) with β a little below 1 (a power
 * law, not a line through the origin: shrunken apoptotic cells have a higher H/A than live ones); doublets of the
 * same area are longer, so they fall below that curve (above it for width, where β ≈ 0). Wersto et al., Cytometry
 * 2001;46:296 describe the pulse logic; openCyto/flowStats gate_singlet fit a robust regression of H on A.
 *
 * Method: Tukey's resistant line through the medians of the lower and upper thirds of ln(A) gives a start unmoved
 * by the doublets (a minority, all in the upper third); Tukey-biweight iteratively reweighted least squares refines
 * it (tuning 4.685, scale = 1.4826·MAD of residuals). The gate is the band from 4 robust SDs on the doublet side to
 * 6 on the other, drawn as a polygon in data units.
 *
 * Failure modes: when doublets (or debris inside the cells gate) are not a minority the fit follows them; the band
 * assumes one power law across sizes, which holds for the FSC pulse of intact and shrunken cells but not for
 * irregular aggregates; with heavy clumping, doublets with a small partner overlap the band and stay in.
 */
import type { NumericColumn } from '../gating/channelSource.ts';
import { biweightLine, resistantLine } from '../shared/robustLine.ts';

export type PulseKind = 'height' | 'width';

export interface SingletGateSuggestion {
  /** Polygon in (FSC-A, FSC-H or FSC-W) data units. */
  vertices: [number, number][];
  /** ln(pulse) ≈ intercept + slope·ln(area) along the singlet band. */
  intercept: number;
  slope: number;
  /** Robust SD of singlets about the curve, in ln units (≈ relative spread). */
  spread: number;
}

const DOUBLET_SIDE_SDS = 4;
const OTHER_SIDE_SDS = 6;
const MAX_FIT_EVENTS = 50_000;
const MIN_EVENTS = 50;
const EDGE_SEGMENTS = 8;

/**
 * Suggests the singlet band from pulse area and height (or width) over `events` (all when null). Throws RangeError
 * when fewer than 50 events have a positive area and pulse value.
 */
export function suggestSingletGate(area: NumericColumn, pulse: NumericColumn, kind: PulseKind, events: Uint32Array | null): SingletGateSuggestion {
  const { logArea, logPulse, minArea, maxArea } = logPairs(area, pulse, events);
  const n = logArea.length;
  if (n < MIN_EVENTS) throw new RangeError(`singlet gate: only ${n} events have a positive FSC area and ${kind}; at least ${MIN_EVENTS} are needed`);
  const { intercept, slope, spread } = biweightLine(logArea, logPulse, resistantLine(logArea, logPulse));
  const below = kind === 'height' ? DOUBLET_SIDE_SDS : OTHER_SIDE_SDS;
  const above = kind === 'height' ? OTHER_SIDE_SDS : DOUBLET_SIDE_SDS;
  const areas = Array.from({ length: EDGE_SEGMENTS + 1 }, (_, k) => (minArea / 2) * ((maxArea * 1.001) / (minArea / 2)) ** (k / EDGE_SEGMENTS));
  const edge = (a: number, sds: number): [number, number] => [a, Math.exp(intercept + slope * Math.log(a) + sds * spread)];
  return {
    vertices: [...areas.map((a) => edge(a, -below)), ...areas.toReversed().map((a) => edge(a, above))],
    intercept,
    slope,
    spread,
  };
}

function logPairs(area: NumericColumn, pulse: NumericColumn, events: Uint32Array | null) {
  const count = events ? events.length : area.length;
  const stride = Math.max(1, Math.ceil(count / MAX_FIT_EVENTS));
  const logArea = new Float64Array(Math.ceil(count / stride));
  const logPulse = new Float64Array(logArea.length);
  let n = 0;
  let minArea = Infinity;
  let maxArea = 0;
  for (let k = 0; k < count; k++) {
    const i = events ? events[k] : k;
    const a = area[i];
    const p = pulse[i];
    if (!(a > 0 && p > 0 && a < Infinity && p < Infinity)) continue;
    if (a < minArea) minArea = a;
    if (a > maxArea) maxArea = a;
    if (k % stride !== 0) continue;
    logArea[n] = Math.log(a);
    logPulse[n] = Math.log(p);
    n++;
  }
  return { logArea: logArea.subarray(0, n), logPulse: logPulse.subarray(0, n), minArea, maxArea };
}
