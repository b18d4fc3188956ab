import { MAX_HISTOGRAM_BINS } from './fitWindow.ts';
import type { DnaHistogram } from './types.ts';

/**
 * Counts DNA-content values into `binCount` equal bins over [0, maxValue), for all events or the listed `events`.
 * Values outside the range (and NaN) are left out rather than piled into the edge bins, where the fit would take
 * them for a peak.
 * @example binDnaContent(Float64Array.of(1, 2.5, 9, 11), null, 16, 16).counts[2] // 1
 */
export function binDnaContent(
  values: Float32Array | Float64Array,
  events: Uint32Array | null,
  binCount: number,
  maxValue: number,
): DnaHistogram {
  if (!Number.isInteger(binCount) || binCount < 16 || binCount > MAX_HISTOGRAM_BINS) {
    throw new RangeError(`binDnaContent: binCount must be an integer in [16, ${MAX_HISTOGRAM_BINS}], got ${binCount}`);
  }
  if (!(maxValue > 0 && Number.isFinite(maxValue))) {
    throw new RangeError(`binDnaContent: maxValue must be a positive number, got ${maxValue}`);
  }
  const counts = new Float64Array(binCount);
  const scale = binCount / maxValue;
  const count = events ? events.length : values.length;
  for (let k = 0; k < count; k++) {
    const bin = Math.floor(values[events ? events[k] : k] * scale);
    if (bin >= 0 && bin < binCount) counts[bin]++;
  }
  return { counts, binWidth: maxValue / binCount };
}
