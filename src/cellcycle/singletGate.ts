import { biweightLine, sliceMedianLine } from '../shared/robustLine.ts';
import { CellCycleError } from './cellCycleError.ts';
import { binDnaContent } from './dnaHistogram.ts';
import { FREE_LINEARITY } from './modelOptions.ts';
import { estimateCyclePeaks } from './peakSearch.ts';

/*
 * Automatic singlet band on PI-A vs PI-W (or PI-H). Singlets form a band of nearly constant width (height nearly
 * proportional to area); doublets of the same area have a wider pulse and a lower height-to-area ratio (Wersto et al.,
 * Cytometry 2001;46:296). The band follows a robust straight line of the width, or of the height/area ratio, against
 * area: Tukey-biweight iteratively reweighted least squares started from a Theil–Sen line through per-slice medians,
 * fitted on the cycling range (0.7–2.3 × the G0/G1 area) where singlets are the majority, so that doublets and
 * debris do not pull it. Larger cells give longer pulses, so width rises and height/area falls a little with area;
 * fitting the ratio rather than the height keeps the band straight where it is extrapolated to sub-G1 events.
 */

export type SingletPulseParameter = 'width' | 'height';

export interface SingletGateSuggestion {
  kind: SingletPulseParameter;
  /** Closed polygon in data units, (area, width or height) pairs, counter-clockwise. */
  vertices: [number, number][];
  /** Along the band, width (or height/area) ≈ intercept + slope·area. */
  intercept: number;
  slope: number;
  /** Robust SD of singlets about the line, in the units of width (or of the height/area ratio). */
  spread: number;
}

/** Band half-width in robust SDs: ~0.1% of normal singlets fall outside on each side. */
const BAND_SD = 3;
const MAX_FIT_EVENTS = 20_000;
const MIN_EVENTS = 50;
const SLICES = 20;
const FIT_RANGE = { min: 0.7, max: 2.3 } as const;
/** Vertices per edge: straight for width, a parabola (ratio line × area) for height. */
const EDGE_POINTS = { width: 2, height: 17 } as const;

/**
 * Suggests a singlet gate from pulse area and width (or height) columns, optionally within the `events` of a parent
 * population. Throws a RangeError when fewer than 50 events have positive, finite values.
 * @example suggestSingletGate(piA, piW, 'width').vertices // corners of the singlet band in (PI-A, PI-W)
 */
export function suggestSingletGate(
  area: Float32Array | Float64Array,
  second: Float32Array | Float64Array,
  kind: SingletPulseParameter,
  events: Uint32Array | null = null,
): SingletGateSuggestion {
  if (area.length !== second.length) {
    throw new RangeError(`suggestSingletGate: area has ${area.length} events but ${kind} has ${second.length}`);
  }
  const { xs, ys, maxArea } = bandCoordinates(area, second, kind, events);
  if (xs.length < MIN_EVENTS) {
    throw new CellCycleError(
      'few-pulse-events',
      `Only ${xs.length} events have a positive DNA area and pulse ${kind}, too few for a singlet gate (at least ${MIN_EVENTS}): check the pulse channel, or analyse without a singlet gate.`,
    );
  }
  const g1Area = g1AreaOf(area, events, maxArea);
  const core = g1Area === null ? null : xs.map((x) => (x >= FIT_RANGE.min * g1Area && x <= FIT_RANGE.max * g1Area ? 1 : 0));
  const fitXs = core && core.reduce((n, c) => n + c, 0) >= MIN_EVENTS ? xs.filter((_, i) => core[i]) : xs;
  const fitYs = fitXs === xs ? ys : ys.filter((_, i) => core?.[i]);
  const { intercept, slope, spread } = biweightLine(fitXs, fitYs, sliceMedianLine(fitXs, fitYs, SLICES));

  const points = EDGE_POINTS[kind];
  const right = maxArea * 1.001;
  const edge = (x: number, sds: number) => {
    const y = intercept + slope * x + sds * spread;
    return kind === 'width' ? y : y * x;
  };
  const lower: [number, number][] = [];
  const upper: [number, number][] = [];
  for (let k = 0; k < points; k++) {
    const x = (right * k) / (points - 1);
    lower.push([x, edge(x, -BAND_SD)]);
    upper.push([x, edge(x, BAND_SD)]);
  }
  return { kind, vertices: [...lower, ...upper.toReversed()], intercept, slope, spread };
}

