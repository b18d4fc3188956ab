/**
 * Event indices ordered by their value in a column, in O(n): an LSD radix sort on the IEEE-754 bits made
 * order-preserving (negative values have all bits flipped, others only the sign bit), passes whose digit is the same
 * for every event skipped. Stable. NaN values are left out.
 */
import type { NumericColumn } from './channelSource.ts';

/** 16-bit digits: four passes over the 64-bit keys, measured faster here than 8- or 11-bit digits. */
const DIGIT_BITS = 16;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/**
 * `indices` (or all events when null) sorted by ascending column value, ties in index order, NaN excluded.
 * @example [...sortIndicesByValue(Float64Array.of(3, -1, NaN, 2), null)] // [1, 3, 0]
 */
export function sortIndicesByValue(column: NumericColumn, indices: Uint32Array | null): Uint32Array {
  const total = indices ? indices.length : column.length;
  let ids = new Uint32Array(total);
  let high = new Uint32Array(total);
  let low = new Uint32Array(total);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const highWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  let n = 0;
  for (let k = 0; k < total; k++) {
    const i = indices ? indices[k] : k;
    const v = column[i];
    if (v !== v) continue;
    bits[0] = v;
    const h = words[highWord];
    const l = words[1 - highWord];
    const negative = h >>> 31 === 1;
    ids[n] = i;
    high[n] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[n] = negative ? ~l >>> 0 : l;
    n++;
  }
  ids = ids.subarray(0, n);
  high = high.subarray(0, n);
  low = low.subarray(0, n);
  let spareIds = new Uint32Array(n);
  let spareHigh = new Uint32Array(n);
  let spareLow = new Uint32Array(n);
  const counts = new Uint32Array(DIGIT_MASK + 1);
  for (const [word, shift] of [['low', 0], ['low', DIGIT_BITS], ['high', 0], ['high', DIGIT_BITS]] as const) {
    const keys = word === 'low' ? low : high;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(keys[k] >>> shift) & DIGIT_MASK]++;
    if (n === 0 || counts[(keys[0] >>> shift) & DIGIT_MASK] === n) continue;
    let start = 0;
    for (let b = 0; b <= DIGIT_MASK; b++) {
      const count = counts[b];
      counts[b] = start;
      start += count;
    }
    // Low words are dead once the high-word passes start, so only ids and high words move then.
    const moveLow = word === 'low';
    for (let k = 0; k < n; k++) {
      const to = counts[(keys[k] >>> shift) & DIGIT_MASK]++;
      spareIds[to] = ids[k];
      spareHigh[to] = high[k];
      if (moveLow) spareLow[to] = low[k];
    }
    [ids, spareIds] = [spareIds, ids];
    [high, spareHigh] = [spareHigh, high];
    if (moveLow) [low, spareLow] = [spareLow, low];
  }
  return ids;
}
