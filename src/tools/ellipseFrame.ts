/**
 * A 2-D ellipsoid gate as a centre and two conjugate semi-diameters u, v in gate space: its boundary is
 * centre + u·cos t + v·sin t and its matrix is u·uᵀ + v·vᵀ = distanceSquare · covariance. Conjugate pairs survive
 * affine maps, so the pair chosen to look perpendicular on screen describes the same gate exactly.
 */
import type { EllipsoidGate } from '../gating/types.ts';
import type { AxisMap } from './placement.ts';

export type Vector = [number, number];

export interface EllipseFrame {
  centre: Vector;
  u: Vector;
  v: Vector;
}

/** The ellipsoid gate's mean, covariance and distanceSquare for a frame (distanceSquare is kept as given). */
export function ellipsoidOfFrame(frame: EllipseFrame, distanceSquare: number): Pick<EllipsoidGate, 'mean' | 'covariance' | 'distanceSquare'> {
  const { u, v } = frame;
  const m = (i: number, j: number) => (u[i] * u[j] + v[i] * v[j]) / distanceSquare;
  return { mean: [...frame.centre], covariance: [[m(0, 0), m(0, 1)], [m(1, 0), m(1, 1)]], distanceSquare };
}

/** Pixels per gate unit of each dimension at `centre` (the maps are separable, so the Jacobian is diagonal). */
export function localScale(maps: readonly AxisMap[], centre: Vector, extent: Vector): Vector {
  const slope = (d: 0 | 1) => {
    const step = Math.abs(extent[d]) * 1e-3 || (Math.abs(centre[d]) + 1) * 1e-6;
    return (maps[d].toPixel(centre[d] + step) - maps[d].toPixel(centre[d] - step)) / (2 * step);
  };
  return [slope(0), slope(1)];
}

const times = (a: Vector, b: Vector): Vector => [a[0] * b[0], a[1] * b[1]];
const over = (a: Vector, b: Vector): Vector => [a[0] / b[0], a[1] / b[1]];

/**
 * The frame of a 2-D ellipsoid whose semi-diameters are the principal axes as drawn (perpendicular in pixels,
 * through the local scale at the centre), longer axis first.
 */
export function screenFrame(gate: EllipsoidGate, maps: readonly AxisMap[]): EllipseFrame {
  const [[a, b], [c, d]] = gate.covariance;
  const k = gate.distanceSquare;
  // Symmetrise: Gating-ML allows any covariance, only its symmetric part shapes a 2-D ellipse.
  const m: [number, number, number] = [a * k, ((b + c) / 2) * k, d * k];
  const centre: Vector = [gate.mean[0], gate.mean[1]];
  const j = localScale(maps, centre, [Math.sqrt(Math.abs(m[0])), Math.sqrt(Math.abs(m[2]))]);
  const p = m[0] * j[0] * j[0];
  const q = m[1] * j[0] * j[1];
  const r = m[2] * j[1] * j[1];
  const mid = (p + r) / 2;
  const spread = Math.hypot((p - r) / 2, q);
  const angle = 0.5 * Math.atan2(2 * q, p - r);
  const major = Math.sqrt(Math.max(0, mid + spread));
  const minor = Math.sqrt(Math.max(0, mid - spread));
  const u: Vector = [major * Math.cos(angle), major * Math.sin(angle)];
  const v: Vector = [-minor * Math.sin(angle), minor * Math.cos(angle)];
  return { centre, u: over(u, j), v: over(v, j) };
}

/**
 * Points one semi-diameter at `end` (gate space) and keeps the other perpendicular to it on screen with its on-screen
 * length; null when `end` is (nearly) the centre.
 */
export function pointAxisAt(frame: EllipseFrame, maps: readonly AxisMap[], axis: 0 | 1, sign: 1 | -1, end: Vector): EllipseFrame | null {
  const j = localScale(maps, frame.centre, [Math.abs(frame.u[0]) + Math.abs(frame.v[0]), Math.abs(frame.u[1]) + Math.abs(frame.v[1])]);
  const along: Vector = [sign * (end[0] - frame.centre[0]), sign * (end[1] - frame.centre[1])];
  const alongPixels = times(along, j);
  const alongLength = Math.hypot(alongPixels[0], alongPixels[1]);
  if (!(alongLength > 1e-9)) return null;
  const otherPixels = times(axis === 0 ? frame.v : frame.u, j);
  const otherLength = Math.hypot(otherPixels[0], otherPixels[1]);
  let perpendicular: Vector = [(-alongPixels[1] / alongLength) * otherLength, (alongPixels[0] / alongLength) * otherLength];
  // Keep the turning direction, so the handles do not swap sides while dragging.
  if (perpendicular[0] * otherPixels[0] + perpendicular[1] * otherPixels[1] < 0) perpendicular = [-perpendicular[0], -perpendicular[1]];
  const other = over(perpendicular, j);
  return axis === 0 ? { centre: frame.centre, u: along, v: other } : { centre: frame.centre, u: other, v: along };
}

/** The frame moved to `centre`, re-scaled so it keeps its on-screen size and shape where the maps are not affine. */
export function moveFrame(frame: EllipseFrame, maps: readonly AxisMap[], centre: Vector): EllipseFrame {
  const extent: Vector = [Math.abs(frame.u[0]) + Math.abs(frame.v[0]), Math.abs(frame.u[1]) + Math.abs(frame.v[1])];
  const before = localScale(maps, frame.centre, extent);
  const after = localScale(maps, centre, extent);
  const rescale = (w: Vector) => over(times(w, before), after);
  return { centre, u: rescale(frame.u), v: rescale(frame.v) };
}

/** `count` points of the boundary in gate space. */
export function frameBoundary(frame: EllipseFrame, count: number): Vector[] {
  return Array.from({ length: count }, (_, k) => {
    const t = (2 * Math.PI * k) / count;
    const cos = Math.cos(t);
    const sin = Math.sin(t);
    return [frame.centre[0] + frame.u[0] * cos + frame.v[0] * sin, frame.centre[1] + frame.u[1] * cos + frame.v[1] * sin];
  });
}
