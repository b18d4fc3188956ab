/**
 * Where a gate lies on a plot. A gate coordinate is in the space of its dimension's own transform (data units when
 * none); a plot axis draws data through its display transform. Each gate dimension is therefore mapped
 * gate space → data → the axis's transform → pixels, so gates drawn or imported in any space land where their
 * events are.
 */
import type { AxisSpec } from '../analysis/axes.ts';
import { gateDimensions } from '../gating/strategy.ts';
import type { Dimension, EllipsoidGate, Gate, GatingStrategy, PolygonGate, QuadrantGate, RectangleGate } from '../gating/types.ts';
import { scaleOf } from '../transforms/transform.ts';
import type { Transform } from '../transforms/types.ts';
import type { PlotArea, Point } from './pointer.ts';

/** Data units ↔ pixels along one plot axis (the plots' AxisScale has this shape). */
export interface PixelAxis {
  toPixel(data: number): number;
  toData(pixel: number): number;
}

/** One axis of a plot: what it reads and how it draws it. */
export interface PlotAxisView extends Pick<AxisSpec, 'channel' | 'compensation' | 'scale'> {
  pixels: PixelAxis;
}

/** A density plot (x and y) or a histogram (y null). */
export interface PlotView {
  x: PlotAxisView;
  y: PlotAxisView | null;
  area: PlotArea;
}

/** One gate dimension ↔ pixels along the plot axis it is drawn on. */
export interface AxisMap {
  axis: 'x' | 'y';
  toPixel(value: number): number;
  toValue(pixel: number): number;
  /** True when pixels are an affine function of the gate's values (its space is the axis's display space). */
  affine: boolean;
}

export type DrawableGate = RectangleGate | PolygonGate | EllipsoidGate | QuadrantGate;

/** A gate with a pixel map for each of its dimensions (bounds, dimensions or dividers, in the gate's order). */
export interface PlacedGate {
  gate: DrawableGate;
  maps: AxisMap[];
}

export function sameTransform(a: Transform | null, b: Transform | null): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** The pixel map of a gate dimension drawn on a plot axis. */
export function axisMap(transform: Transform | null, axis: PlotAxisView, which: 'x' | 'y'): AxisMap {
  const affine = sameTransform(transform, axis.scale);
  if (transform === null) return { axis: which, toPixel: (v) => axis.pixels.toPixel(v), toValue: (p) => axis.pixels.toData(p), affine };
  const scale = scaleOf(transform);
  return { axis: which, toPixel: (v) => axis.pixels.toPixel(scale.invert(v)), toValue: (p) => scale.apply(axis.pixels.toData(p)), affine };
}

function reads(dimension: Dimension, axis: PlotAxisView): boolean {
  return dimension.source.kind === 'channel' && dimension.source.name === axis.channel && dimension.compensation === axis.compensation;
}

/**
 * The gate placed on the plot, or null when it is not drawn there: a density plot draws gates over exactly its two
 * channels (in either order), a histogram gates over exactly its channel, both with the axis's compensation.
 */
export function placeGate(gate: Gate, view: PlotView, transforms: GatingStrategy['transforms']): PlacedGate | null {
  if (gate.kind === 'boolean') return null;
  const dimensions = gateDimensions(gate);
  const axes: ('x' | 'y')[] = [];
  for (const dimension of dimensions) {
    if (reads(dimension, view.x) && !axes.includes('x')) axes.push('x');
    else if (view.y && reads(dimension, view.y) && !axes.includes('y')) axes.push('y');
    else return null;
  }
  if (axes.length !== (view.y ? 2 : 1)) return null;
  const maps = dimensions.map((dimension, d) => {
    const axis = axes[d] === 'x' ? view.x : (view.y as PlotAxisView);
    const transform = dimension.transform === null ? null : (transforms[dimension.transform] ?? null);
    return axisMap(transform, axis, axes[d]);
  });
  return { gate, maps };
}

/** Pixel position of a point given in gate space (one value per dimension). */
export function toPixelPoint(maps: readonly AxisMap[], values: readonly number[]): Point {
  const point = { x: 0, y: 0 };
  maps.forEach((map, d) => {
    point[map.axis] = map.toPixel(values[d]);
  });
  return point;
}

/** Gate-space values (one per dimension) of a pixel position. */
export function toGateValues(maps: readonly AxisMap[], point: Point): number[] {
  return maps.map((map) => map.toValue(point[map.axis]));
}
