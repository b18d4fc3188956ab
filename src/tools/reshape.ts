/**
 * Gate edits made on screen: a handle or the whole gate moved by a pixel offset, turned back into the gate's own
 * space through its placement. Every edit starts from the gate as it was when the drag began, so a long drag never
 * accumulates rounding.
 */
import type { EllipsoidGate, QuadrantGate, RectangleGate } from '../gating/types.ts';
import { ellipsoidOfFrame, moveFrame, pointAxisAt, screenFrame, type Vector } from './ellipseFrame.ts';
import type { Handle } from './figures.ts';
import { type AxisMap, type DrawableGate, type PlacedGate, toGateValues, toPixelPoint } from './placement.ts';
import { clampToArea, type PlotArea, type Point } from './pointer.ts';

/** Divider values keep at least this many pixels apart, so they stay strictly ascending. */
const MIN_CUT_GAP_PX = 2;
/** A side dragged this close to the plot's edge becomes unbounded (it then includes the events piled there). */
const EDGE_SNAP_PX = 0.5;

const shift = (point: Point, delta: Point): Point => ({ x: point.x + delta.x, y: point.y + delta.y });

/** The gate with a handle dragged by `delta` pixels; null when the result is not a valid gate (e.g. off the scale). */
export function dragHandle(placed: PlacedGate, handle: Handle, delta: Point, area: PlotArea): DrawableGate | null {
  const { gate, maps } = placed;
  const target = handle.target;
  const to = clampToArea(shift(handle.at, delta), area);
  let result: DrawableGate;
  switch (target.kind) {
    case 'sides': {
      if (gate.kind !== 'rectangle') return null;
      const bounds = gate.bounds.map((bound) => ({ ...bound }));
      for (const { dimension, side } of target.sides) bounds[dimension][side] = sideValue(maps[dimension], to, side, area);
      for (const bound of bounds) {
        if (bound.min !== null && bound.max !== null && bound.min > bound.max) [bound.min, bound.max] = [bound.max, bound.min];
      }
      result = { ...gate, bounds } satisfies RectangleGate;
      break;
    }
    case 'vertex': {
      if (gate.kind !== 'polygon') return null;
      const [x, y] = toGateValues(maps, to);
      result = { ...gate, vertices: gate.vertices.map((v, k): [number, number] => (k === target.index ? [x, y] : [v[0], v[1]])) };
      break;
    }
    case 'axisEnd': {
      if (gate.kind !== 'ellipsoid') return null;
      const [x, y] = toGateValues(maps, to);
      const frame = pointAxisAt(screenFrame(gate, maps), maps, target.axis, target.sign, [x, y]);
      if (!frame) return null;
      result = { ...gate, ...ellipsoidOfFrame(frame, gate.distanceSquare) } satisfies EllipsoidGate;
      break;
    }
    case 'cuts': {
      if (gate.kind !== 'quadrant') return null;
      const dividers = gate.dividers.map((divider) => ({ ...divider, values: [...divider.values] }));
      for (const { divider, index } of target.cuts) {
        const map = maps[divider];
        const pixel = clampBetweenNeighbours(map, dividers[divider].values, index, to[map.axis], area);
        dividers[divider].values[index] = map.toValue(pixel);
      }
      result = { ...gate, dividers } satisfies QuadrantGate;
      break;
    }
    default: {
      const unknown: never = target;
      throw new Error(`unknown handle ${JSON.stringify(unknown)}`);
    }
  }
  return isFiniteGate(result) && ascending(result) ? result : null;
}

/** The whole gate moved by `delta` pixels (unbounded sides stay unbounded). */
export function translateGate(placed: PlacedGate, delta: Point): DrawableGate | null {
  const { gate, maps } = placed;
  const move = (map: AxisMap, value: number) => map.toValue(map.toPixel(value) + delta[map.axis]);
  let result: DrawableGate;
  switch (gate.kind) {
    case 'rectangle':
      result = {
        ...gate,
        bounds: gate.bounds.map((b, d) => ({ ...b, min: b.min === null ? null : move(maps[d], b.min), max: b.max === null ? null : move(maps[d], b.max) })),
      };
      break;
    case 'polygon':
      result = { ...gate, vertices: gate.vertices.map((v) => toGateValues(maps, shift(toPixelPoint(maps, v), delta)) as [number, number]) };
      break;
    case 'ellipsoid': {
      const frame = screenFrame(gate, maps);
      const centre = toGateValues(maps, shift(toPixelPoint(maps, frame.centre), delta)) as Vector;
      result = { ...gate, ...ellipsoidOfFrame(moveFrame(frame, maps, centre), gate.distanceSquare) };
      break;
    }
    case 'quadrant':
      result = { ...gate, dividers: gate.dividers.map((d, k) => ({ ...d, values: d.values.map((v) => move(maps[k], v)) })) };
      break;
    default: {
      const unknown: never = gate;
      throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
    }
  }
  return isFiniteGate(result) && ascending(result) ? result : null;
}

function sideValue(map: AxisMap, to: Point, side: 'min' | 'max', area: PlotArea): number | null {
  const pixel = to[map.axis];
  const lowEdge = map.axis === 'x' ? area.left : area.bottom;
  const highEdge = map.axis === 'x' ? area.right : area.top;
  const edge = side === 'min' ? lowEdge : highEdge;
  return Math.abs(pixel - edge) <= EDGE_SNAP_PX ? null : map.toValue(pixel);
}

/** Keeps a divider value's pixel strictly between its neighbours' (whichever way the axis runs on screen). */
function clampBetweenNeighbours(map: AxisMap, values: readonly number[], index: number, pixel: number, area: PlotArea): number {
  const [lowEdge, highEdge] = map.axis === 'x' ? [area.left, area.right] : [area.bottom, area.top];
  const direction = Math.sign(highEdge - lowEdge);
  const below = index > 0 ? map.toPixel(values[index - 1]) + direction * MIN_CUT_GAP_PX : lowEdge;
  const above = index < values.length - 1 ? map.toPixel(values[index + 1]) - direction * MIN_CUT_GAP_PX : highEdge;
  const [lo, hi] = below <= above ? [below, above] : [above, below];
  return Math.min(hi, Math.max(lo, pixel));
}

function ascending(gate: DrawableGate): boolean {
  return gate.kind !== 'quadrant' || gate.dividers.every((d) => d.values.every((v, k) => k === 0 || v > d.values[k - 1]));
}

function isFiniteGate(gate: DrawableGate): boolean {
  switch (gate.kind) {
    case 'rectangle':
      return gate.bounds.every((b) => (b.min === null || Number.isFinite(b.min)) && (b.max === null || Number.isFinite(b.max)));
    case 'polygon':
      return gate.vertices.flat().every(Number.isFinite);
    case 'ellipsoid':
      return [...gate.mean, ...gate.covariance.flat()].every(Number.isFinite) && gate.covariance[0][0] * gate.covariance[1][1] - gate.covariance[0][1] * gate.covariance[1][0] > 0;
    case 'quadrant':
      return gate.dividers.every((d) => d.values.every(Number.isFinite));
    default: {
      const unknown: never = gate;
      throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
    }
  }
}
