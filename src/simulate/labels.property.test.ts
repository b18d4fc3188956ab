import { array, assert, double, integer, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionCounts } from './labels.ts';

describe('apportionCounts (property)', () => {
  it('sums to the total and stays within one event of the exact share', () => {
    assert(
      property(
        array(double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 1e-9)),
        integer({ min: 0, max: 5_000_000 }),
        (weights, total) => {
          const counts = apportionCounts(weights, total);
          const sum = weights.reduce((s, w) => s + w, 0);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(total);
          counts.forEach((count, k) => expect(Math.abs(count - (weights[k] / sum) * total)).toBeLessThan(1));
        },
      ),
    );
  });
});
