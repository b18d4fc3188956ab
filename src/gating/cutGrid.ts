/**
 * Populations bounded by axis-parallel cuts (the quadrants of a quadrant gate, a range, a rectangle), counted so that
 * moving cuts costs only the events they cross. Every event of the parent keeps its cell of the cut grid (its interval
 * on each divider, as `cellOf` computes it for a full evaluation); moving one cut from a to b can change the cell only
 * of events valued in [min(a, b), max(a, b)), which the parent's events grouped by value (ValueBuckets, built on the
 * first move of that divider) locate. A move allocates nothing per event, and the counts stay exactly those of a full
 * evaluation.
 */
import type { NumericColumn } from './channelSource.ts';
import { cellOf, type DividerColumn, intervalOf } from './regions.ts';
import { EVENTS_PER_STEP, Stepped } from './stepped.ts';
import { ValueBuckets } from './valueBuckets.ts';

type CellArray = Uint8Array | Uint16Array | Uint32Array;

export class CutGrid {
  private readonly events: Uint32Array;
  private readonly columns: NumericColumn[];
  private readonly cuts: Float64Array[];
  private readonly radices: number[];
  private readonly weights: number[];
  /** Cell of each event, by event index (only the parent's events are meaningful); `nanCell` for NaN values. */
  private readonly cells: CellArray;
  private readonly nanCell: number;
  private readonly cellCounts: Float64Array;
  private readonly membership: Uint32Array;
  /** Cells of the parent's events, computed in steps (see prepare). */
  private readonly filled: Stepped<void>;
  private readonly buckets: (Stepped<ValueBuckets> | null)[];

  /**
   * `events`: the parent's events (ascending); `eventCount`: events in the sample; `membership[cell]`: bit p set when
   * population p contains the cell (regions.ts cellMembership).
   */
  constructor(events: Uint32Array, eventCount: number, dividers: readonly DividerColumn[], membership: Uint32Array) {
    this.events = events;
    this.columns = dividers.map((d) => d.column);
    this.cuts = dividers.map((d) => Float64Array.from(d.values));
    this.radices = dividers.map((d) => d.values.length + 1);
    this.weights = this.radices.map((_, d) => this.radices.slice(0, d).reduce((product, r) => product * r, 1));
    this.membership = membership;
    this.nanCell = membership.length;
    this.cells = this.nanCell < 0xff ? new Uint8Array(eventCount) : this.nanCell < 0xffff ? new Uint16Array(eventCount) : new Uint32Array(eventCount);
    this.cellCounts = new Float64Array(this.nanCell + 1);
    this.filled = new Stepped(this.fill());
    this.buckets = dividers.map(() => null);
  }

  /**
   * Does in steps what the first move would otherwise do at once: the cells of the parent's events, and each divider's
   * value buckets. For idle time; anything the grid is asked meanwhile finishes the rest first.
   */
  *prepare(): Generator<void> {
    while (!this.filled.advance()) yield;
    for (let d = 0; d < this.columns.length; d++) {
      const buckets = this.bucketsFor(d);
      while (!buckets.advance()) yield;
    }
  }

  /** Events of the parent in population p. */
  count(p: number): number {
    this.filled.result();
    let total = 0;
    for (let cell = 0; cell < this.nanCell; cell++) if ((this.membership[cell] >>> p) & 1) total += this.cellCounts[cell];
    return total;
  }

  /** Moves the cuts to `values` (per divider, as many as before) and updates the counts from the events crossed. */
  moveTo(values: readonly (readonly number[])[]): void {
    this.filled.result();
    values.forEach((next, d) => {
      const cuts = this.cuts[d];
      if (next.length !== cuts.length) throw new RangeError(`divider ${d} has ${cuts.length} cuts, not ${next.length}`);
      const previous = Float64Array.from(cuts);
      if (next.every((v, k) => Object.is(v, previous[k]))) return;
      cuts.set(next);
      const buckets = this.bucketsFor(d).result();
      previous.forEach((from, k) => {
        if (Object.is(from, cuts[k])) return;
        const [start, end] = buckets.span(from, cuts[k]);
        for (let position = start; position < end; position++) this.reassign(buckets.order[position], d);
      });
    });
  }

  /** Ascending event indices of population p (a new array; built on demand, not per move). */
  indices(p: number): Uint32Array {
    this.filled.result();
    const out = new Uint32Array(this.count(p));
    let n = 0;
    for (let e = 0; e < this.events.length; e++) {
      const i = this.events[e];
      if ((this.membership[this.cells[i]] >>> p) & 1) out[n++] = i;
    }
    return out;
  }

  private *fill(): Generator<void> {
    for (let from = 0; from < this.events.length; from += EVENTS_PER_STEP) {
      this.fillCells(from, Math.min(this.events.length, from + EVENTS_PER_STEP));
      yield;
    }
  }

  private fillCells(from: number, to: number): void {
    if (this.radices.length === 2 && this.radices[0] === 2 && this.radices[1] === 2) {
      this.fillCrosshairCells(from, to);
      return;
    }
    for (let e = from; e < to; e++) {
      const i = this.events[e];
      const cell = cellOf(i, this.columns, this.cuts, this.radices, this.nanCell);
      this.cells[i] = cell;
      this.cellCounts[cell]++;
    }
  }

  /** The Annexin V/PI crosshair (two dividers of one cut each), the gate dragged most, without cellOf's generality. */
  private fillCrosshairCells(from: number, to: number): void {
    const [x, y] = this.columns;
    const xCut = this.cuts[0][0];
    const yCut = this.cuts[1][0];
    for (let e = from; e < to; e++) {
      const i = this.events[e];
      const xv = x[i];
      const yv = y[i];
      const cell = xv !== xv || yv !== yv ? this.nanCell : (xv >= xCut ? 1 : 0) + (yv >= yCut ? 2 : 0);
      this.cells[i] = cell;
      this.cellCounts[cell]++;
    }
  }

  private bucketsFor(d: number): Stepped<ValueBuckets> {
    let buckets = this.buckets[d];
    if (!buckets) {
      buckets = new Stepped(ValueBuckets.build(this.columns[d], this.events));
      this.buckets[d] = buckets;
    }
    return buckets;
  }

  /** Recomputes the interval of event i on divider d (idempotent, so overlapping spans are harmless). */
  private reassign(i: number, d: number): void {
    const cell = this.cells[i];
    if (cell === this.nanCell) return;
    const weight = this.weights[d];
    const current = Math.floor(cell / weight) % this.radices[d];
    const interval = intervalOf(this.columns[d][i], this.cuts[d]);
    if (interval === current) return;
    const next = cell + (interval - current) * weight;
    this.cells[i] = next;
    this.cellCounts[cell]--;
    this.cellCounts[next]++;
  }
}
