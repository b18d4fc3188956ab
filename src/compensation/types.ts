/**
 * A spillover (spectrum) matrix: row i is how much fluorochrome `fluorochromes[i]` contributes to each detector.
 * Raw detector values are X_raw = X_true · S; compensation recovers X_true = X_raw · S⁻¹ (square, FCS $SPILLOVER),
 * or the least-squares solution for a non-square Gating-ML `spectrumMatrix` (field-anchors c2).
 * For an FCS spillover, fluorochromes and detectors are the same $PnN names.
 */
export interface SpectrumMatrix {
  /** Names of the compensated dimensions (rows); gates refer to these. */
  fluorochromes: string[];
  /** $PnN of the raw detector channels (columns). */
  detectors: string[];
  /** fluorochromes.length rows × detectors.length columns. */
  coefficients: number[][];
}

/** Key of a matrix in `GatingStrategy.compensations`. */
export type CompensationId = string;

/**
 * Which values a dimension reads (Gating-ML `compensation-ref`): raw scaled channels, the file's own spillover
 * ("FCS"; equals uncompensated when the file has none), or a matrix of the strategy by id.
 */
export type CompensationRef = 'uncompensated' | 'FCS' | CompensationId;

/** A matrix that cannot be used: wrong shape, singular, names that do not match the file. */
export class CompensationError extends Error {
  override name = 'CompensationError';
}
