/**
 * Membership kernels: each takes the parent's event indices (ascending) and returns the indices of the events inside,
 * as a new exact-length Uint32Array. `scratch` must hold at least events.length values; it is overwritten.
 * NaN values are outside every region. Geometry follows Gating-ML 2.0 (Spidlen et al. 2015) as FlowKit applies it.
 */
import { invertMatrix } from '../compensation/matrix.ts';
import type { NumericColumn } from './channelSource.ts';

/**
 * Where selections write before their result is copied out at its exact length (these kernels). One buffer
 * serves every evaluator of the thread, as the size of the largest sample: an open sample costs one index buffer (its
 * list of all events), not two (issue 14, memory close to the data).
 */
let sharedScratch = new Uint32Array(0);

export function scratchFor(eventCount: number): Uint32Array {
  if (sharedScratch.length < eventCount) sharedScratch = new Uint32Array(eventCount);
  return sharedScratch;
}

/** Gating-ML rectangle/range: min ≤ v < max on every dimension; a missing bound (null) is unbounded. */
export function selectInRectangle(
  events: Uint32Array,
  columns: readonly NumericColumn[],
  bounds: readonly { min: number | null; max: number | null }[],
  scratch: Uint32Array,
): Uint32Array {
  const lows = Float64Array.from(bounds, (b) => b.min ?? Number.NEGATIVE_INFINITY);
  const highs = Float64Array.from(bounds, (b) => b.max ?? Number.POSITIVE_INFINITY);
  const dimensions = columns.length;
  let count = 0;
  for (let e = 0; e < events.length; e++) {
    const i = events[e];
    let inside = true;
    for (let d = 0; d < dimensions; d++) {
      const v = columns[d][i];
      // An absent max admits +∞ (there is no comparison to fail), an explicit max never does.
      if (!(v >= lows[d] && (v < highs[d] || highs[d] === Number.POSITIVE_INFINITY))) {
        inside = false;
        break;
      }
    }
    if (inside) scratch[count++] = i;
  }
  return scratch.slice(0, count);
}

/**
 * Winding number of the closed polygon around (x, y) by Sunday's crossing rule: an upward edge crossing the
 * horizontal ray with the point strictly left counts +1, a downward one with the point strictly right −1
 * (edges include their lower end, exclude their upper end).
 * @example windingNumber(Float64Array.of(0, 4, 4, 0), Float64Array.of(0, 0, 4, 4), 1, 1) // 1 (counter-clockwise square)
 */
export function windingNumber(xs: Float64Array, ys: Float64Array, x: number, y: number): number {
  let winding = 0;
  const n = xs.length;
  for (let k = 0; k < n; k++) {
    const next = k + 1 === n ? 0 : k + 1;
    const ax = xs[k];
    const ay = ys[k];
    const bx = xs[next];
    const by = ys[next];
    if (ay <= y) {
      if (by > y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) > 0) winding++;
    } else if (by <= y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) < 0) {
      winding--;
    }
  }
  return winding;
}

/**
 * Polygon membership: inside when the winding number is odd. For simple polygons this is plain inside/outside;
 * for self-intersecting ones, regions wound twice are holes. This is the rule the Gating-ML 2.0 compliance results
 * require (Polygon3NS) and FlowKit applies (FlowUtils points_in_polygon: winding % 2 ≠ 0).
 */
export function selectInPolygon(
  events: Uint32Array,
  xColumn: NumericColumn,
  yColumn: NumericColumn,
  vertices: readonly (readonly [number, number])[],
  scratch: Uint32Array,
): Uint32Array {
  const xs = Float64Array.from(vertices, (v) => v[0]);
  const ys = Float64Array.from(vertices, (v) => v[1]);
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < xs.length; k++) {
    minX = Math.min(minX, xs[k]);
    maxX = Math.max(maxX, xs[k]);
    minY = Math.min(minY, ys[k]);
    maxY = Math.max(maxY, ys[k]);
  }
  let count = 0;
  for (let e = 0; e < events.length; e++) {
    const i = events[e];
    const x = xColumn[i];
    const y = yColumn[i];
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
    if ((windingNumber(xs, ys, x, y) & 1) !== 0) scratch[count++] = i;
  }
  return scratch.slice(0, count);
}

