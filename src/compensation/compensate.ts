/**
 * Compensation (field-anchors c2): with S the spectrum matrix (fluorochromes × detectors) and X_raw one event's
 * detector values, X_raw = X_true · S, so X_true = X_raw · S⁻¹ for a square S (FCS $SPILLOVER; FlowUtils solves
 * Sᵀ·Xᵀ = X_rawᵀ) and the least-squares X_true = X_raw · Sᵀ(S·Sᵀ)⁻¹ for a Gating-ML spectrumMatrix with more
 * detectors than fluorochromes (ordinary least squares, as FlowUtils' compensate_spectral_ols).
 */
import type { SpilloverMatrix } from '../fcs/types.ts';
import { invertMatrix, multiplyMatrices, transposeMatrix } from './matrix.ts';
import { CompensationError, type SpectrumMatrix } from './types.ts';

/** The file's spillover as a spectrum matrix over the same $PnN names (the "FCS" compensation reference). */
export function spilloverToSpectrum(spillover: SpilloverMatrix): SpectrumMatrix {
  return { fluorochromes: [...spillover.channels], detectors: [...spillover.channels], coefficients: spillover.matrix.map((row) => [...row]) };
}

/** Throws CompensationError (naming `what`) unless the matrix is well formed and not under-determined. */
export function checkSpectrumMatrix(matrix: SpectrumMatrix, what: string): void {
  const { fluorochromes, detectors, coefficients } = matrix;
  if (fluorochromes.length === 0) throw new CompensationError(`${what}: no fluorochromes`);
  if (fluorochromes.length > detectors.length) {
    throw new CompensationError(`${what}: ${fluorochromes.length} fluorochromes cannot be unmixed from only ${detectors.length} detectors`);
  }
  for (const [names, kind] of [[fluorochromes, 'fluorochrome'], [detectors, 'detector']] as const) {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new CompensationError(`${what}: ${kind} "${name}" appears twice`);
      seen.add(name);
    }
  }
  if (coefficients.length !== fluorochromes.length) {
    throw new CompensationError(`${what}: ${coefficients.length} rows of coefficients for ${fluorochromes.length} fluorochromes`);
  }
  coefficients.forEach((row, i) => {
    if (row.length !== detectors.length) {
      throw new CompensationError(`${what}: row ${i + 1} (${fluorochromes[i]}) has ${row.length} coefficients for ${detectors.length} detectors`);
    }
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) throw new CompensationError(`${what}: coefficient (${fluorochromes[i]}, ${detectors[j]}) is not a finite number`);
    });
  });
}

/**
 * U (detectors × fluorochromes) with X_true = X_raw · U: S⁻¹ when square, Sᵀ(S·Sᵀ)⁻¹ otherwise.
 * @example unmixingMatrix({ fluorochromes: ['A', 'B'], detectors: ['A', 'B'], coefficients: [[1, 0.5], [0, 1]] })
 *   // [[1, -0.5], [0, 1]]
 */
export function unmixingMatrix(matrix: SpectrumMatrix, what = 'spectrum matrix'): number[][] {
  checkSpectrumMatrix(matrix, what);
  const s = matrix.coefficients;
  if (s.length === s[0].length) return invertMatrix(s, what);
  const sT = transposeMatrix(s);
  return multiplyMatrices(sT, invertMatrix(multiplyMatrices(s, sT), `${what} (S·Sᵀ)`));
}

/**
 * One compensated column: out[i] = Σ_k detectorColumns[k][i] · unmixing[k][fluorochrome], over the detectors in
 * matrix order. All columns must have out.length values.
 */
export function compensateColumn(
  unmixing: readonly (readonly number[])[],
  detectorColumns: readonly ArrayLike<number>[],
  fluorochrome: number,
  out: Float64Array,
): Float64Array {
  out.fill(0);
  for (let k = 0; k < detectorColumns.length; k++) {
    const weight = unmixing[k][fluorochrome];
    if (weight === 0) continue;
    const column = detectorColumns[k];
    for (let i = 0; i < out.length; i++) out[i] += column[i] * weight;
  }
  return out;
}
