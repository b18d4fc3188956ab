import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndicesByValue } from './sortByValue.ts';

describe('sortIndicesByValue', () => {
  it('orders indices by value, ties by index, without NaN', () => {
    expect([...sortIndicesByValue(Float64Array.of(3, -1, Number.NaN, 2, -1, Number.NEGATIVE_INFINITY), null)]).toEqual([5, 1, 4, 3, 0]);
    expect([...sortIndicesByValue(Float32Array.of(5, 4, 3, 2), Uint32Array.of(3, 0, 1))]).toEqual([3, 1, 0]);
  });

  it('agrees with a comparison sort on any doubles, including negatives, subnormals and ±∞', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), (values) => {
        const column = Float64Array.from(values);
        const expected = values
          .map((v, i) => [v, i] as const)
          .filter(([v]) => !Number.isNaN(v))
          .toSorted((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([, i]) => i);
        const actual = [...sortIndicesByValue(column, null)];
        // -0 and +0 are equal values; compare the values in order, then the index order within distinct values.
        expect(actual.map((i) => column[i] + 0)).toEqual(expected.map((i) => column[i] + 0));
        expect(new Set(actual).size).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });
});
