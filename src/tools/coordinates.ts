/**
 * A gate's geometry as numbers a user types, in data units whatever the gate's own space: rectangle and range
 * bounds, polygon vertices, ellipse centre and axis ends, quadrant and multi-range cut values. Typed numbers are
 * checked and turned back into the gate's space exactly (through its transforms), never through pixels.
 */
import type { Dimension, Gate, GatingStrategy } from '../gating/types.ts';
import { scaleOf } from '../transforms/transform.ts';
import { ellipsoidOfFrame, screenFrame, type Vector } from './ellipseFrame.ts';
import type { AxisMap } from './placement.ts';

export type GateCoordinates =
  /** A null bound is unbounded. */
  | { kind: 'rectangle'; bounds: { channel: string; min: number | null; max: number | null }[] }
  | { kind: 'polygon'; channels: [string, string]; vertices: Vector[] }
  /** The ellipse passes through both ends; they are conjugate semi-diameters, e.g. its axes. */
  | { kind: 'ellipse'; channels: [string, string]; centre: Vector; ends: [Vector, Vector] }
  | { kind: 'dividers'; dividers: { channel: string; values: number[] }[] };

/** A problem with a typed value; `field` is its path in GateCoordinates, e.g. "bounds.0.min" or "vertices.2.1". */
export interface CoordinateError {
  field: string;
  message: string;
}

export type CoordinateResult = { ok: true; gate: Gate } | { ok: false; errors: CoordinateError[] };

type Transforms = GatingStrategy['transforms'];

function channelOf(dimension: Dimension): string {
  return dimension.source.kind === 'channel' ? dimension.source.name : dimension.source.ratioId;
}

function toData(dimension: Dimension, transforms: Transforms, value: number): number {
  return dimension.transform === null ? value : scaleOf(transforms[dimension.transform]).invert(value);
}

function toGate(dimension: Dimension, transforms: Transforms, value: number): number {
  return dimension.transform === null ? value : scaleOf(transforms[dimension.transform]).apply(value);
}

const IDENTITY: AxisMap[] = [
  { axis: 'x', toPixel: (v) => v, toValue: (p) => p, affine: true },
  { axis: 'y', toPixel: (v) => v, toValue: (p) => p, affine: true },
];

/** The gate's coordinates in data units; null for gates without typed geometry (Boolean, n-D ellipsoids). */
export function coordinatesOf(gate: Gate, transforms: Transforms): GateCoordinates | null {
  const data = (d: Dimension, v: number) => toData(d, transforms, v);
  switch (gate.kind) {
    case 'rectangle':
      return {
        kind: 'rectangle',
        bounds: gate.bounds.map((b) => ({ channel: channelOf(b.dimension), min: b.min === null ? null : data(b.dimension, b.min), max: b.max === null ? null : data(b.dimension, b.max) })),
      };
    case 'polygon': {
      const [dx, dy] = gate.dimensions;
      return { kind: 'polygon', channels: [channelOf(dx), channelOf(dy)], vertices: gate.vertices.map(([x, y]) => [data(dx, x), data(dy, y)]) };
    }
    case 'ellipsoid': {
      if (gate.dimensions.length !== 2) return null;
      const [dx, dy] = gate.dimensions;
      const { centre, u, v } = screenFrame(gate, IDENTITY);
      const point = (w: Vector): Vector => [data(dx, centre[0] + w[0]), data(dy, centre[1] + w[1])];
      return { kind: 'ellipse', channels: [channelOf(dx), channelOf(dy)], centre: point([0, 0]), ends: [point(u), point(v)] };
    }
    case 'quadrant':
      return { kind: 'dividers', dividers: gate.dividers.map((d) => ({ channel: channelOf(d.dimension), values: d.values.map((v) => data(d.dimension, v)) })) };
    case 'boolean':
      return null;
    default: {
      const unknown: never = gate;
      throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
    }
  }
}

/** Collects errors while converting typed data values into a gate's space. */
class Checker {
  readonly errors: CoordinateError[] = [];
  private readonly transforms: Transforms;

