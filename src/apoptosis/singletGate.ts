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
import { quantileInPlace } from '../transforms/quantile.ts';

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
const BIWEIGHT_TUNING = 4.685;
const MAX_ITERATIONS = 50;
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
  let { intercept, slope } = resistantLine(logArea, logPulse);
  const residuals = new Float64Array(n);
  const weights = new Float64Array(n);
  let spread = robustSpread(logArea, logPulse, intercept, slope, residuals);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) {
      const u = (logPulse[i] - intercept - slope * logArea[i]) / (BIWEIGHT_TUNING * spread);
      weights[i] = Math.abs(u) < 1 ? (1 - u * u) ** 2 : 0;
    }
    const next = weightedLine(logArea, logPulse, weights);
    const moved = Math.abs(next.intercept - intercept) + Math.abs(next.slope - slope);
    intercept = next.intercept;
    slope = next.slope;
    spread = robustSpread(logArea, logPulse, intercept, slope, residuals);
    if (moved < 1e-10) break;
  }
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

/** Tukey's resistant line: slope through the (median x, median y) of the lower and upper thirds by x. */
function resistantLine(xs: Float64Array, ys: Float64Array): { intercept: number; slope: number } {
  const n = xs.length;
  const scratch = Float64Array.from(xs);
  const lowCut = quantileInPlace(scratch, n, 1 / 3);
  const highCut = quantileInPlace(scratch, n, 2 / 3);
  const third = (inside: (x: number) => boolean) => {
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!inside(xs[i])) continue;
      x[m] = xs[i];
      y[m++] = ys[i];
    }
    return [quantileInPlace(x, m, 0.5), quantileInPlace(y, m, 0.5)];
  };
  const [xLow, yLow] = third((x) => x <= lowCut);
  const [xHigh, yHigh] = third((x) => x >= highCut);
  const slope = xHigh > xLow ? (yHigh - yLow) / (xHigh - xLow) : 0;
  const offsets = Float64Array.from(xs, (x, i) => ys[i] - slope * x);
  return { slope, intercept: quantileInPlace(offsets, n, 0.5) };
}

/** 1.4826 × median |residual|: the SD for normal scatter, unmoved by a minority of outliers. Fills `residuals`. */
function robustSpread(xs: Float64Array, ys: Float64Array, intercept: number, slope: number, residuals: Float64Array): number {
  for (let i = 0; i < xs.length; i++) residuals[i] = Math.abs(ys[i] - intercept - slope * xs[i]);
  return Math.max(1.4826 * quantileInPlace(residuals, xs.length, 0.5), 1e-6);
}

function weightedLine(xs: Float64Array, ys: Float64Array, weights: Float64Array): { intercept: number; slope: number } {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < xs.length; i++) {
    sw += weights[i];
    sx += weights[i] * xs[i];
    sy += weights[i] * ys[i];
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxx += weights[i] * (xs[i] - mx) ** 2;
    sxy += weights[i] * (xs[i] - mx) * (ys[i] - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx };
}
