/**
 * Sample quantile by linear interpolation between order statistics (Hyndman & Fan 1996 type 7, the default of R and
 * NumPy): h = (n − 1)·q, Q = x(⌊h⌋) + (h − ⌊h⌋)·(x(⌊h⌋+1) − x(⌊h⌋)). Reorders `values[0, length)` in place
 * (quickselect, expected O(n)); NaN must have been filtered out. Returns NaN when length is 0.
 * @example quantileInPlace(Float64Array.from([4, 1, 3, 2]), 4, 0.5) // 2.5
 */
export function quantileInPlace(values: Float64Array, length: number, q: number): number {
  if (length === 0) return Number.NaN;
  const { low, fraction } = quantilePosition(length, q);
  selectInPlace(values, low, 0, length - 1);
  const lowValue = values[low];
  if (fraction === 0) return lowValue;
  let next = Number.POSITIVE_INFINITY;
  for (let i = low + 1; i < length; i++) if (values[i] < next) next = values[i];
  return lowValue + fraction * (next - lowValue);
}

/**
 * Where the type-7 quantile q of n ≥ 1 sorted values lies: x(low) + fraction·(x(low+1) − x(low)), 0-based.
 * @example quantilePosition(5, 0.1) // { low: 0, fraction: 0.4 }
 */
export function quantilePosition(n: number, q: number): { low: number; fraction: number } {
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(h);
  return { low, fraction: h - low };
}

/** Moves the k-th smallest of values[left..right] to index k, smaller ones before it and larger ones after (Hoare). */
export function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const middle = (left + right) >>> 1;
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i];
  values[i] = values[j];
  values[j] = held;
}