  constructor(transforms: Transforms) {
    this.transforms = transforms;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** The value in the dimension's space, or NaN (with an error) when it is not a number or off the transform's scale. */
  value(field: string, label: string, dimension: Dimension, value: number): number {
    if (!Number.isFinite(value)) {
      this.fail(field, `${label} must be a number`);
      return Number.NaN;
    }
    const converted = toGate(dimension, this.transforms, value);
    if (!Number.isFinite(converted)) this.fail(field, `${label} is outside the scale this gate is defined on`);
    return converted;
  }
}

/** The gate with typed coordinates (data units) in place, or every problem found. */
export function withCoordinates(gate: Gate, coordinates: GateCoordinates, transforms: Transforms): CoordinateResult {
  const check = new Checker(transforms);
  const result = applyCoordinates(gate, coordinates, check);
  if (!result) return { ok: false, errors: [{ field: '', message: `a ${gate.kind} gate has no such coordinates` }] };
  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, gate: result };
}

function applyCoordinates(gate: Gate, coordinates: GateCoordinates, check: Checker): Gate | null {
  if (gate.kind === 'rectangle' && coordinates.kind === 'rectangle' && coordinates.bounds.length === gate.bounds.length) {
    const bounds = gate.bounds.map((b, d) => {
      const typed = coordinates.bounds[d];
      const side = (which: 'min' | 'max') => {
        const value = typed[which];
        return value === null ? null : check.value(`bounds.${d}.${which}`, `${typed.channel} ${which}`, b.dimension, value);
      };
      const [min, max] = [side('min'), side('max')];
      if (min === null && max === null) check.fail(`bounds.${d}.min`, `${typed.channel} needs a min, a max or both`);
      if (min !== null && max !== null && !(min < max)) check.fail(`bounds.${d}.max`, `${typed.channel} max must be above its min`);
      return { ...b, min, max };
    });
    return { ...gate, bounds };
  }
  if (gate.kind === 'polygon' && coordinates.kind === 'polygon') {
    const [dx, dy] = gate.dimensions;
    if (coordinates.vertices.length < 3) check.fail('vertices', `a polygon needs at least 3 vertices, it has ${coordinates.vertices.length}`);
    const vertices = coordinates.vertices.map(([x, y], k): Vector => [
      check.value(`vertices.${k}.0`, `vertex ${k + 1} ${coordinates.channels[0]}`, dx, x),
      check.value(`vertices.${k}.1`, `vertex ${k + 1} ${coordinates.channels[1]}`, dy, y),
    ]);
    return { ...gate, vertices };
  }
  if (gate.kind === 'ellipsoid' && coordinates.kind === 'ellipse' && gate.dimensions.length === 2) {
    const [dx, dy] = gate.dimensions;
    const [cx, cy] = coordinates.channels;
    const point = (field: string, label: string, [x, y]: Vector): Vector => [
      check.value(`${field}.0`, `${label} ${cx}`, dx, x),
      check.value(`${field}.1`, `${label} ${cy}`, dy, y),
    ];
    const centre = point('centre', 'centre', coordinates.centre);
    const [end1, end2] = [point('ends.0', 'axis end 1', coordinates.ends[0]), point('ends.1', 'axis end 2', coordinates.ends[1])];
    const u: Vector = [end1[0] - centre[0], end1[1] - centre[1]];
    const v: Vector = [end2[0] - centre[0], end2[1] - centre[1]];
    if (check.errors.length === 0 && !(Math.abs(u[0] * v[1] - u[1] * v[0]) > 0)) {
      check.fail('ends.1', 'the two axis ends must not lie on one line through the centre');
    }
    return { ...gate, ...ellipsoidOfFrame({ centre, u, v }, gate.distanceSquare) };
  }
  if (gate.kind === 'quadrant' && coordinates.kind === 'dividers' && coordinates.dividers.length === gate.dividers.length) {
    const dividers = gate.dividers.map((divider, d) => {
      const typed = coordinates.dividers[d];
      if (typed.values.length !== divider.values.length) check.fail(`dividers.${d}`, `${typed.channel} needs ${divider.values.length} values`);
      const values = typed.values.map((v, k) => check.value(`dividers.${d}.values.${k}`, `${typed.channel} cut ${k + 1}`, divider.dimension, v));
      values.forEach((v, k) => {
        if (k > 0 && Number.isFinite(v) && Number.isFinite(values[k - 1]) && !(v > values[k - 1])) check.fail(`dividers.${d}.values.${k}`, `${typed.channel} cuts must increase from one to the next`);
      });
      return { ...divider, values };
    });
    return { ...gate, dividers };
  }
  return null;
}
