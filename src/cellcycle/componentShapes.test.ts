import { describe, expect, it } from 'vitest';
import { writeDjfBasis, writeGaussianBins, writeRectangleSPhase } from './componentShapes.ts';

const sum = (values: Float64Array) => values.reduce((total, v) => total + v, 0);

describe('writeGaussianBins', () => {
  it('gives exact bin integrals: bin [10, 11) of N(10, 2²) holds Φ(0.5) − Φ(0) = 0.19146246', () => {
    const out = new Float64Array(40);
    writeGaussianBins(out, 0, 10, 2);
    expect(out[10]).toBeCloseTo(0.19146246127401312, 6);
    expect(out[9]).toBeCloseTo(0.19146246127401312, 6);
    // Φ(1) − Φ(0.5) = 0.8413447460685429 − 0.6914624612740131
    expect(out[11]).toBeCloseTo(0.14988228479452986, 6);
    expect(sum(out)).toBeCloseTo(1, 6);
  });

  it('writes only the requested bins and zero beyond 8 SD', () => {
    const out = new Float64Array(10).fill(7);
    writeGaussianBins(out, 100, 103.2, 1.5);
    expect(out[3]).toBeGreaterThan(0.2);
    const farAway = new Float64Array(10).fill(7);
    writeGaussianBins(farAway, 0, 500, 3);
    expect(Array.from(farAway)).toEqual(Array.from({ length: 10 }, () => 0));
  });
});

describe('writeDjfBasis', () => {
  const length = 600;
  const basis = () => ({ start: new Float64Array(length), middle: new Float64Array(length), end: new Float64Array(length) });

  it('each Bernstein shape integrates to (μ2 − μ1)/3', () => {
    const shapes = basis();
    writeDjfBasis(shapes, 0, 200, 400, 8, 16);
    for (const shape of [shapes.start, shapes.middle, shapes.end]) expect(sum(shape)).toBeCloseTo(200 / 3, 6);
  });

  it('the three shapes add up to a flat S phase: Φ((μ2 − x)/σ) − Φ((μ1 − x)/σ) with equal SDs, to 1e-4', () => {
    const shapes = basis();
    writeDjfBasis(shapes, 0, 200, 400, 6, 6);
    const rectangle = new Float64Array(length);
    writeRectangleSPhase(rectangle, 0, 200, 400, 6, 6);
    for (let i = 0; i < length; i++) {
      expect(Math.abs(shapes.start[i] + shapes.middle[i] + shapes.end[i] - rectangle[i])).toBeLessThan(1e-4);
    }
  });

  it('far from the peaks each shape is its Bernstein polynomial: (1−t)², 2t(1−t), t² at t = 1/4', () => {
    const shapes = basis();
    writeDjfBasis(shapes, 0, 200, 400, 3, 3);
    // Bin 249 is centred on u = 249.5, t = 0.2475, where the polynomial is nearly linear over ±3 channels.
    const t = (249.5 - 200) / 200;
    expect(shapes.start[249]).toBeCloseTo((1 - t) ** 2, 3);
    expect(shapes.middle[249]).toBeCloseTo(2 * t * (1 - t), 3);
    expect(shapes.end[249]).toBeCloseTo(t * t, 3);
  });
});

describe('writeRectangleSPhase', () => {
  it('is ½ at μ1 and Φ(−1) = 0.158655 one SD below it, 1 in the middle, and has area μ2 − μ1', () => {
    const out = new Float64Array(600);
    writeRectangleSPhase(out, 0, 200.5, 400.5, 5, 10);
    expect(out[200]).toBeCloseTo(0.5, 6);
    expect(out[195]).toBeCloseTo(0.15865525393145707, 6);
    expect(out[300]).toBeCloseTo(1, 9);
    expect(out[400]).toBeCloseTo(0.5, 6);
    expect(sum(out)).toBeCloseTo(200, 5);
  });
});
