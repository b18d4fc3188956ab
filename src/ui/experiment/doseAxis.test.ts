import { describe, expect, it } from 'vitest';
import { doseAxis } from './doseAxis.ts';

describe('dose axis', () => {
  it('puts the tested doses on a log scale and dose 0 apart at the left', () => {
    const axis = doseAxis([0, 10, 100, 1000, 10, 0], [0, 346]);
    expect(axis.zeroPixel).toBe(10);
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '10', '100', '1000']);
    const [, ten, hundred, thousand] = axis.ticks.map((t) => t.pixel);
    expect(hundred - ten).toBeCloseTo(thousand - hundred, 9);
    expect(ten).toBeGreaterThan(axis.logStart);
    expect(axis.domain[0]).toBeLessThan(10);
    expect(axis.domain[1]).toBeGreaterThan(1000);
    expect(doseAxis([0.5, 5], [20, 220]).zeroPixel).toBeNull();
  });
});
