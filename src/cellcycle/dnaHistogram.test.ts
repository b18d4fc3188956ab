import { describe, expect, it } from 'vitest';
import { binDnaContent } from './dnaHistogram.ts';

describe('binDnaContent', () => {
  it('counts values into [i·w, (i+1)·w) and leaves out off-scale and NaN values instead of piling them at the edges', () => {
    const values = Float64Array.of(-1, 0, 0.99, 1, 15.5, 16, 99, Number.NaN);
    const histogram = binDnaContent(values, null, 16, 16);
    expect(histogram.binWidth).toBe(1);
    expect(histogram.counts[0]).toBe(2);
    expect(histogram.counts[1]).toBe(1);
    expect(histogram.counts[15]).toBe(1);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('counts only the listed events', () => {
    const values = Float32Array.of(1, 2, 3, 4);
    const histogram = binDnaContent(values, Uint32Array.of(1, 3), 16, 16);
    expect(Array.from(histogram.counts.slice(0, 5))).toEqual([0, 0, 1, 0, 1]);
  });

  it('rejects bad bin counts and ranges', () => {
    expect(() => binDnaContent(new Float64Array(4), null, 8, 10)).toThrow(/binCount/);
    expect(() => binDnaContent(new Float64Array(4), null, 16.5, 10)).toThrow(/binCount/);
    expect(() => binDnaContent(new Float64Array(4), null, 64, 0)).toThrow(/maxValue/);
  });
});
