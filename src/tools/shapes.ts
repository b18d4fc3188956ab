/** Shapes drawn by the creation tools, in plot pixels: what a finished drawing produces and what a draft shows. */
import type { Point } from './pointer.ts';

export type DrawnShape =
  | { kind: 'rectangle'; from: Point; to: Point }
  /** The ellipse inscribed in the dragged box. */
  | { kind: 'ellipse'; from: Point; to: Point }
  /** Pixel x of the two ends. */
  | { kind: 'range'; from: number; to: number }
  | { kind: 'polygon'; vertices: Point[] }
  | { kind: 'quadrant'; centre: Point }
  /** Pixel x of the boundaries, ascending; the ranges lie between consecutive ones. */
  | { kind: 'multiRange'; boundaries: number[] };

/** A drawing in progress; polygons and multi-ranges also follow the pointer. */
export type Draft =
  | Exclude<DrawnShape, { kind: 'polygon' } | { kind: 'multiRange' }>
  | { kind: 'polygon'; vertices: Point[]; cursor: Point | null; closing: boolean }
  | { kind: 'multiRange'; boundaries: number[]; cursor: number | null };
