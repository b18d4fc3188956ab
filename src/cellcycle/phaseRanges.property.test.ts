import { assert, double, property } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phaseRangesFor } from './phaseRanges.ts';

describe('phaseRangesFor (property)', () => {
  it('is contiguous and ordered for any peaks', () => {
    assert(
      property(
        double({ min: 100, max: 1e6, noNaN: true }),
        double({ min: 0.005, max: 0.3, noNaN: true }),
        double({ min: 1.5, max: 2.5, noNaN: true }),
        double({ min: 0, max: 1, noNaN: true }),
        (mean, cv, ratio, foot) => {
          const r = phaseRangesFor(mean, cv * mean, ratio * mean, cv * ratio * mean, foot * mean);
          expect(r.subG1.max).toBe(r.g0g1.min);
          expect(r.g0g1.max).toBe(r.s.min);
          expect(r.s.max).toBe(r.g2m.min);
          for (const range of [r.subG1, r.g0g1, r.s, r.g2m]) expect(range.max).toBeGreaterThanOrEqual(range.min);
        },
      ),
    );
  });
});