/**
 * Gating-ML ellipsoid: inside when (v − mean)ᵀ · covariance⁻¹ · (v − mean) ≤ distanceSquare (boundary included,
 * as FlowKit). The covariance matrix is used as given (the compliance suite's 3-D one is not symmetric).
 */
export function selectInEllipsoid(
  events: Uint32Array,
  columns: readonly NumericColumn[],
  mean: readonly number[],
  covariance: readonly (readonly number[])[],
  distanceSquare: number,
  scratch: Uint32Array,
  what = 'ellipsoid covariance',
): Uint32Array {
  const n = columns.length;
  const inverse = invertMatrix(covariance, what);
  const flatInverse = Float64Array.from(inverse.flat());
  const centre = Float64Array.from(mean);
  const offset = new Float64Array(n);
  let count = 0;
  for (let e = 0; e < events.length; e++) {
    const i = events[e];
    for (let d = 0; d < n; d++) offset[d] = columns[d][i] - centre[d];
    let distance = 0;
    for (let j = 0; j < n; j++) {
      let projected = 0;
      for (let k = 0; k < n; k++) projected += offset[k] * flatInverse[k * n + j];
      distance += projected * offset[j];
    }
    if (distance <= distanceSquare) scratch[count++] = i;
  }
  return scratch.slice(0, count);
}

/** One divider as the kernel needs it: its column and ascending cut values. */
export interface DividerColumn {
  column: NumericColumn;
  values: readonly number[];
}

/**
 * Splits events among quadrants. `quadrantIntervals[q][d]` is the interval index quadrant q requires on divider d, or
 * −1 when q does not constrain d. Interval k of a divider is [values[k−1], values[k]), half-open as Gating-ML
 * rectangles. Returns one index list per quadrant. At most 32 quadrants; NaN on a divider puts an event in none.
 */
export function splitIntoQuadrants(
  events: Uint32Array,
  dividers: readonly DividerColumn[],
  quadrantIntervals: readonly (readonly number[])[],
): Uint32Array[] {
  const radices = dividers.map((d) => d.values.length + 1);
  const cellQuadrants = cellMembership(radices, quadrantIntervals);
  if (cellQuadrants.every((bits) => (bits & (bits - 1)) === 0)) return splitDisjoint(events, dividers, radices, cellQuadrants, quadrantIntervals.length);
  return splitOverlapping(events, dividers, radices, cellQuadrants, quadrantIntervals.length);
}

/**
 * Which populations contain each cell of a divider grid: bit p of `result[cell]` is set when population p requires,
 * on every divider d it constrains, the interval the cell has there (`populationIntervals[p][d]`, −1 = any). Cells
 * count in mixed radix over the dividers (`radices[d]` = values + 1), divider 0 varying fastest.
 */
export function cellMembership(radices: readonly number[], populationIntervals: readonly (readonly number[])[]): Uint32Array {
  const cellCount = radices.reduce((product, r) => product * r, 1);
  const membership = new Uint32Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) {
    let rest = cell;
    const intervals = radices.map((r) => {
      const interval = rest % r;
      rest = Math.floor(rest / r);
      return interval;
    });
    populationIntervals.forEach((required, p) => {
      if (required.every((interval, d) => interval < 0 || interval === intervals[d])) membership[cell] |= 1 << p;
    });
  }
  return membership;
}

/** The interval of a divider a value falls in: how many cuts it reaches (v ≥ cut), counted until the first it does not. */
export function intervalOf(v: number, cuts: ArrayLike<number>): number {
  let interval = 0;
  while (interval < cuts.length && v >= cuts[interval]) interval++;
  return interval;
}

/** Grid cell of one event (mixed radix over the dividers' intervals), or `nanCell` when a value is NaN. */
export function cellOf(i: number, columns: readonly NumericColumn[], cuts: readonly ArrayLike<number>[], radices: readonly number[], nanCell: number): number {
  let cell = 0;
  let weight = 1;
  for (let d = 0; d < columns.length; d++) {
    const v = columns[d][i];
    if (v !== v) return nanCell;
    cell += intervalOf(v, cuts[d]) * weight;
    weight *= radices[d];
  }
  return cell;
}

