import { describe, expect, it } from 'vitest';
import { createRng } from '../simulate/rng.ts';
import { sampleNormal } from '../simulate/samplers.ts';
import { biweightLine, resistantLine, sliceMedianLine } from './robustLine.ts';

/** y = 2 + 0.5·x + N(0, 0.1) for 900 points, plus 100 outliers 3 units above the line (a "doublet" minority). */
function contaminatedLine() {
  const rng = createRng(42);
  const xs = new Float64Array(1000);
  const ys = new Float64Array(1000);
  for (let i = 0; i < 1000; i++) {
    xs[i] = 10 * rng.uniform();
    ys[i] = 2 + 0.5 * xs[i] + sampleNormal(rng, 0, 0.1) + (i < 100 ? 3 : 0);
  }
  return { xs, ys };
}

describe('robust lines', () => {
  it.each([
    ['resistant line', resistantLine],
    ['slice-median line', (xs: Float64Array, ys: Float64Array) => sliceMedianLine(xs, ys, 10)],
  ])('the biweight fit started from the %s ignores a 10%% outlier minority', (_, start) => {
    const { xs, ys } = contaminatedLine();
    const line = biweightLine(xs, ys, start(xs, ys));
    expect(line.slope).toBeCloseTo(0.5, 1);
    expect(line.intercept).toBeCloseTo(2, 1);
    expect(line.spread).toBeGreaterThan(0.08);
    expect(line.spread).toBeLessThan(0.12);
  });

  it('recovers an exact line exactly', () => {
    const xs = Float64Array.from({ length: 50 }, (_, i) => i);
    const ys = Float64Array.from(xs, (x) => 3 - 2 * x);
    const line = biweightLine(xs, ys, resistantLine(xs, ys));
    expect(line.slope).toBeCloseTo(-2, 12);
    expect(line.intercept).toBeCloseTo(3, 12);
  });
});
