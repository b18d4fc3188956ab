import { describe, expect, it } from 'vitest';
import { estimateLogicleWidth } from './autoLogicle.ts';
import { compileTransform } from './transform.ts';

describe('estimateLogicleWidth', () => {
  it('follows W = (M − log10(T/|r|))/2 with r the 5% quantile of the negatives', () => {
    // Negatives −1 … −100: type-7 5% quantile of the ascending list (−100 … −1) is at h = 99·0.05 = 4.95 → −95.05.
    const values = new Float64Array(200);
    for (let i = 0; i < 100; i++) values[i] = -(i + 1);
    for (let i = 100; i < 200; i++) values[i] = 10 * i;
    const expected = (4.5 - Math.log10(262144 / 95.05)) / 2;
    expect(estimateLogicleWidth(values, { T: 262144, M: 4.5 })).toBeCloseTo(expected, 12);
  });

  it('gives W = 0 without negative values and clamps very negative data to M/2', () => {
    expect(estimateLogicleWidth(Float32Array.from([0, 5, 1e5, Number.NaN]), { T: 262144, M: 4.5 })).toBe(0);
    expect(estimateLogicleWidth(Float64Array.from([-1e9, -2e9]), { T: 262144, M: 4.5 })).toBe(2.25);
  });

  it('brings the reference negative value near the bottom of the scale', () => {
    // Negatives −6, −12, …, −3000: 5% quantile at h = 499·0.05 = 24.95 → −2856 + 0.95·6 = −2850.3.
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1) * 3);
    const W = estimateLogicleWidth(values, { T: 262144, M: 4.5 });
    const scale = compileTransform({ kind: 'logicle', T: 262144, W, M: 4.5, A: 0 });
    expect(W).toBeCloseTo((4.5 - Math.log10(262144 / 2850.3)) / 2, 12);
    // The formula linearises 2·W decades so that r sits close to scale 0 (Parks et al. 2006).
    expect(Math.abs(scale.apply(-2850.3))).toBeLessThan(0.1);
  });

  it('rejects a non-positive top of scale', () => {
    expect(() => estimateLogicleWidth([1], { T: 0, M: 4.5 })).toThrow(/T and M must be positive/);
  });
});
