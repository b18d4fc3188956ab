import { describe, expect, it } from 'vitest';
import { minimiseWeightedSquares, type LeastSquaresModel } from './levenbergMarquardt.ts';

function modelFrom(
  parameterCount: number,
  valueCount: number,
  f: (params: Float64Array, i: number) => number,
  df: (params: Float64Array, i: number, k: number) => number,
): LeastSquaresModel {
  return {
    parameterCount,
    valueCount,
    evaluate(params, values) {
      for (let i = 0; i < valueCount; i++) values[i] = f(params, i);
    },
    differentiate(params, _values, jacobian, free) {
      for (let k = 0; k < parameterCount; k++) {
        if (!free[k]) continue;
        for (let i = 0; i < valueCount; i++) jacobian[k * valueCount + i] = df(params, i, k);
      }
    },
  };
}

// Residuals 10(x2 − x1²) and 1 − x1 (Moré, Garbow & Hillstrom 1981, problem 1).
const rosenbrock = modelFrom(
  2,
  2,
  (p, i) => (i === 0 ? 10 * (p[1] - p[0] * p[0]) : p[0]),
  (p, i, k) => (i === 0 ? (k === 0 ? -20 * p[0] : 10) : k === 0 ? 1 : 0),
);

const unbounded = (m: number) => ({ lower: new Float64Array(m).fill(-Infinity), upper: new Float64Array(m).fill(Infinity) });

describe('minimiseWeightedSquares', () => {
  it('solves the Rosenbrock problem from the classic start (-1.2, 1) to (1, 1)', () => {
    const result = minimiseWeightedSquares(
      rosenbrock,
      new Float64Array([0, 1]),
      new Float64Array([1, 1]),
      new Float64Array([-1.2, 1]),
      unbounded(2),
    );
    expect(result.stop).not.toBe('iteration-limit');
    expect(result.params[0]).toBeCloseTo(1, 8);
    expect(result.params[1]).toBeCloseTo(1, 8);
  });

  it('matches the closed-form weighted least-squares line', () => {
    // y = 1, 3, 4, 8 at x = 0..3 with weights 1, 2, 1, 0.5.
    // Hand computation: Sw = 4.5, Swx = 5.5, Swxx = 10.5, Swy = 15, Swxy = 26;
    // slope = (Sw·Swxy − Swx·Swy)/(Sw·Swxx − Swx²) = (117 − 82.5)/(47.25 − 30.25) = 34.5/17,
    // intercept = (Swy − slope·Swx)/Sw.
    const slope = 34.5 / 17;
    const intercept = (15 - slope * 5.5) / 4.5;
    const line = modelFrom(2, 4, (p, i) => p[0] + p[1] * i, (_p, i, k) => (k === 0 ? 1 : i));
    const result = minimiseWeightedSquares(
      line,
      new Float64Array([1, 3, 4, 8]),
      new Float64Array([1, 2, 1, 0.5]),
      new Float64Array([0, 0]),
      unbounded(2),
    );
    // Objective comparisons cannot resolve parameters beyond ~sqrt(machine epsilon) when residuals are non-zero.
    expect(result.params[0]).toBeCloseTo(intercept, 8);
    expect(result.params[1]).toBeCloseTo(slope, 8);
  });

  it('recovers an exponential decay exactly from noise-free values', () => {
    const decay = modelFrom(
      2,
      30,
      (p, i) => p[0] * Math.exp(-p[1] * i),
      (p, i, k) => (k === 0 ? Math.exp(-p[1] * i) : -p[0] * i * Math.exp(-p[1] * i)),
    );
    const observed = Float64Array.from({ length: 30 }, (_, i) => 250 * Math.exp(-0.13 * i));
    const result = minimiseWeightedSquares(decay, observed, new Float64Array(30).fill(1), new Float64Array([100, 0.5]), unbounded(2));
    expect(result.stop).not.toBe('iteration-limit');
    expect(result.params[0]).toBeCloseTo(250, 8);
    expect(result.params[1]).toBeCloseTo(0.13, 12);
  });

  it('stops a parameter at its bound and optimises the others given that bound', () => {
    // A falling line fitted with slope ≥ 0: the best constrained fit is slope 0 and intercept = weighted mean.
    const line = modelFrom(2, 3, (p, i) => p[0] + p[1] * i, (_p, i, k) => (k === 0 ? 1 : i));
    const result = minimiseWeightedSquares(
      line,
      new Float64Array([9, 6, 2]),
      new Float64Array([1, 1, 2]),
      new Float64Array([0, 1]),
      { lower: new Float64Array([-Infinity, 0]), upper: new Float64Array([Infinity, Infinity]) },
    );
    expect(result.params[1]).toBe(0);
    // Objective comparisons cannot resolve parameters beyond ~sqrt(machine epsilon) when residuals are non-zero.
    expect(result.params[0]).toBeCloseTo((9 + 6 + 2 * 2) / 4, 8);
  });

  it('never moves a parameter whose bounds are equal', () => {
    const line = modelFrom(2, 3, (p, i) => p[0] + p[1] * i, (_p, i, k) => (k === 0 ? 1 : i));
    const result = minimiseWeightedSquares(
      line,
      new Float64Array([1, 2, 3]),
      new Float64Array([1, 1, 1]),
      new Float64Array([0, 2]),
      { lower: new Float64Array([-Infinity, 2]), upper: new Float64Array([Infinity, 2]) },
    );
    expect(result.params[1]).toBe(2);
    // With slope fixed at 2 the residuals are 1, 0, −1 − a… minimised by a = (1 + 0 − 1)/3 = 0.
    expect(result.params[0]).toBeCloseTo(0, 12);
  });

  it('respects the iteration cap', () => {
    const result = minimiseWeightedSquares(
      rosenbrock,
      new Float64Array([0, 1]),
      new Float64Array([1, 1]),
      new Float64Array([-1.2, 1]),
      unbounded(2),
      { maxIterations: 2, tolerance: 1e-10 },
    );
    expect(result.iterations).toBe(2);
    expect(result.stop).toBe('iteration-limit');
  });
});
