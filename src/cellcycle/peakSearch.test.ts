import { describe, expect, it } from 'vitest';
import { writeGaussianBins } from './componentShapes.ts';
import { estimateCyclePeaks } from './peakSearch.ts';

function addPeak(counts: Float64Array, mean: number, sd: number, events: number): void {
  const peak = new Float64Array(counts.length);
  writeGaussianBins(peak, 0, mean, sd);
  for (let i = 0; i < counts.length; i++) counts[i] += events * peak[i];
}

const LINEARITY = { min: 1.75, max: 2.25 };

describe('estimateCyclePeaks', () => {
  it('takes the highest peak as G0/G1 and finds G2/M near twice it', () => {
    const counts = new Float64Array(1024);
    addPeak(counts, 200, 9, 15_000);
    addPeak(counts, 394, 18, 4000);
    for (let i = 210; i < 390; i++) counts[i] += 20;
    const { g1, g2 } = estimateCyclePeaks(counts, 0, 1024, LINEARITY);
    expect(g1.mean).toBeCloseTo(200, 0);
    expect(g1.sd).toBeGreaterThan(7);
    expect(g1.sd).toBeLessThan(11);
    // A starting value only: the S plateau ending under G2/M pulls the smoothed maximum a few channels left.
    expect(Math.abs(g2.mean - 394)).toBeLessThan(10);
  });

  it('recognises a G2/M-arrested sample: the sharp peak at half the highest one is G0/G1', () => {
    const counts = new Float64Array(1024);
    addPeak(counts, 200, 9, 2000);
    addPeak(counts, 394, 17.7, 18_000);
    const { g1, g2 } = estimateCyclePeaks(counts, 0, 1024, LINEARITY);
    expect(g1.mean).toBeCloseTo(200, 0);
    expect(g2.mean).toBeCloseTo(394, 0);
  });

  it('does not take a broad apoptotic hump at half the G0/G1 content for G0/G1', () => {
    const counts = new Float64Array(1024);
    addPeak(counts, 100, 30, 9000);
    addPeak(counts, 200, 9, 12_000);
    addPeak(counts, 394, 18, 3000);
    expect(estimateCyclePeaks(counts, 0, 1024, LINEARITY).g1.mean).toBeCloseTo(200, 0);
  });

  it('throws a CellCycleError when there is no peak', () => {
    expect(() => estimateCyclePeaks(new Float64Array(256).fill(3), 0, 256, LINEARITY)).toThrow(expect.objectContaining({ name: 'CellCycleError', code: 'no-peak' }));
  });
});
