/**
 * Exact type-7 percentiles (as quantileInPlace) of a column over a population without copying all its values: a pass
 * counts the values per bucket (BucketScale: equal-width buckets between robust sample percentiles), which tells the
 * bucket and the rank within it of each order statistic needed; a second pass gathers only those buckets' values, and
 * quickselect finishes inside them. At 5M events this replaces a 40 MB copy and three quickselects over it.
 */
import { quantilePosition, selectInPlace } from '../transforms/quantile.ts';
import type { NumericColumn } from './channelSource.ts';
import { BucketScale } from './valueBuckets.ts';

/** Percentiles `qs` of the non-NaN values of `column` over `events`, and how many values there are (NaN when none). */
export function percentilesOf(column: NumericColumn, events: Uint32Array, qs: readonly number[]): { valueCount: number; percentiles: Float64Array } {
  const scale = new BucketScale(column, events);
  const counts = new Uint32Array(scale.buckets);
  let valueCount = 0;
  for (let k = 0; k < events.length; k++) {
    const v = column[events[k]];
    if (v !== v) continue;
    counts[scale.of(v)]++;
    valueCount++;
  }
  const percentiles = new Float64Array(qs.length).fill(Number.NaN);
  if (valueCount === 0) return { valueCount, percentiles };
  const positions = qs.map((q) => quantilePosition(valueCount, q));
  const ranks = [...new Set(positions.flatMap(({ low, fraction }) => (fraction === 0 ? [low] : [low, low + 1])))];
  // Bucket of each rank and the rank's place within it.
  const firstRankOf = new Uint32Array(scale.buckets + 1);
  for (let b = 0; b < scale.buckets; b++) firstRankOf[b + 1] = firstRankOf[b] + counts[b];
  const bucketOf = (rank: number) => {
    let low = 0;
    let high = scale.buckets - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (firstRankOf[middle] <= rank) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const gathered = new Map<number, { values: Float64Array; filled: number }>();
  for (const rank of ranks) {
    const b = bucketOf(rank);
    if (!gathered.has(b)) gathered.set(b, { values: new Float64Array(counts[b]), filled: 0 });
  }
  for (let k = 0; k < events.length; k++) {
    const v = column[events[k]];
    if (v !== v) continue;
    const bucket = gathered.get(scale.of(v));
    if (bucket) bucket.values[bucket.filled++] = v;
  }
  const at = (rank: number) => {
    const b = bucketOf(rank);
    const { values } = gathered.get(b) as { values: Float64Array };
    const within = rank - firstRankOf[b];
    selectInPlace(values, within, 0, values.length - 1);
    return values[within];
  };
  positions.forEach(({ low, fraction }, j) => {
    const lowValue = at(low);
    percentiles[j] = fraction === 0 ? lowValue : lowValue + fraction * (at(low + 1) - lowValue);
  });
  return { valueCount, percentiles };
}
