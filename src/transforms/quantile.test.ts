import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileInPlace } from './quantile.ts';

/** Type-7 quantile by sorting, straight from the definition (Hyndman & Fan 1996). */
function quantileBySorting(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  return low + 1 < sorted.length ? sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
}

describe('quantileInPlace', () => {
  it('matches hand-computed values', () => {
    expect(quantileInPlace(Float64Array.from([4, 1, 3, 2]), 4, 0.5)).toBe(2.5);
    expect(quantileInPlace(Float64Array.from([10, 20, 30, 40, 50]), 5, 0.25)).toBe(20);
    // h = 4·0.1 = 0.4 → 10 + 0.4·10
    expect(quantileInPlace(Float64Array.from([50, 40, 30, 20, 10]), 5, 0.1)).toBeCloseTo(14, 12);
    expect(quantileInPlace(new Float64Array(0), 0, 0.5)).toBeNaN();
  });

  it('equals the sorted definition on arbitrary data, including heavy ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const expected = quantileBySorting(values, q);
          expect(quantileInPlace(Float64Array.from(values), values.length, q)).toBeCloseTo(expected, 9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('only looks at the first `length` values', () => {
    expect(quantileInPlace(Float64Array.from([3, 1, 2, 1000, 1000]), 3, 1)).toBe(3);
  });
});
