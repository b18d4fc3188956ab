/**
 * The incremental gating engine the worker and the CLI call. Each population is its count plus the ascending indices
 * of its events, computed only over its parent's events. Results are cached by a key made of everything that decides
 * membership (geometry, resolved dimensions, parent's key, Boolean operands' keys), so after `update` with a moved
 * gate only that gate's populations and their dependants are recomputed; names and ids do not enter the keys. A moved
 * quadrant, range or rectangle gate re-examines only the events its cuts crossed (CutGrid), and its populations' index
 * lists are built only when something asks for them (a child gate, a plot, statistics), not per move.
 */
import type { ChannelSource, NumericColumn } from './channelSource.ts';
import { DimensionColumns } from './columns.ts';
import { type CutGate, cutLayout, KEPT_GRIDS, MovedGates, quadrantIntervals } from './cutGates.ts';
import type { CutGrid } from './cutGrid.ts';
import { scratchFor, selectByBoolean, selectInEllipsoid, selectInPolygon, selectInRectangle, splitIntoQuadrants } from './regions.ts';
import { sortIndicesByValue } from './sortByValue.ts';
import { type ChannelStatistics, statisticsBySelection, statisticsWithinParent } from './statistics.ts';
import { PopulationResult } from './populationResult.ts';
import { checkStrategy, listPopulations, orderGates } from './strategy.ts';
import type { Dimension, Gate, GatingStrategy, Population, PopulationId, QuadrantGate } from './types.ts';

/** Below this many events in its parent, a gate's first move is quick without preparation. */
const PREPARE_MIN_EVENTS = 200_000;

export interface UpdateSummary {
  /** Populations whose membership was computed (not reused) by this update, in evaluation order. */
  recomputed: PopulationId[];
}

export class GatingEvaluator {
  private readonly columns: DimensionColumns;
  private readonly allEvents: Uint32Array;
  private populationList: Population[] = [];
  private results = new Map<PopulationId, PopulationResult>();
  private resultsByKey = new Map<string, PopulationResult>();
  /** A parent's events sorted by a column (null: requested once), kept while both objects live (reused when unchanged). */
  private readonly sortedOrders = new WeakMap<Uint32Array, WeakMap<NumericColumn, Uint32Array | null>>();
  private readonly movedGates = new MovedGates();
  /** Cut gates whose populations the last update recomputed (just drawn or moved: the likeliest to be dragged next). */
  private changedCutGates: { gate: CutGate; parentKey: string; parent: Uint32Array }[] = [];
  private updates = 0;

  constructor(source: ChannelSource) {
    this.columns = new DimensionColumns(source);
    this.allEvents = new Uint32Array(source.eventCount);
    for (let i = 0; i < this.allEvents.length; i++) this.allEvents[i] = i;
  }

  get eventCount(): number {
    return this.allEvents.length;
  }

  /** Populations of the current strategy, parents before children. */
  get populations(): readonly Population[] {
    return this.populationList;
  }

  /**
   * Applies a strategy, reusing every population whose definition is unchanged. Throws GatingStrategyError (or
   * CompensationError/TransformParameterError) on an invalid strategy or one that does not fit the file, leaving the
   * previous results in place.
   */
  update(strategy: GatingStrategy): UpdateSummary {
    checkStrategy(strategy);
    const previous = this.columns.currentDefinitions;
    this.columns.useDefinitions(strategy);
    try {
      const summary = this.evaluate(strategy);
      this.columns.dropUnusedColumns();
      return summary;
    } catch (error) {
      this.columns.useDefinitions(previous);
      throw error;
    }
  }

