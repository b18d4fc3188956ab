import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileInPlace } from '../transforms/quantile.ts';
import { percentilesOf } from './rankSelect.ts';

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 50 }) },
  { weight: 4, arbitrary: fc.double({ min: -1e7, max: 1e7, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 5e300, -5e-324, 5e-324, -1.7e308) },
);

describe('percentilesOf', () => {
  it('equals quickselect over a copy of the values (type 7), whatever the spread, ties, NaN and ±∞', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (values, qs) => {
        const column = Float64Array.from(values);
        const events = Uint32Array.from(values.keys()).filter((i) => i % 3 !== 1);
        const real = Float64Array.from(events, (i) => column[i]).filter((v) => !Number.isNaN(v));
        const { valueCount, percentiles } = percentilesOf(column, events, qs);
        expect(valueCount).toBe(real.length);
        // + 0 makes −0 and +0 the same value; toEqual treats NaN as equal to NaN.
        qs.forEach((q, j) => expect(percentiles[j] + 0).toEqual(quantileInPlace(real.slice(), real.length, q) + 0));
      }),
      { numRuns: 300 },
    );
  });
});
