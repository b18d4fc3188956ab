import { quantileInPlace } from '../transforms/quantile.ts';

/**
 * The `percentile` (0–100) of `values` over `events` (all values when null), interpolated between order statistics
 * (Hyndman & Fan type 7, quantile.ts); NaN for no events. NaN values are left out.
 * @example percentileOf(Float64Array.from([1, 2, 3, 4, 5]), null, 50) // 3
 */
export function percentileOf(values: ArrayLike<number>, events: Uint32Array | null, percentile: number): number {
  const count = events ? events.length : values.length;
  const scratch = new Float64Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const v = values[events ? events[k] : k];
    if (v === v) scratch[n++] = v;
  }
  return quantileInPlace(scratch, n, percentile / 100);
}
