import { describe, expect, it } from 'vitest';
import { binDnaContent, onScaleEvents } from './dnaHistogram.ts';

describe('binDnaContent', () => {
  it('counts values into [i·w, (i+1)·w) and leaves out off-scale values (≤ 0, top channel and beyond, NaN)', () => {
    const values = Float64Array.of(-1, 0, 0.5, 0.99, 1, 14.99, 15, 15.5, 16, 99, Number.NaN);
    const histogram = binDnaContent(values, null, 16, 16);
    expect(histogram.binWidth).toBe(1);
    expect(histogram.counts[0]).toBe(2);
    expect(histogram.counts[1]).toBe(1);
    expect(histogram.counts[14]).toBe(1);
    expect(histogram.counts[15]).toBe(0);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('counts only the listed events', () => {
    const values = Float32Array.of(1, 2, 3, 4);
    const histogram = binDnaContent(values, Uint32Array.of(1, 3), 16, 16);
    expect(Array.from(histogram.counts.slice(0, 5))).toEqual([0, 0, 1, 0, 1]);
  });

  it('splits events into those on the axis and counts of those piled at or below zero and in the top channel', () => {
    const values = Float64Array.of(-1, 0, 0.5, 7, 15, 16, 99, Number.NaN);
    const { events, offScale } = onScaleEvents(values, null, 16, 16);
    expect(Array.from(events)).toEqual([2, 3]);
    expect(offScale).toEqual({ low: 3, high: 3, percent: 75 });
    const listed = onScaleEvents(values, Uint32Array.of(0, 3, 5), 16, 16);
    expect(Array.from(listed.events)).toEqual([3]);
    expect(listed.offScale.percent).toBeCloseTo(200 / 3, 12);
  });

  it('rejects bad bin counts and ranges', () => {
    expect(() => binDnaContent(new Float64Array(4), null, 8, 10)).toThrow(/binCount/);
    expect(() => binDnaContent(new Float64Array(4), null, 16.5, 10)).toThrow(/binCount/);
    expect(() => binDnaContent(new Float64Array(4), null, 64, 0)).toThrow(/maxValue/);
  });
});
