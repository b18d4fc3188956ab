/** Values of one column in display space (already transformed for the axis). */
export type NumericColumn = Float32Array | Float64Array;

/** Which events take part: ascending event indices (a population), or null for all events. */
export type EventSelection = Uint32Array | null;

export interface Histogram1d {
  /** Counts per bin; events below/above the domain are piled into the first/last bin. */
  counts: Uint32Array;
  /** Events below the domain (included in counts[0]). */
  below: number;
  /** Events above the domain (included in the last bin). */
  above: number;
  /** Events binned (NaN values are skipped). */
  total: number;
}

export interface Histogram2d {
  /** Row-major counts, `binsY` rows of `binsX` (row 0 = lowest y). Off-scale events are piled at the edges. */
  counts: Uint32Array;
  binsX: number;
  binsY: number;
  /** Events outside the x or y domain (piled at the edges, included in counts). */
  offScale: number;
  total: number;
  maxCount: number;
}

/** Bins `values` over [lo, hi) into `bins` equal bins, piling off-scale events at the edges. */
export function binHistogram1d(values: NumericColumn, events: EventSelection, lo: number, hi: number, bins: number): Histogram1d {
  const counts = new Uint32Array(bins);
  const scale = bins / (hi - lo);
  const last = bins - 1;
  let below = 0;
  let above = 0;
  let total = 0;
  const n = events ? events.length : values.length;
  for (let k = 0; k < n; k++) {
    const v = values[events ? events[k] : k];
    if (v !== v) continue;
    let b = Math.floor((v - lo) * scale);
    if (b < 0) {
      b = 0;
      below++;
    } else if (b > last) {
      b = last;
      if (v >= hi) above++;
    }
    counts[b]++;
    total++;
  }
  return { counts, below, above, total };
}

/** Bins (x, y) pairs over [xLo, xHi) × [yLo, yHi), piling off-scale events at the nearest edge. */
export function binHistogram2d(
  x: NumericColumn,
  y: NumericColumn,
  events: EventSelection,
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  binsX: number,
  binsY: number,
): Histogram2d {
  const counts = new Uint32Array(binsX * binsY);
  const [xLo, xHi] = xDomain;
  const [yLo, yHi] = yDomain;
  const sx = binsX / (xHi - xLo);
  const sy = binsY / (yHi - yLo);
  const lastX = binsX - 1;
  const lastY = binsY - 1;
  let offScale = 0;
  let total = 0;
  let maxCount = 0;
  const n = events ? events.length : x.length;
  for (let k = 0; k < n; k++) {
    const i = events ? events[k] : k;
    const xv = x[i];
    const yv = y[i];
    if (xv !== xv || yv !== yv) continue;
    let bx = Math.floor((xv - xLo) * sx);
    let by = Math.floor((yv - yLo) * sy);
    if (bx < 0 || bx > lastX || by < 0 || by > lastY) {
      offScale++;
      bx = bx < 0 ? 0 : bx > lastX ? lastX : bx;
      by = by < 0 ? 0 : by > lastY ? lastY : by;
    }
    const c = ++counts[by * binsX + bx];
    if (c > maxCount) maxCount = c;
    total++;
  }
  return { counts, binsX, binsY, offScale, total, maxCount };
}