/** Area and the band coordinate (width, or height/area) of usable events, thinned to at most 20,000. */
function bandCoordinates(
  area: Float32Array | Float64Array,
  second: Float32Array | Float64Array,
  kind: SingletPulseParameter,
  events: Uint32Array | null,
) {
  const count = events ? events.length : area.length;
  const stride = Math.max(1, Math.ceil(count / MAX_FIT_EVENTS));
  const xs: number[] = [];
  const ys: number[] = [];
  let maxArea = 0;
  for (let k = 0; k < count; k++) {
    const i = events ? events[k] : k;
    const x = area[i];
    const y = second[i];
    if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))) continue;
    maxArea = Math.max(maxArea, x);
    if (k % stride === 0) {
      xs.push(x);
      ys.push(kind === 'width' ? y : y / x);
    }
  }
  return { xs: Float64Array.from(xs), ys: Float64Array.from(ys), maxArea };
}

/** The G0/G1 position on the area axis, or null when the area histogram shows no peak. */
function g1AreaOf(area: Float32Array | Float64Array, events: Uint32Array | null, maxArea: number): number | null {
  const histogram = binDnaContent(area, events, 512, maxArea * 1.001);
  try {
    return estimateCyclePeaks(histogram.counts, 0, histogram.counts.length, FREE_LINEARITY).g1.mean * histogram.binWidth;
  } catch {
    return null;
  }
}

/**
 * Events beyond the band on the doublet side (wider pulse, or lower height/area, than the band allows), out of the
 * events with a positive area and pulse: the gate's own doublet estimate, to compare with the aggregate model's.
 */
export function doubletSideFraction(
  gate: SingletGateSuggestion,
  area: Float32Array | Float64Array,
  second: Float32Array | Float64Array,
  events: Uint32Array | null = null,
): number {
  return fractionBeyond(area, second, events, (x, y) => {
    const offset = (gate.kind === 'width' ? y : y / x) - (gate.intercept + gate.slope * x);
    return gate.kind === 'width' ? offset > BAND_SD * gate.spread : offset < -BAND_SD * gate.spread;
  });
}

/** Share of the events with a positive, finite area and pulse for which `beyond(area, pulse)` holds; 0 with none. */
function fractionBeyond(
  area: Float32Array | Float64Array,
  second: Float32Array | Float64Array,
  events: Uint32Array | null,
  beyond: (x: number, y: number) => boolean,
): number {
  const count = events ? events.length : area.length;
  let usable = 0;
  let counted = 0;
  for (let k = 0; k < count; k++) {
    const i = events ? events[k] : k;
    const x = area[i];
    const y = second[i];
    if (!(x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))) continue;
    usable++;
    if (beyond(x, y)) counted++;
  }
  return usable > 0 ? counted / usable : 0;
}

/** A singlet gate as drawn: a polygon in (area, width) or (area, height) data units. */
export interface SingletGateShape {
  kind: SingletPulseParameter;
  vertices: readonly (readonly [number, number])[];
}

/**
 * The doublet-side fraction of a singlet gate as it stands. While the gate still has the suggested band's vertices,
 * the band's own line decides (doubletSideFraction, exactly as the CLI counts); once a user has edited it, the
 * polygon's far edge does: events above its highest boundary at their area for width (doublets have longer pulses),
 * below its lowest for height (lower height for the same area). Events outside the polygon's area range are not
 * counted as doublets; the denominator is, as for the band, the events with a positive area and pulse.
 */
export function gateDoubletFraction(
  gate: SingletGateShape,
  suggestion: SingletGateSuggestion | null,
  area: Float32Array | Float64Array,
  second: Float32Array | Float64Array,
  events: Uint32Array | null = null,
): number {
  if (suggestion && suggestion.kind === gate.kind && sameVertices(suggestion.vertices, gate.vertices)) {
    return doubletSideFraction(suggestion, area, second, events);
  }
  const edges = gate.vertices.map((from, k) => [from, gate.vertices[(k + 1) % gate.vertices.length]] as const);
  return fractionBeyond(area, second, events, (x, y) => {
    let lowest = Infinity;
    let highest = -Infinity;
    for (const [[x1, y1], [x2, y2]] of edges) {
      if (x < Math.min(x1, x2) || x > Math.max(x1, x2)) continue;
      // A vertical edge at x reaches both its ends; any other edge crosses x once.
      const [low, high] = x1 === x2 ? [Math.min(y1, y2), Math.max(y1, y2)] : [y1 + ((x - x1) * (y2 - y1)) / (x2 - x1), -Infinity];
      lowest = Math.min(lowest, low);
      highest = Math.max(highest, low, high);
    }
    return gate.kind === 'width' ? y > highest && highest > -Infinity : y < lowest && lowest < Infinity;
  });
}

function sameVertices(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every(([x, y], k) => x === b[k][0] && y === b[k][1]);
}
