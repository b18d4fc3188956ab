import { describe, expect, it } from 'vitest';
import { binHistogram1d, binHistogram2d } from './histogram.ts';

describe('binHistogram1d', () => {
  it('puts each value in the bin [lo + k·w, lo + (k+1)·w) and piles off-scale values at the edges', () => {
    // domain [0, 10) in 5 bins of width 2: 0,1.99 → bin 0; 2 → bin 1; 9.99 → bin 4; -3 → bin 0 (below); 10, 42 → bin 4 (above)
    const values = Float64Array.from([0, 1.99, 2, 9.99, -3, 10, 42, Number.NaN]);
    const h = binHistogram1d(values, null, 0, 10, 5);
    expect(Array.from(h.counts)).toEqual([3, 1, 0, 0, 3]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(2);
    expect(h.total).toBe(7);
  });

  it('counts only the selected events', () => {
    const values = Float32Array.from([1, 3, 5, 7]);
    const h = binHistogram1d(values, Uint32Array.from([0, 2]), 0, 8, 4);
    expect(Array.from(h.counts)).toEqual([1, 0, 1, 0]);
    expect(h.total).toBe(2);
  });
});

describe('binHistogram2d', () => {
  it('bins row-major with row 0 at the lowest y and piles off-scale events', () => {
    const x = Float64Array.from([0.5, 1.5, 1.5, -1, 5]);
    const y = Float64Array.from([0.5, 0.5, 1.5, 1.5, 5]);
    const h = binHistogram2d(x, y, null, [0, 2], [0, 2], 2, 2);
    // (0.5,0.5)→[0]; (1.5,0.5)→[1]; (1.5,1.5)→[3]; (-1,1.5)→ piled at x=0 → [2]; (5,5) → [3]
    expect(Array.from(h.counts)).toEqual([1, 1, 1, 2]);
    expect(h.offScale).toBe(2);
    expect(h.maxCount).toBe(2);
    expect(h.total).toBe(5);
  });
});
