import { describe, expect, it } from 'vitest';
import { eventsBelow, phaseRangesFor } from './phaseRanges.ts';

describe('phaseRangesFor', () => {
  it('places sub-G1 | G0/G1 | S | G2/M at 0.1·μ1, μ1 − 3σ1, μ1 + 2σ1, μ2 − 2σ2, μ2 + 3σ2', () => {
    const ranges = phaseRangesFor(50_000, 2000, 100_000, 4000, 0);
    expect(ranges.subG1).toEqual({ min: 5000, max: 44_000 });
    expect(ranges.g0g1).toEqual({ min: 44_000, max: 54_000 });
    expect(ranges.s).toEqual({ min: 54_000, max: 92_000 });
    expect(ranges.g2m).toEqual({ min: 92_000, max: 112_000 });
  });

  it('moves the sub-G1 boundary up to the foot of G0/G1 when an apoptotic hump reaches past μ1 − 3σ1', () => {
    expect(phaseRangesFor(50_000, 4000, 100_000, 8000, 40_000).subG1.max).toBe(40_000);
    // ...but never past one SD below the mean.
    expect(phaseRangesFor(50_000, 4000, 100_000, 8000, 49_000).subG1.max).toBe(46_000);
  });
});

describe('eventsBelow', () => {
  it('sums whole bins below a value and the straddled bin in proportion', () => {
    const histogram = { counts: Float64Array.of(4, 10, 6), binWidth: 2 };
    expect(eventsBelow(histogram, 3)).toBe(9);
    expect(eventsBelow(histogram, 0)).toBe(0);
    expect(eventsBelow(histogram, 100)).toBe(20);
  });
});