  private evaluate(strategy: GatingStrategy): UpdateSummary {
    const next = new Map<PopulationId, PopulationResult>();
    const recomputed: PopulationId[] = [];
    const changedCutGates: typeof this.changedCutGates = [];
    for (const gate of orderGates(strategy)) {
      const parent = gate.parentId === null ? null : next.get(gate.parentId);
      const parentKey = parent ? parent.key : 'all events';
      const parentIndices = parent ? parent.indices : this.allEvents;
      if (gate.kind === 'quadrant' || gate.kind === 'rectangle') {
        const keys = gate.kind === 'quadrant' ? this.quadrantKeys(gate, parentKey) : [`${this.regionKey(gate, next)}|parent:${parentKey}`];
        const ids = gate.kind === 'quadrant' ? gate.quadrants.map((q) => q.id) : [gate.id];
        const reused = keys.map((key) => this.resultsByKey.get(key));
        if (!reused.every((r) => r !== undefined)) {
          changedCutGates.push({ gate, parentKey, parent: parentIndices });
          this.evaluateCutGate(gate, parentKey, parentIndices, next).forEach((result, k) => {
            reused[k] = new PopulationResult(keys[k], result.count, result.indices);
            recomputed.push(ids[k]);
          });
        }
        ids.forEach((id, k) => next.set(id, reused[k] as PopulationResult));
        continue;
      }
      const key = `${this.regionKey(gate, next)}|parent:${parentKey}`;
      const cached = this.resultsByKey.get(key);
      if (cached) {
        next.set(gate.id, cached);
        continue;
      }
      next.set(gate.id, PopulationResult.of(key, this.select(gate, parentIndices, next)));
      recomputed.push(gate.id);
    }
    this.results = next;
    this.resultsByKey = new Map([...next.values()].map((r) => [r.key, r]));
    this.populationList = listPopulations(strategy);
    this.movedGates.keepOnly(new Set(strategy.gates.map((g) => g.id)));
    this.changedCutGates = changedCutGates;
    this.updates++;
    return { recomputed };
  }

  /**
   * Prepares, in steps (yielding between them), the cut grids of the quadrant, range and rectangle gates the last
   * update drew or moved, when their parent is large enough for a first move to be felt: so that dragging one of them
   * costs only the crossed events from its first step. Anything the evaluator is asked meanwhile stays exact.
   */
  *prepareToMove(minEvents = PREPARE_MIN_EVENTS): Generator<void> {
    const update = this.updates;
    for (const { gate, parentKey, parent } of this.changedCutGates.slice(-KEPT_GRIDS)) {
      if (parent.length < minEvents) continue;
      const { layout, columns, structure } = this.cutSetup(gate, parentKey);
      for (const step of this.movedGates.prepare(gate.id, structure, parent, this.eventCount, columns, layout)) {
        // A newer update may have moved or removed the gate: what it needs, it prepares itself.
        if (this.updates !== update) return;
        yield step;
      }
    }
  }

  private cutSetup(gate: CutGate, parentKey: string) {
    const layout = cutLayout(gate);
    const columns = layout.dimensions.map((d) => this.columns.column(d));
    const structure = JSON.stringify([layout.dimensions.map((d) => this.columns.dimensionKey(d)), layout.values.map((v) => v.length), [...layout.membership], parentKey]);
    return { layout, columns, structure };
  }

  /**
   * Counts (and events, or how to build them) of a quadrant or rectangle gate's populations: from its cut grid when
   * only its cut values moved since the last update, else in full. A grid's lazy events move it back to this update's
   * values first, so they stay right even after later moves.
   */
  private evaluateCutGate(gate: CutGate, parentKey: string, parent: Uint32Array, done: Map<PopulationId, PopulationResult>): { count: number; indices: Uint32Array | (() => Uint32Array) }[] {
    const { layout, columns, structure } = this.cutSetup(gate, parentKey);
    const grid: CutGrid | null = this.movedGates.moved(gate.id, structure, parent, this.eventCount, columns, layout);
    const populations = gate.kind === 'quadrant' ? gate.quadrants.length : 1;
    if (grid) {
      return Array.from({ length: populations }, (_, p) => ({
        count: grid.count(p),
        indices: () => {
          grid.moveTo(layout.values);
          return grid.indices(p);
        },
      }));
    }
    const split =
      gate.kind === 'quadrant'
        ? splitIntoQuadrants(parent, gate.dividers.map((d, k) => ({ column: columns[k], values: d.values })), quadrantIntervals(gate))
        : [this.select(gate, parent, done)];
    return split.map((indices) => ({ count: indices.length, indices }));
  }

  /** Ascending event indices of a population; null is the whole sample. */
  indices(id: PopulationId | null): Uint32Array {
    return id === null ? this.allEvents : this.result(id).indices;
  }

  count(id: PopulationId | null): number {
    return id === null ? this.allEvents.length : this.result(id).count;
  }

  /** 1 for each event in the population, 0 otherwise; built on first request and kept with the result. */
  mask(id: PopulationId): Uint8Array {
    const result = this.result(id);
    if (!result.mask) result.mask = this.maskOf(result.indices);
    return result.mask;
  }

  /** Values of a dimension for all events under the current strategy's transforms and matrices (for plots and statistics). */
  column(dimension: Dimension): NumericColumn {
    return this.columns.column(dimension);
  }

