/** Solves A x = b in place (b becomes x) for a symmetric positive-definite A; false when A is not. */
export function solveCholesky(a: Float64Array, b: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j];
    for (let k = 0; k < j; k++) diagonal -= a[j * m + k] * a[j * m + k];
    if (!(diagonal > 0)) return false;
    const root = Math.sqrt(diagonal);
    a[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = s / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * m + k] * b[k];
    b[i] = s / a[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= a[k * m + i] * b[k];
    b[i] = s / a[i * m + i];
  }
  return true;
}
