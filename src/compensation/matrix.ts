/** Small dense matrix algebra (rows of numbers) for compensation and ellipsoid gates; sizes are tens, not thousands. */
import { CompensationError } from './types.ts';

/** Relative pivot size below which a matrix is treated as singular. */
const SINGULAR_PIVOT = 1e-12;

/**
 * Inverse by Gauss–Jordan elimination with partial pivoting; throws CompensationError naming `what` when the matrix
 * is not square or is singular.
 * @example invertMatrix([[2, 0], [0, 4]]) // [[0.5, 0], [0, 0.25]]
 */
export function invertMatrix(matrix: readonly (readonly number[])[], what = 'matrix'): number[][] {
  const n = matrix.length;
  if (n === 0 || matrix.some((row) => row.length !== n)) {
    throw new CompensationError(`${what} must be square to invert, got ${n} rows of lengths ${matrix.map((r) => r.length).join(', ')}`);
  }
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...matrix.flat().map(Math.abs));
  for (let column = 0; column < n; column++) {
    let pivotRow = column;
    for (let r = column + 1; r < n; r++) if (Math.abs(work[r][column]) > Math.abs(work[pivotRow][column])) pivotRow = r;
    const pivot = work[pivotRow][column];
    if (!(Math.abs(pivot) > SINGULAR_PIVOT * scale)) throw new CompensationError(`${what} is singular (or nearly) and cannot be inverted`);
    [work[column], work[pivotRow]] = [work[pivotRow], work[column]];
    const pivotRowValues = work[column];
    for (let j = 0; j < 2 * n; j++) pivotRowValues[j] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === column) continue;
      const factor = work[r][column];
      if (factor === 0) continue;
      const row = work[r];
      for (let j = 0; j < 2 * n; j++) row[j] -= factor * pivotRowValues[j];
    }
  }
  return work.map((row) => row.slice(n));
}

/** A · B for A of m×k and B of k×n. */
export function multiplyMatrices(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, value, k) => sum + value * b[k][j], 0)));
}

export function transposeMatrix(matrix: readonly (readonly number[])[]): number[][] {
  return matrix[0].map((_, j) => matrix.map((row) => row[j]));
}
