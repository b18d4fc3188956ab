import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CutGrid } from './cutGrid.ts';
import { cellMembership, splitIntoQuadrants } from './regions.ts';
import { Stepped } from './stepped.ts';
import { ValueBuckets } from './valueBuckets.ts';

/** Small integers put many events exactly on cuts; NaN, ±∞ and huge values stand for broken and off-scale events. */
const value = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: -12, max: 12 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e300, -5e-324, 5e-324, -1.7e308) },
);
const cut = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -14, max: 14 }) }, { weight: 1, arbitrary: fc.double({ min: -2e6, max: 2e6, noNaN: true }) });

/** 1–3 dividers of 1–3 cuts (in any order, as a drag can leave them), populations requiring random intervals. */
const layout = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
  .chain((cutsPerDivider) =>
    fc.record({
      cutsPerDivider: fc.constant(cutsPerDivider),
      populations: fc.array(fc.tuple(...cutsPerDivider.map((n) => fc.integer({ min: -1, max: n }))), { minLength: 1, maxLength: 6 }),
      moves: fc.array(fc.tuple(...cutsPerDivider.map((n) => fc.array(cut, { minLength: n, maxLength: n }))), { minLength: 1, maxLength: 6 }),
    }),
  );

describe('CutGrid', () => {
  it('after every move, counts and events equal a full evaluation of the cuts where they are now', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), layout, (rows, share, { cutsPerDivider, populations, moves }) => {
        const eventCount = rows.length;
        const columns = [0, 1, 2].map((d) => Float64Array.from(rows, (r) => r[d]));
        // The parent: a subset of the events, ascending.
        const parent = Uint32Array.from(rows.flatMap((_, i) => ((i * 7919) % 100) / 100 < share || i === 0 ? [i] : []));
        const dividerAt = (values: number[][]) => cutsPerDivider.map((_, d) => ({ column: columns[d], values: values[d] }));
        const membership = cellMembership(cutsPerDivider.map((n) => n + 1), populations);
        const grid = new CutGrid(parent, eventCount, dividerAt(moves[0]), membership);
        for (const values of moves) {
          grid.moveTo(values);
          const expected = splitIntoQuadrants(parent, dividerAt(values), populations);
          populations.forEach((_, p) => {
            expect(grid.count(p)).toBe(expected[p].length);
            expect([...grid.indices(p)]).toEqual([...expected[p]]);
          });
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('CutGrid prepared in steps', () => {
  it('answers exactly whether its preparation was finished, half done or never started', () => {
    const eventCount = 600_000;
    const x = Float64Array.from({ length: eventCount }, (_, i) => (i * 7919) % 1000);
    const y = Float64Array.from({ length: eventCount }, (_, i) => (i * 104729) % 997);
    const parent = Uint32Array.from({ length: eventCount / 2 }, (_, k) => 2 * k);
    const quadrants = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const dividers = (cx: number, cy: number) => [{ column: x, values: [cx] }, { column: y, values: [cy] }];
    for (const steps of [0, 1, 3, 1000]) {
      const grid = new CutGrid(parent, eventCount, dividers(500, 500), cellMembership([2, 2], quadrants));
      const preparation = grid.prepare();
      for (let n = 0; n < steps; n++) preparation.next();
      for (const [cx, cy] of [[510, 490], [100, 900], [100.5, 900]]) {
        grid.moveTo([[cx], [cy]]);
        const expected = splitIntoQuadrants(parent, dividers(cx, cy), quadrants);
        quadrants.forEach((_, p) => expect(grid.count(p)).toBe(expected[p].length));
      }
      preparation.next();
    }
  });
});

describe('ValueBuckets', () => {
  it('holds every non-NaN event once, and a span covers every event valued within it', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), cut, cut, (values, from, to) => {
        const column = Float64Array.from(values);
        const events = Uint32Array.from(values.keys());
        const buckets = new Stepped(ValueBuckets.build(column, events)).result();
        const real = [...events].filter((i) => !Number.isNaN(column[i]));
        expect([...buckets.order].toSorted((a, b) => a - b)).toEqual(real);
        const [start, end] = buckets.span(from, to);
        const covered = new Set(buckets.order.subarray(start, end));
        for (const i of real) if (column[i] >= Math.min(from, to) && column[i] <= Math.max(from, to)) expect(covered.has(i)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
