import { polygonArea } from 'd3';
import { describe, expect, it } from 'vitest';
import { equalProbabilityContours } from './contours.ts';

/** A circular Gaussian population of 1,000,000 events binned on 64 × 64 cells, centred, SD 6 bins. */
function gaussianGrid(bins: number, sd: number): Float64Array {
  const counts = new Float64Array(bins * bins);
  const centre = bins / 2;
  for (let row = 0; row < bins; row++) {
    for (let col = 0; col < bins; col++) {
      const r2 = (col + 0.5 - centre) ** 2 + (row + 0.5 - centre) ** 2;
      counts[row * bins + col] = 1e6 * Math.exp(-r2 / (2 * sd * sd)) / (2 * Math.PI * sd * sd);
    }
  }
  return counts;
}

describe('equalProbabilityContours', () => {
  it('draws the contour enclosing a fraction p of a 2-D Gaussian at radius σ·√(−2 ln(1 − p))', () => {
    const bins = 64;
    const sd = 6;
    const { levels, enclosed } = equalProbabilityContours(gaussianGrid(bins, sd), bins, 0.1);
    expect(enclosed.map((e) => Number(e.toFixed(2)))).toEqual([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
    // The blur widens σ to √(6² + 1.5²); the enclosed area of the 50 % contour is π r² with r = σ√(2 ln 2).
    const sigma = Math.sqrt(sd * sd + 1.5 * 1.5);
    const half = levels[4];
    const area = half.coordinates.reduce((sum, polygon) => sum + Math.abs(polygonArea(polygon[0] as [number, number][])), 0);
    expect(Math.sqrt(area / Math.PI)).toBeCloseTo(sigma * Math.sqrt(2 * Math.log(2)), 0);
  });

  it('returns no levels for an empty grid', () => {
    expect(equalProbabilityContours(new Float64Array(16), 4).levels).toEqual([]);
  });
});