  /**
   * Statistics of one dimension for each population (null: the whole sample), in the order asked. The first request
   * for children of a parent uses quickselect; a repeated one (a child moved, the parent did not) sorts the parent's
   * events once, and from then on siblings' percentiles come from one pass over that order.
   */
  statistics(ids: readonly (PopulationId | null)[], dimension: Dimension): ChannelStatistics[] {
    const column = this.columns.column(dimension);
    const parents = new Map(this.populationList.map((p) => [p.id, p.parentId]));
    const groups = new Map<PopulationId | null, number[]>();
    ids.forEach((id, k) => {
      if (id !== null) this.result(id);
      const parent = id === null ? null : (parents.get(id) ?? null);
      groups.set(parent, [...(groups.get(parent) ?? []), k]);
    });
    const out: ChannelStatistics[] = [];
    for (const [parent, members] of groups) {
      const populations = members.map((k) => this.indices(ids[k]));
      const sorted = this.sortedOrder(this.indices(parent), column);
      const computed = sorted ? statisticsWithinParent(column, sorted, populations) : statisticsBySelection(column, populations);
      members.forEach((k, m) => (out[k] = computed[m]));
    }
    return out;
  }

  /** The parent's events sorted by `column` from the second request on; null on the first. */
  private sortedOrder(events: Uint32Array, column: NumericColumn): Uint32Array | null {
    let byColumn = this.sortedOrders.get(events);
    if (!byColumn) {
      byColumn = new WeakMap();
      this.sortedOrders.set(events, byColumn);
    }
    const known = byColumn.get(column);
    if (known !== undefined) {
      if (known !== null) return known;
      const sorted = sortIndicesByValue(column, events);
      byColumn.set(column, sorted);
      return sorted;
    }
    byColumn.set(column, null);
    return null;
  }

  private result(id: PopulationId): PopulationResult {
    const result = this.results.get(id);
    if (!result) throw new RangeError(`population "${id}" is not in the current gating strategy`);
    return result;
  }

  private select(gate: Exclude<Gate, QuadrantGate>, events: Uint32Array, done: Map<PopulationId, PopulationResult>): Uint32Array {
    switch (gate.kind) {
      case 'rectangle':
        return selectInRectangle(events, gate.bounds.map((b) => this.columns.column(b.dimension)), gate.bounds, scratchFor(events.length));
      case 'polygon':
        return selectInPolygon(events, this.columns.column(gate.dimensions[0]), this.columns.column(gate.dimensions[1]), gate.vertices, scratchFor(events.length));
      case 'ellipsoid':
        return selectInEllipsoid(
          events,
          gate.dimensions.map((d) => this.columns.column(d)),
          gate.mean,
          gate.covariance,
          gate.distanceSquare,
          scratchFor(events.length),
          `covariance matrix of gate "${gate.id}"`,
        );
      case 'boolean': {
        const masks = gate.operands.map((operand) => {
          const result = done.get(operand.populationId) as PopulationResult;
          if (!result.mask) result.mask = this.maskOf(result.indices);
          return result.mask;
        });
        return selectByBoolean(events, gate.operator, masks, gate.operands.map((o) => o.complement), scratchFor(events.length));
      }
      default: {
        const unknown: never = gate;
        throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
      }
    }
  }

  private maskOf(indices: Uint32Array): Uint8Array {
    const mask = new Uint8Array(this.allEvents.length);
    for (let k = 0; k < indices.length; k++) mask[indices[k]] = 1;
    return mask;
  }

  /** Everything about a non-quadrant gate that decides which of its parent's events it keeps. */
  private regionKey(gate: Exclude<Gate, QuadrantGate>, done: Map<PopulationId, PopulationResult>): string {
    const dimension = (d: Dimension) => this.columns.dimensionKey(d);
    switch (gate.kind) {
      case 'rectangle':
        return JSON.stringify(['rectangle', gate.bounds.map((b) => [dimension(b.dimension), b.min, b.max])]);
      case 'polygon':
        return JSON.stringify(['polygon', gate.dimensions.map(dimension), gate.vertices]);
      case 'ellipsoid':
        return JSON.stringify(['ellipsoid', gate.dimensions.map(dimension), gate.mean, gate.covariance, gate.distanceSquare]);
      case 'boolean':
        return JSON.stringify(['boolean', gate.operator, gate.operands.map((o) => [done.get(o.populationId)?.key, o.complement])]);
      default: {
        const unknown: never = gate;
        throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
      }
    }
  }

  private quadrantKeys(gate: QuadrantGate, parentKey: string): string[] {
    const dividers = JSON.stringify(gate.dividers.map((d) => [this.columns.dimensionKey(d.dimension), d.values]));
    return quadrantIntervals(gate).map((intervals) => `${JSON.stringify(['quadrant', intervals])}${dividers}|parent:${parentKey}`);
  }
}
