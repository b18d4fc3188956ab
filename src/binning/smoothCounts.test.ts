import { describe, expect, it } from 'vitest';
import { smoothCounts } from './smoothCounts.ts';

describe('smoothCounts', () => {
  it('spreads a spike into a normalised Gaussian, keeps a constant constant and leaves counts alone at SD 0', () => {
    const spike = new Float64Array(41);
    spike[20] = 1;
    const smoothed = smoothCounts(spike, 2);
    const total = smoothed.reduce((a, b) => a + b, 0);
    // Interior bins: weight(k) / Σ weights, i.e. exp(−k²/8) / Σ exp(−j²/8) for |j| ≤ 6.
    const norm = Array.from({ length: 13 }, (_, j) => Math.exp(-((j - 6) ** 2) / 8)).reduce((a, b) => a + b, 0);
    expect(smoothed[20]).toBeCloseTo(1 / norm, 12);
    expect(smoothed[22]).toBeCloseTo(Math.exp(-0.5) / norm, 12);
    expect(total).toBeCloseTo(1, 12);
    for (const v of smoothCounts(new Float64Array(10).fill(3), 1.5)) expect(v).toBeCloseTo(3, 12);
    expect(smoothCounts(spike, 0)).toBe(spike);
  });
});
