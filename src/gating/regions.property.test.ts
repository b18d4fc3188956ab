import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectInRectangle, splitIntoQuadrants } from './regions.ts';

const value = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY));

describe('quadrant split against rectangles', () => {
  it('puts an event in a quadrant exactly when it lies in the equivalent half-open rectangle', () => {
    const divider = fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 3 }).map((v) => v.toSorted((a, b) => a - b));
    fc.assert(
      fc.property(
        fc.array(divider, { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (cuts, points, wanted) => {
          const columns = cuts.map((_, d) => Float64Array.from(points, (p) => p[d]));
          const events = Uint32Array.from(points, (_, i) => i);
          const quadrants = wanted.map((w) => cuts.map((c, d) => Math.min(w[d], c.length)));
          const split = splitIntoQuadrants(events, cuts.map((values, d) => ({ column: columns[d], values })), quadrants);
          quadrants.forEach((intervals, q) => {
            const constrained = intervals.map((interval, d) => [interval, d] as const).filter(([interval]) => interval >= 0);
            const bounds = constrained.map(([k, d]) => ({ min: k === 0 ? null : cuts[d][k - 1], max: k === cuts[d].length ? null : cuts[d][k] }));
            // NaN on any divider excludes an event from every quadrant, even on dividers the quadrant leaves free.
            const finite = events.filter((i) => columns.every((c) => !Number.isNaN(c[i])));
            const expected = bounds.length === 0 ? finite : selectInRectangle(finite, constrained.map(([, d]) => columns[d]), bounds, new Uint32Array(points.length));
            expect([...split[q]]).toEqual([...expected]);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
