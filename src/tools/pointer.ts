/**
 * What every drawing tool is fed: pointer events in plot pixels (the plot's SVG coordinates, y downwards) with a
 * time stamp, and the few keys that steer a drawing. The thresholds are in pixels because they are about the hand.
 */

export interface Point {
  x: number;
  y: number;
}

/** The plot area in pixels (inside the axes). */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type ToolKey = 'Escape' | 'Enter' | 'Backspace';

export type ToolEvent =
  | { kind: 'pointerDown'; point: Point; time: number }
  | { kind: 'pointerMove'; point: Point; time: number }
  | { kind: 'pointerUp'; point: Point; time: number }
  /** The pointer left the plot (hover feedback ends). */
  | { kind: 'pointerLeave' }
  | { kind: 'key'; key: ToolKey }
  /** The pointer was lost (pointercancel, lost capture, the tool was switched). */
  | { kind: 'cancel' };

/** A press that moves less than this is a click, not a drag (FlowJo and most drawing apps use a few pixels). */
export const DRAG_THRESHOLD_PX = 4;
/** How close to a handle or vertex a press must be to grab it. */
export const HANDLE_RADIUS_PX = 7;
/** Two presses closer in time and space than this are a double-click. */
export const DOUBLE_CLICK_MS = 450;
/** Smallest width or height a new rectangle, ellipse or range may have. */
export const MIN_SHAPE_PX = 3;

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function clampToArea(point: Point, area: PlotArea): Point {
  return { x: Math.min(area.right, Math.max(area.left, point.x)), y: Math.min(area.bottom, Math.max(area.top, point.y)) };
}

/** Distance from a point to the segment a–b. */
export function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2));
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}

/** A press counts as a double-click when it follows the previous one closely in time and place. */
export interface LastClick {
  at: Point;
  time: number;
}

export function isDoubleClick(last: LastClick | null, point: Point, time: number): boolean {
  return last !== null && time - last.time <= DOUBLE_CLICK_MS && distance(last.at, point) <= DRAG_THRESHOLD_PX;
}
