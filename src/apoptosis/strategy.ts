/**
 * The apoptosis gating strategy as ordinary, editable gates of the gate model: Cells (polygon, FSC vs SSC) →
 * Singlets (polygon, FSC-A vs FSC-H or -W; left out when the file has no pulse pair) → Annexin V × PI quadrant gate
 * with the four named quadrants, plus Total apoptotic = early OR late, under Singlets (else Cells). Every dimension
 * reads data units (transform null): quadrant and polygon membership do not depend on the display axes, which the UI
 * draws logicle (fluorescence) and linear (scatter).
 */
import { dataDimension } from '../analysis/sampleSession.ts';
import { GATING_STRATEGY_VERSION, type GatingStrategy, type PolygonGate, type PopulationId, type QuadrantGate } from '../gating/types.ts';
import type { FluorescenceChannels, ResolvedCompensation } from './compensation.ts';
import type { ScatterChannels } from '../channels/scatter.ts';
import {
  ANNEXIN_DIVIDER_ID, APOPTOSIS_POPULATIONS, CELLS_ID, PI_DIVIDER_ID, QUADRANT_GATE_ID, QUADRANT_KEYS, QUADRANT_SIDES, SINGLETS_ID,
} from './populations.ts';
import type { QuadrantThresholds } from './thresholds.ts';

export interface PreGateVertices {
  /** (FSC, SSC) polygon in data units. */
  cells: [number, number][];
  /** (FSC-A, FSC-H or FSC-W) polygon in data units; null when the file has no pulse pair. */
  singlets: [number, number][] | null;
}

/** Everything a sample's strategy is made of except the quadrant thresholds. */
export interface ApoptosisGatingPlan {
  scatter: ScatterChannels;
  fluorescence: FluorescenceChannels;
  compensation: ResolvedCompensation;
  preGates: PreGateVertices;
}

function polygon(id: string, name: string, parentId: string | null, x: string, y: string, vertices: [number, number][]): PolygonGate {
  return { kind: 'polygon', id, name, parentId, dimensions: [dataDimension(x, 'uncompensated'), dataDimension(y, 'uncompensated')], vertices: vertices.map(([a, b]) => [a, b]) };
}

/** The population the quadrant splits and percentages are of: Singlets, or Cells when there is no singlet gate. */
export function quadrantParentId(strategy: Pick<GatingStrategy, 'gates'>): PopulationId {
  return strategy.gates.some((g) => g.id === SINGLETS_ID) ? SINGLETS_ID : CELLS_ID;
}

/** Cells → Singlets only, with the plan's compensation matrix defined (what controls need before thresholds exist). */
export function buildPreGateStrategy(plan: ApoptosisGatingPlan): GatingStrategy {
  const { scatter, compensation, preGates } = plan;
  const pair = scatter.singletPulse;
  return {
    version: GATING_STRATEGY_VERSION,
    transforms: {},
    ratios: {},
    compensations: compensation.matrix ? { [compensation.matrix.id]: compensation.matrix.matrix } : {},
    gates: [
      polygon(CELLS_ID, 'Cells', null, scatter.fsc, scatter.ssc, preGates.cells),
      ...(pair && preGates.singlets ? [polygon(SINGLETS_ID, 'Singlets', CELLS_ID, pair.area, pair.pulse, preGates.singlets)] : []),
    ],
  };
}

/** The full strategy: pre-gates, the named quadrants split at `thresholds` (compensated data units), total apoptotic. */
export function buildApoptosisStrategy(plan: ApoptosisGatingPlan, thresholds: QuadrantThresholds): GatingStrategy {
  const base = buildPreGateStrategy(plan);
  const { fluorescence, compensation } = plan;
  const parentId = quadrantParentId(base);
  const quadrants: QuadrantGate = {
    kind: 'quadrant',
    id: QUADRANT_GATE_ID,
    name: 'Annexin V × PI',
    parentId,
    dividers: [
      { id: ANNEXIN_DIVIDER_ID, dimension: dataDimension(fluorescence.annexin, compensation.ref), values: [thresholds.annexin] },
      { id: PI_DIVIDER_ID, dimension: dataDimension(fluorescence.pi, compensation.ref), values: [thresholds.pi] },
    ],
    quadrants: QUADRANT_KEYS.map((key) => {
      const { id, name } = APOPTOSIS_POPULATIONS[key];
      const { annexin, pi } = QUADRANT_SIDES[key];
      return { id, name, positions: [{ dividerId: ANNEXIN_DIVIDER_ID, interval: annexin }, { dividerId: PI_DIVIDER_ID, interval: pi }] };
    }),
  };
  const total = APOPTOSIS_POPULATIONS.totalApoptotic;
  return {
    ...base,
    gates: [
      ...base.gates,
      quadrants,
      {
        kind: 'boolean',
        id: total.id,
        name: total.name,
        parentId,
        operator: 'or',
        operands: [APOPTOSIS_POPULATIONS.earlyApoptotic.id, APOPTOSIS_POPULATIONS.lateApoptotic.id].map((populationId) => ({ populationId, complement: false })),
      },
    ],
  };
}

function quadrantGate(strategy: GatingStrategy): QuadrantGate {
  const gate = strategy.gates.find((g) => g.id === QUADRANT_GATE_ID);
  if (gate?.kind !== 'quadrant') throw new RangeError(`the strategy has no Annexin V × PI quadrant gate "${QUADRANT_GATE_ID}"`);
  return gate;
}

/** The quadrant centre a strategy actually uses (after any hand edits), in compensated data units. */
export function readQuadrantThresholds(strategy: GatingStrategy): QuadrantThresholds {
  const gate = quadrantGate(strategy);
  const value = (id: string) => {
    const divider = gate.dividers.find((d) => d.id === id);
    if (!divider || divider.values.length !== 1) throw new RangeError(`the quadrant gate's "${id}" divider must have exactly one value`);
    return divider.values[0];
  };
  return { annexin: value(ANNEXIN_DIVIDER_ID), pi: value(PI_DIVIDER_ID) };
}

/** The same strategy with the quadrant centre moved (a per-sample adjustment); the input is not modified. */
export function withQuadrantThresholds(strategy: GatingStrategy, thresholds: QuadrantThresholds): GatingStrategy {
  const gate = quadrantGate(strategy);
  const moved: QuadrantGate = {
    ...gate,
    dividers: gate.dividers.map((d) => {
      if (d.id === ANNEXIN_DIVIDER_ID) return { ...d, values: [thresholds.annexin] };
      if (d.id === PI_DIVIDER_ID) return { ...d, values: [thresholds.pi] };
      return d;
    }),
  };
  return { ...strategy, gates: strategy.gates.map((g) => (g.id === QUADRANT_GATE_ID ? moved : g)) };
}

/** Shared thresholds with a sample's hand-set values (either axis) applied on top. */
export function effectiveThresholds(shared: QuadrantThresholds, override: Partial<QuadrantThresholds> | null): QuadrantThresholds {
  return { annexin: override?.annexin ?? shared.annexin, pi: override?.pi ?? shared.pi };
}
