import type { Point } from '../../tools/pointer.ts';

/** SVG path data through the points, closed when asked. */
export function pathThrough(points: readonly Point[], closed: boolean): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  return `M${first.x},${first.y}${rest.map((p) => `L${p.x},${p.y}`).join('')}${closed ? 'Z' : ''}`;
}
