import { describe, expect, it } from 'vitest';
import { logisticModel, logisticValue, normalised, parameterVector } from './fourParameterLogistic.ts';

const rising = { bottom: 10, top: 90, logEc50: 1.5, hill: 1.3 };

describe('four-parameter logistic', () => {
  it('is half-way between its plateaus at the EC50 and reaches them at dose 0 and far above', () => {
    expect(logisticValue(Math.pow(10, 1.5), rising)).toBeCloseTo(50, 12);
    expect(logisticValue(0, rising)).toBe(10);
    expect(logisticValue(1e12, rising)).toBeCloseTo(90, 9);
    expect(logisticValue(0, { ...rising, hill: -1.3 })).toBe(90);
    expect(logisticValue(1e-300, rising)).toBeCloseTo(10, 12);
  });

  it('describes one curve whichever plateau is called top', () => {
    const swapped = { bottom: 90, top: 10, logEc50: 1.5, hill: -1.3 };
    for (const x of [0, 1, 10, 31.6, 100, 1e4]) expect(logisticValue(x, swapped)).toBeCloseTo(logisticValue(x, rising), 12);
    expect(normalised(swapped)).toEqual(rising);
    expect(normalised(rising)).toBe(rising);
  });

  it('has analytic derivatives equal to finite differences, and none in logEC50 or Hill at dose 0', () => {
    const x = Float64Array.of(0, 0.3, 3, 30, 300, 3000);
    const model = logisticModel(x);
    const params = parameterVector(rising);
    const values = new Float64Array(x.length);
    const jacobian = new Float64Array(4 * x.length);
    model.evaluate(params, values);
    model.differentiate(params, values, jacobian, new Uint8Array(4).fill(1));
    for (let k = 0; k < 4; k++) {
      const step = 1e-6;
      const up = params.slice();
      const down = params.slice();
      up[k] += step;
      down[k] -= step;
      const a = new Float64Array(x.length);
      const b = new Float64Array(x.length);
      model.evaluate(up, a);
      model.evaluate(down, b);
      for (let i = 0; i < x.length; i++) expect(jacobian[k * x.length + i]).toBeCloseTo((a[i] - b[i]) / (2 * step), 5);
    }
    expect([jacobian[2 * x.length], jacobian[3 * x.length]]).toEqual([0, 0]);
  });
});
