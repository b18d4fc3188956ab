/**
 * Automatic cells gate on FSC-A vs SSC-A for Annexin V/PI samples. The gate must keep dying cells — apoptotic cells
 * shrink (lower FSC) while their SSC stays or rises, necrotic cells lose both — and drop debris, which sits at the
 * origin (field-anchors c5: do not restrict to the live cloud; UCFlow/Chromocyte note on gating Annexin V data).
 *
 * Method: each event's size-and-granularity score is u = log10(FSC-A · SSC-A), so debris (small in both) and cells
 * separate along one axis while shrunken-but-granular cells keep a high score. The cut is the density valley of u
 * between the main population and the most prominent mode at least 0.8 decade below it (debris); a boundary
 * u = const is the hyperbola FSC-A · SSC-A = 10^u, drawn as a polygon in data units so users can edit it.
 *
 * Failure modes (why the result carries `method` and the analysis warns): with no debris mode (clean samples) the
 * cut falls back to 0.8 decade below the main mode, or lower where the main population's density is still above 1%
 * of its peak, which can clip a few necrotic cells and keep a little debris; when debris outnumbers cells at the density peak, the "main population" is the debris and the
 * gate keeps it; two cell populations a decade apart in FSC·SSC with no debris would lose the smaller one.
 */
import type { NumericColumn } from '../gating/channelSource.ts';
import { highestMode, lowerTail, smoothedDensity, splitAtValley } from './densityModes.ts';

export interface CellsGateSuggestion {
  /** Polygon in (FSC-A, SSC-A) data units. */
  vertices: [number, number][];
  /** The boundary FSC-A · SSC-A = product. */
  product: number;
  /** valley: cut between debris and cells; tail: no debris mode found, cut at the main population's lower tail. */
  method: 'valley' | 'tail';
}

const BIN_DECADES = 0.02;
const SMOOTHING_DECADES = 0.05;
/** Debris is several-fold smaller than cells in both scatters; shrunken cells are within ~0.5 decade of live ones. */
const MIN_DEBRIS_SEPARATION_DECADES = 0.8;
const MIN_DEBRIS_PROMINENCE = 0.01;
const TAIL_FRACTION = 0.01;
/** Decades of FSC·SSC below the largest value that are searched for debris. */
const SEARCH_DECADES = 6;
const BOUNDARY_SEGMENTS = 12;

/**
 * Suggests the cells gate from the events `events` (all when null). `tops` are the largest values the axes can hold
 * (the channels' ranges); the polygon reaches past both and past every event. Throws RangeError when fewer than 50
 * events have positive FSC-A and SSC-A.
 */
export function suggestCellsGate(fsc: NumericColumn, ssc: NumericColumn, events: Uint32Array | null, tops: [number, number]): CellsGateSuggestion {
  const count = events ? events.length : fsc.length;
  const scores = new Float64Array(count);
  let usable = 0;
  let highest = -Infinity;
  let xMax = tops[0];
  let yMax = tops[1];
  for (let k = 0; k < count; k++) {
    const i = events ? events[k] : k;
    const x = fsc[i];
    const y = ssc[i];
    if (x > xMax) xMax = x;
    if (y > yMax) yMax = y;
    if (!(x > 0 && y > 0)) continue;
    const u = Math.log10(x * y);
    scores[usable++] = u;
    if (u > highest) highest = u;
  }
  if (usable < 50) throw new RangeError(`cells gate: only ${usable} events have positive FSC-A and SSC-A; at least 50 are needed`);
  const lo = highest - SEARCH_DECADES;
  const bins = Math.ceil(SEARCH_DECADES / BIN_DECADES);
  const density = smoothedDensity(scores.subarray(0, usable), null, { lo, hi: highest + BIN_DECADES, bins, smoothing: SMOOTHING_DECADES });
  const split = splitAtValley(density, { side: 'below', minSeparation: MIN_DEBRIS_SEPARATION_DECADES, minProminence: MIN_DEBRIS_PROMINENCE });
  const cut = split ? split.valley : Math.min(lowerTail(density, TAIL_FRACTION), highestMode(density) - MIN_DEBRIS_SEPARATION_DECADES);
  const product = 10 ** cut;
  return { vertices: productBoundaryPolygon(product, xMax * 1.001, yMax * 1.001), product, method: split ? 'valley' : 'tail' };
}

/** The region FSC · SSC ≥ product inside [0, xTop] × [0, yTop]: the hyperbola sampled geometrically, then the top corner. */
function productBoundaryPolygon(product: number, xTop: number, yTop: number): [number, number][] {
  const xStart = Math.min(product / yTop, xTop);
  const vertices: [number, number][] = [];
  for (let k = 0; k <= BOUNDARY_SEGMENTS; k++) {
    const x = xStart * (xTop / xStart) ** (k / BOUNDARY_SEGMENTS);
    vertices.push([x, Math.min(product / x, yTop)]);
  }
  vertices.push([xTop, yTop]);
  return vertices;
}
