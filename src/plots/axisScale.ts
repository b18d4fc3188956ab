/**
 * Data units ↔ pixels for one plot axis: the axis's display transform, then a linear map of the transformed
 * visible range onto the pixel range. Gates and ticks are drawn through this, so they line up with the binned grid.
 */
import { displayDomain } from '../analysis/sampleSession.ts';
import type { AxisSpec } from '../analysis/axes.ts';
import { axisTicks, type AxisTick } from '../transforms/ticks.ts';
import { scaleOf } from '../transforms/transform.ts';

export interface AxisScale {
  /** Data value → pixel (not clamped). */
  toPixel(value: number): number;
  /** Pixel → data value. */
  toData(pixel: number): number;
  /** Ticks inside the visible range, with their pixel positions. */
  ticks: (AxisTick & { pixel: number })[];
  /** [start, end] pixels of the visible range. */
  range: [number, number];
}

export function axisScale(axis: AxisSpec, range: [number, number]): AxisScale {
  const [lo, hi] = displayDomain(axis);
  const [p0, p1] = range;
  const perUnit = (p1 - p0) / (hi - lo);
  const transform = axis.scale ? scaleOf(axis.scale) : null;
  const toDisplay = transform ? (v: number) => transform.apply(v) : (v: number) => v;
  const fromDisplay = transform ? (d: number) => transform.invert(d) : (d: number) => d;
  const toPixel = (value: number) => p0 + (toDisplay(value) - lo) * perUnit;
  const [min, max] = axis.domain;
  const ticks = axisTicks(axis.scale, { min, max }).map((tick) => ({ ...tick, pixel: toPixel(tick.value) }));
  return { toPixel, toData: (pixel) => fromDisplay(lo + (pixel - p0) / perUnit), ticks, range };
}
