import { MAX_HISTOGRAM_BINS } from './fitWindow.ts';
import type { DnaHistogram } from './types.ts';

/**
 * Events off the DNA axis: at or below zero (the bottom channel, where an instrument piles what it cannot measure),
 * or in the top channel and beyond (saturated pulses piled at the end of the range). Neither carries a DNA content,
 * so both are left out of the histogram and counted instead.
 */
export interface OffScaleEvents {
  /** At or below zero (and values that are not numbers). */
  low: number;
  /** In the top channel of the axis or above it. */
  high: number;
  /** (low + high) as % of the events looked at. */
  percent: number;
}

/** One predicate for the histogram and the count: (0, top of the last-but-one channel). */
function axisTest(binCount: number, maxValue: number): (value: number) => boolean {
  const topChannel = (maxValue * (binCount - 1)) / binCount;
  return (value) => value > 0 && value < topChannel;
}

function checkAxis(binCount: number, maxValue: number): void {
  if (!Number.isInteger(binCount) || binCount < 16 || binCount > MAX_HISTOGRAM_BINS) {
    throw new RangeError(`binDnaContent: binCount must be an integer in [16, ${MAX_HISTOGRAM_BINS}], got ${binCount}`);
  }
  if (!(maxValue > 0 && Number.isFinite(maxValue))) {
    throw new RangeError(`binDnaContent: maxValue must be a positive number, got ${maxValue}`);
  }
}

/**
 * Counts DNA-content values into `binCount` equal bins over [0, maxValue), for all events or the listed `events`.
 * Off-scale values (see OffScaleEvents) are left out rather than piled into the edge bins, where the fit would take
 * them for a peak: the first and last bins hold only on-scale values.
 * @example binDnaContent(Float64Array.of(1, 2.5, 9, 11), null, 16, 16).counts[2] // 1
 */
export function binDnaContent(
  values: Float32Array | Float64Array,
  events: Uint32Array | null,
  binCount: number,
  maxValue: number,
): DnaHistogram {
  checkAxis(binCount, maxValue);
  const onAxis = axisTest(binCount, maxValue);
  const counts = new Float64Array(binCount);
  const scale = binCount / maxValue;
  const count = events ? events.length : values.length;
  for (let k = 0; k < count; k++) {
    const value = values[events ? events[k] : k];
    if (onAxis(value)) counts[Math.floor(value * scale)]++;
  }
  return { counts, binWidth: maxValue / binCount };
}

/**
 * Splits `events` (null: every event) into those on the DNA axis of `binCount` channels over [0, maxValue) and a
 * count of those off it.
 * @example onScaleEvents(Float64Array.of(0, 5, 16), null, 16, 16).offScale // { low: 1, high: 1, percent: 66.7 }
 */
export function onScaleEvents(
  values: Float32Array | Float64Array,
  events: Uint32Array | null,
  binCount: number,
  maxValue: number,
): { events: Uint32Array; offScale: OffScaleEvents } {
  checkAxis(binCount, maxValue);
  const onAxis = axisTest(binCount, maxValue);
  const total = events ? events.length : values.length;
  const kept = new Uint32Array(total);
  let length = 0;
  let low = 0;
  for (let k = 0; k < total; k++) {
    const event = events ? events[k] : k;
    const value = values[event];
    if (onAxis(value)) kept[length++] = event;
    else if (!(value > 0)) low++;
  }
  const high = total - length - low;
  return { events: kept.slice(0, length), offScale: { low, high, percent: total > 0 ? (100 * (low + high)) / total : 0 } };
}
