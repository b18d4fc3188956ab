/**
 * Gates as plain, JSON-serialisable data, modelled on ISAC Gating-ML 2.0 (Spidlen et al., Cytometry A 2015;87:683)
 * and FlowKit's model. Coordinates are in the space of each dimension's transform (raw data units when the
 * transform is null), after the dimension's compensation.
 */
import type { CompensationId, CompensationRef, SpectrumMatrix } from '../compensation/types.ts';
import type { RatioDefinition, Transform, TransformId } from '../transforms/types.ts';

export type GateId = string;
/** Every non-quadrant gate is a population with the gate's id; each quadrant of a quadrant gate is one too. */
export type PopulationId = string;

/** What a dimension measures: a channel by $PnN (or spectrum-matrix fluorochrome name), or a ratio of the strategy. */
export type DimensionSource = { kind: 'channel'; name: string } | { kind: 'ratio'; ratioId: string };

export interface Dimension {
  source: DimensionSource;
  compensation: CompensationRef;
  /** Id in `GatingStrategy.transforms`, or null for data units. */
  transform: TransformId | null;
}

/** One side of a rectangle: half-open [min, max) as Gating-ML says; a null bound is unbounded. */
export interface RectangleBound {
  dimension: Dimension;
  min: number | null;
  max: number | null;
}

interface GateCommon {
  id: GateId;
  name: string;
  /** Population whose events this gate subdivides; null for the whole sample. */
  parentId: PopulationId | null;
}

/** n-dimensional rectangle; with one bound it is the range gate. Inside when min ≤ v < max on every bound. */
export interface RectangleGate extends GateCommon {
  kind: 'rectangle';
  bounds: RectangleBound[];
}

/** 2-D polygon, implicitly closed; inside by the Gating-ML rule (see geometry.ts for the winding treatment). */
export interface PolygonGate extends GateCommon {
  kind: 'polygon';
  dimensions: [Dimension, Dimension];
  /** [x, y] in the dimensions' spaces; at least 3. */
  vertices: [number, number][];
}

/** Inside when (v − mean)ᵀ · covariance⁻¹ · (v − mean) ≤ distanceSquare; a 2-D ellipsoid is the ellipse gate. */
export interface EllipsoidGate extends GateCommon {
  kind: 'ellipsoid';
  dimensions: Dimension[];
  mean: number[];
  covariance: number[][];
  distanceSquare: number;
}

/** A divider splits one dimension at ascending `values` into values.length + 1 half-open intervals. */
export interface QuadrantDivider {
  id: string;
  dimension: Dimension;
  values: number[];
}

/**
 * Which interval of a divider a quadrant covers: 0 is (−∞, values[0]), k is [values[k−1], values[k]),
 * values.length is [values[last], +∞). Gating-ML writes a "location" point instead; an interval index keeps
 * the quadrant's meaning when a divider is moved.
 */
export interface QuadrantPosition {
  dividerId: string;
  interval: number;
}

/** A named population of a quadrant gate; dividers it does not mention are unconstrained. */
export interface Quadrant {
  id: PopulationId;
  name: string;
  positions: QuadrantPosition[];
}

/**
 * Dividers plus named quadrants. The gate itself is not a population: its quadrants are, each with the gate's
 * parent as parent, and other gates refer to a quadrant (FlowKit's rule).
 */
export interface QuadrantGate extends GateCommon {
  kind: 'quadrant';
  dividers: QuadrantDivider[];
  quadrants: Quadrant[];
}

export interface BooleanOperand {
  /** Any population; its own ancestry applies (Gating-ML gateReference). */
  populationId: PopulationId;
  /** Gating-ML `use-as-complement`. */
  complement: boolean;
}

/** and/or over ≥ 1 operands, not over exactly 1, then restricted to the parent's events. */
export interface BooleanGate extends GateCommon {
  kind: 'boolean';
  operator: 'and' | 'or' | 'not';
  operands: BooleanOperand[];
}

export type Gate = RectangleGate | PolygonGate | EllipsoidGate | QuadrantGate | BooleanGate;

export const GATING_STRATEGY_VERSION = 1;

/** Everything needed to gate a sample: what crosses the worker boundary and what templates and workspaces store. */
export interface GatingStrategy {
  version: typeof GATING_STRATEGY_VERSION;
  transforms: Record<TransformId, Transform>;
  ratios: Record<string, RatioDefinition>;
  compensations: Record<CompensationId, SpectrumMatrix>;
  /** Any order; parents are resolved by id. */
  gates: Gate[];
}

/** A node of the population tree derived from the gates. */
export interface Population {
  id: PopulationId;
  name: string;
  parentId: PopulationId | null;
  /** The gate that defines it (the quadrant gate for a quadrant). */
  gateId: GateId;
}

/** A strategy that cannot be evaluated: unknown reference, cycle, bad shape. `path` says where. */
export class GatingStrategyError extends Error {
  override name = 'GatingStrategyError';
  readonly path: string;
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.path = path;
  }
}
