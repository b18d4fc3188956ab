import { describe, expect, it } from 'vitest';
import { displayTable } from './displayTable.ts';
import { scaleOf } from './transform.ts';
import type { Transform } from './types.ts';

describe('displayTable', () => {
  it.each<[string, Transform]>([
    ['logicle', { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 }],
    ['logicle with negative decades', { kind: 'logicle', T: 10000, W: 1, M: 4.5, A: 1 }],
    ['hyperlog', { kind: 'hyperlog', T: 262144, W: 0.5, M: 4.5, A: 0 }],
  ])('matches the exact %s scale to within 1e-6 of the range, and exactly outside it', (_, transform) => {
    const scale = scaleOf(transform);
    const table = displayTable(scale, -0.05, 1.05);
    const values = new Float64Array(200_001);
    for (let i = 0; i < values.length; i++) {
      const u = i / (values.length - 1);
      values[i] = Math.sign(u - 0.02) * (10 ** (6 * Math.abs(u - 0.02)) - 1) * 0.3;
    }
    values[7] = Number.NaN;
    values[8] = 1e9;
    const approximate = table.applyToColumn(values, new Float32Array(values.length));
    let worst = 0;
    for (let i = 0; i < values.length; i++) {
      if (i === 7) continue;
      worst = Math.max(worst, Math.abs(approximate[i] - scale.apply(values[i])));
    }
    expect(Number.isNaN(approximate[7])).toBe(true);
    expect(approximate[8]).toBeCloseTo(Math.fround(scale.apply(1e9)), 6);
    expect(worst).toBeLessThan(1e-6 * 1.1);
  });
});
