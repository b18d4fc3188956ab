import { describe, expect, it } from 'vitest';
import { dodgeMarkers } from './dodge.ts';

describe('dodgeMarkers', () => {
  it('leaves markers that do not touch where they are', () => {
    expect(dodgeMarkers([{ x: 10, y: 10 }, { x: 30, y: 10 }, { x: 10, y: 30 }], 4)).toEqual([0, 0, 0]);
  });

  it('sets three replicates on one spot side by side, alternating right and left', () => {
    expect(dodgeMarkers([{ x: 50, y: 20 }, { x: 50, y: 20 }, { x: 50, y: 21 }], 4)).toEqual([0, 9, -9]);
  });

  it('never leaves two markers closer than a diameter plus a pixel', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ x: 100 + (i % 3), y: 40 + (i % 4) * 2 }));
    const offsets = dodgeMarkers(points, 4);
    const placed = points.map((p, i) => ({ x: p.x + offsets[i], y: p.y }));
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(Math.hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y)).toBeGreaterThanOrEqual(9);
    }
  });
});
