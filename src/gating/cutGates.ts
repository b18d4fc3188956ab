/**
 * Quadrant and rectangle (range) gates as cuts on their dimensions, the form CutGrid counts incrementally, and the
 * cached state that lets a moved gate of that form re-examine only the events its cuts crossed.
 */
import { CutGrid } from './cutGrid.ts';
import type { NumericColumn } from './channelSource.ts';
import { cellMembership } from './regions.ts';
import type { Dimension, GateId, QuadrantGate, RectangleGate } from './types.ts';

export type CutGate = QuadrantGate | RectangleGate;

export interface CutLayout {
  dimensions: Dimension[];
  /** Cut values per dimension (a quadrant divider's values; a rectangle's min and max where bounded). */
  values: number[][];
  /** Bit p of `membership[cell]`: population p (quadrant p, or the rectangle's inside) contains that cell. */
  membership: Uint32Array;
}

/** For each quadrant, the interval it requires on each divider (−1: any), in the dividers' order. */
export function quadrantIntervals(gate: QuadrantGate): number[][] {
  return gate.quadrants.map((q) => gate.dividers.map((d) => q.positions.find((p) => p.dividerId === d.id)?.interval ?? -1));
}

/**
 * The cuts of a gate. A rectangle bound [min, max) becomes the cuts it has (an absent or +∞ max admits +∞, so it is no
 * cut) and the inside is the interval between them, so the grid's cells agree with selectInRectangle event by event.
 */
export function cutLayout(gate: CutGate): CutLayout {
  if (gate.kind === 'quadrant') {
    const radices = gate.dividers.map((d) => d.values.length + 1);
    return { dimensions: gate.dividers.map((d) => d.dimension), values: gate.dividers.map((d) => [...d.values]), membership: cellMembership(radices, quadrantIntervals(gate)) };
  }
  const values = gate.bounds.map((b) => [...(b.min === null ? [] : [b.min]), ...(b.max === null || b.max === Number.POSITIVE_INFINITY ? [] : [b.max])]);
  const inside = gate.bounds.map((b) => (b.min === null ? 0 : 1));
  return { dimensions: gate.bounds.map((b) => b.dimension), values, membership: cellMembership(values.map((v) => v.length + 1), [inside]) };
}

/** Grids kept for this many most recently moved or prepared gates (a byte per event, plus 4 per event per axis). */
export const KEPT_GRIDS = 2;

function gridOf(parent: Uint32Array, eventCount: number, columns: NumericColumn[], layout: CutLayout): CutGrid {
  return new CutGrid(parent, eventCount, columns.map((column, d) => ({ column, values: layout.values[d] })), layout.membership);
}

/** The cut grids of the gates being moved, kept between updates of one evaluator. */
export class MovedGates {
  private readonly grids = new Map<GateId, { structure: string; grid: CutGrid }>();
  private readonly structures = new Map<GateId, string>();

  /**
   * The gate's grid moved to `values`, or null when the gate is new or changed more than its cut values (the caller
   * then evaluates it in full). From the gate's second placement on with the same structure, a grid is made.
   * `structure` must identify everything but the values: dimensions, number of cuts, populations, parent.
   */
  moved(gateId: GateId, structure: string, parent: Uint32Array, eventCount: number, columns: NumericColumn[], layout: CutLayout): CutGrid | null {
    const known = this.grids.get(gateId);
    const seen = this.structures.get(gateId) === structure;
    this.structures.set(gateId, structure);
    if (known && known.structure === structure) {
      known.grid.moveTo(layout.values);
      this.touch(gateId, known);
      return known.grid;
    }
    if (!seen) return null;
    const grid = gridOf(parent, eventCount, columns, layout);
    this.touch(gateId, { structure, grid });
    return grid;
  }

  /**
   * Makes (or completes) the gate's grid in steps, for idle time before a drag: then the drag's first move costs only
   * the events it crosses too. Same arguments as `moved`, with the gate where it is now.
   */
  *prepare(gateId: GateId, structure: string, parent: Uint32Array, eventCount: number, columns: NumericColumn[], layout: CutLayout): Generator<void> {
    this.structures.set(gateId, structure);
    let entry = this.grids.get(gateId);
    if (!entry || entry.structure !== structure) {
      entry = { structure, grid: gridOf(parent, eventCount, columns, layout) };
      this.touch(gateId, entry);
    }
    yield* entry.grid.prepare();
  }

  /** Forgets gates that are no longer in the strategy. */
  keepOnly(gateIds: ReadonlySet<GateId>): void {
    for (const id of this.structures.keys()) {
      if (gateIds.has(id)) continue;
      this.structures.delete(id);
      this.grids.delete(id);
    }
  }

  private touch(gateId: GateId, entry: { structure: string; grid: CutGrid }): void {
    this.grids.delete(gateId);
    this.grids.set(gateId, entry);
    if (this.grids.size > KEPT_GRIDS) this.grids.delete(this.grids.keys().next().value as GateId);
  }
}
