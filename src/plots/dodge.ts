/**
 * Sideways offsets that keep round markers of one radius from covering each other (replicates with the same
 * concentration and nearly the same value): in the given order, each marker takes the nearest free place beside its
 * own x (0, +step, −step, +2·step, …), so every one stays visible and can be clicked.
 */
export function dodgeMarkers(points: readonly { x: number; y: number }[], radius: number): number[] {
  const step = 2 * radius + 1;
  const placed: { x: number; y: number }[] = [];
  return points.map(({ x, y }) => {
    for (let k = 0; ; k++) {
      const offset = k === 0 ? 0 : Math.ceil(k / 2) * step * (k % 2 === 1 ? 1 : -1);
      const free = placed.every((p) => Math.hypot(p.x - (x + offset), p.y - y) >= step);
      if (free) {
        placed.push({ x: x + offset, y });
        return offset;
      }
    }
  });
}