/** Counting sort of events into quadrants when every grid cell belongs to at most one (the usual quadrant gate). */
function splitDisjoint(events: Uint32Array, dividers: readonly DividerColumn[], radices: readonly number[], cellQuadrants: Uint32Array, quadrantCount: number): Uint32Array[] {
  const none = quadrantCount;
  // One extra cell for NaN; slots are quadrant indices, `none` for events in no quadrant.
  const slotOfCell = new Uint8Array(cellQuadrants.length + 1).fill(none);
  cellQuadrants.forEach((bits, cell) => {
    if (bits !== 0) slotOfCell[cell] = 31 - Math.clz32(bits);
  });
  const slots = new Uint8Array(events.length);
  const counts = new Uint32Array(quadrantCount + 1);
  if (dividers.length === 2 && radices[0] === 2 && radices[1] === 2) {
    // The Annexin V/PI cross-hair, which a dragged quadrant re-evaluates: two single-value dividers.
    const x = dividers[0].column;
    const y = dividers[1].column;
    const xCut = dividers[0].values[0];
    const yCut = dividers[1].values[0];
    for (let e = 0; e < events.length; e++) {
      const i = events[e];
      const xv = x[i];
      const yv = y[i];
      const slot = slotOfCell[xv !== xv || yv !== yv ? 4 : (xv >= xCut ? 1 : 0) + (yv >= yCut ? 2 : 0)];
      slots[e] = slot;
      counts[slot]++;
    }
  } else {
    const columns = dividers.map((d) => d.column);
    const cuts = dividers.map((d) => Float64Array.from(d.values));
    for (let e = 0; e < events.length; e++) {
      const slot = slotOfCell[cellOf(events[e], columns, cuts, radices, cellQuadrants.length)];
      slots[e] = slot;
      counts[slot]++;
    }
  }
  const quadrants = Array.from({ length: quadrantCount }, (_, q) => new Uint32Array(counts[q]));
  const filled = new Uint32Array(quadrantCount + 1);
  for (let e = 0; e < slots.length; e++) {
    const slot = slots[e];
    if (slot !== none) quadrants[slot][filled[slot]++] = events[e];
  }
  return quadrants;
}

function splitOverlapping(events: Uint32Array, dividers: readonly DividerColumn[], radices: readonly number[], cellQuadrants: Uint32Array, quadrantCount: number): Uint32Array[] {
  const columns = dividers.map((d) => d.column);
  const cuts = dividers.map((d) => Float64Array.from(d.values));
  const memberships = new Uint32Array(events.length);
  const counts = new Uint32Array(quadrantCount);
  for (let e = 0; e < events.length; e++) {
    const cell = cellOf(events[e], columns, cuts, radices, cellQuadrants.length);
    const bits = cell < cellQuadrants.length ? cellQuadrants[cell] : 0;
    memberships[e] = bits;
    for (let rest = bits; rest !== 0; rest &= rest - 1) counts[31 - Math.clz32(rest & -rest)]++;
  }
  const quadrants = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(quadrantCount);
  for (let e = 0; e < events.length; e++) {
    for (let rest = memberships[e]; rest !== 0; rest &= rest - 1) {
      const q = 31 - Math.clz32(rest & -rest);
      quadrants[q][filled[q]++] = events[e];
    }
  }
  return quadrants;
}

/** Boolean combination of operand masks (1 = member) over the parent's events; `not` takes one operand. */
export function selectByBoolean(
  events: Uint32Array,
  operator: 'and' | 'or' | 'not',
  operandMasks: readonly Uint8Array[],
  complements: readonly boolean[],
  scratch: Uint32Array,
): Uint32Array {
  const flips = Uint8Array.from(complements, (c) => (c ? 1 : 0));
  let count = 0;
  for (let e = 0; e < events.length; e++) {
    const i = events[e];
    let inside: boolean;
    if (operator === 'not') {
      inside = (operandMasks[0][i] ^ flips[0]) === 0;
    } else if (operator === 'and') {
      inside = true;
      for (let k = 0; k < operandMasks.length && inside; k++) inside = (operandMasks[k][i] ^ flips[k]) === 1;
    } else {
      inside = false;
      for (let k = 0; k < operandMasks.length && !inside; k++) inside = (operandMasks[k][i] ^ flips[k]) === 1;
    }
    if (inside) scratch[count++] = i;
  }
  return scratch.slice(0, count);
}
