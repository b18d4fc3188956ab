import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compensateColumn, spilloverToSpectrum, unmixingMatrix } from './compensate.ts';
import { invertMatrix } from './matrix.ts';
import { CompensationError, type SpectrumMatrix } from './types.ts';

function compensateEvents(matrix: SpectrumMatrix, raw: number[][]): number[][] {
  const unmixing = unmixingMatrix(matrix);
  const columns = matrix.detectors.map((_, k) => Float64Array.from(raw, (event) => event[k]));
  const out = matrix.fluorochromes.map((_, j) => compensateColumn(unmixing, columns, j, new Float64Array(raw.length)));
  return raw.map((_, i) => out.map((column) => column[i]));
}

describe('compensation', () => {
  it('undoes spillover: X_true = [100, 50] with 10% FITC→PE and 20% PE→FITC reads [110, 60] raw', () => {
    // X_raw = X_true · S = [100·1 + 50·0.2, 100·0.1 + 50·1] = [110, 60], by hand.
    const matrix = spilloverToSpectrum({ channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.1], [0.2, 1]], source: '$SPILLOVER' });
    const [compensated] = compensateEvents(matrix, [[110, 60]]);
    expect(compensated[0]).toBeCloseTo(100, 12);
    expect(compensated[1]).toBeCloseTo(50, 12);
  });

  it('unmixes a non-square spectrum by least squares: one dye seen equally by two detectors is their mean', () => {
    const matrix: SpectrumMatrix = { fluorochromes: ['Dye'], detectors: ['D1', 'D2'], coefficients: [[1, 1]] };
    // minimise (a − t)² + (b − t)² → t = (a + b)/2.
    expect(compensateEvents(matrix, [[30, 50]])[0][0]).toBeCloseTo(40, 12);
  });

  it('recovers true values from any well-conditioned spillover', () => {
    const size = 4;
    const spill = fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: size * size, maxLength: size * size });
    const event = fc.array(fc.double({ min: -1e4, max: 1e5, noNaN: true }), { minLength: size, maxLength: size });
    fc.assert(
      fc.property(spill, event, (flat, truth) => {
        const coefficients = Array.from({ length: size }, (_row, i) => Array.from({ length: size }, (_column, j) => (i === j ? 1 : flat[i * size + j])));
        const names = ['A', 'B', 'C', 'D'];
        const raw = names.map((_, j) => truth.reduce((sum, t, i) => sum + t * coefficients[i][j], 0));
        const [recovered] = compensateEvents({ fluorochromes: names, detectors: names, coefficients }, [raw]);
        recovered.forEach((value, i) => expect(Math.abs(value - truth[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(truth[i]))));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects singular and malformed matrices with what is wrong', () => {
    expect(() => invertMatrix([[1, 2], [2, 4]], 'matrix "MySpill"')).toThrow(/matrix "MySpill" is singular/);
    expect(() => unmixingMatrix({ fluorochromes: ['A', 'B'], detectors: ['A'], coefficients: [[1], [1]] })).toThrow(/2 fluorochromes cannot be unmixed from only 1 detectors/);
    expect(() => unmixingMatrix({ fluorochromes: ['A'], detectors: ['A', 'B'], coefficients: [[1]] })).toThrow(/row 1 \(A\) has 1 coefficients for 2 detectors/);
    expect(() => unmixingMatrix({ fluorochromes: ['A', 'A'], detectors: ['A', 'B'], coefficients: [[1, 0], [0, 1]] })).toThrow(CompensationError);
    expect(() => unmixingMatrix({ fluorochromes: ['A'], detectors: ['A'], coefficients: [[Number.NaN]] })).toThrow(/not a finite number/);
  });

  it('inverts by hand-checkable examples', () => {
    expect(invertMatrix([[2, 0], [0, 4]])).toEqual([[0.5, 0], [0, 0.25]]);
    // [[4, 7], [2, 6]]⁻¹ = 1/10 · [[6, −7], [−2, 4]]
    const inverse = invertMatrix([[4, 7], [2, 6]]);
    [[0.6, -0.7], [-0.2, 0.4]].forEach((row, i) => row.forEach((v, j) => expect(inverse[i][j]).toBeCloseTo(v, 14)));
  });
});
