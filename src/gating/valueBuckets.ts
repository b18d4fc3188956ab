/**
 * Events grouped into value buckets in O(n) (a counting sort on a bucket number): buckets are ordered by value, the
 * events inside one are not. That is enough to find every event valued within a range by reading a few buckets, at a
 * fraction of a full sort's cost (a radix sort of 4.4M doubles takes seconds here, this tens of milliseconds).
 */
import type { NumericColumn } from './channelSource.ts';
import { EVENTS_PER_STEP } from './stepped.ts';

/** Buckets fine enough that a few crossed ones hold few events; each event's bucket is a Uint16 (NO_BUCKET excluded). */
const BUCKETS = 0xffff;
/** Marks an event whose value is NaN (no bucket). */
const NO_BUCKET = 0xffff;
/** Values sampled to place the buckets, and the share left to each end bucket (outliers, off-scale piles). */
const SAMPLE = 8192;
const TAIL = 0.001;

/**
 * Equal-width buckets between the 0.1th and 99.9th percentiles of a sample of the values, the tails clamped into the
 * end buckets: fine resolution where the events are, whatever the data's scale, sign or outliers. Never decreasing in
 * the value, so buckets are ordered; NaN has no bucket.
 */
export class BucketScale {
  readonly buckets: number;
  private readonly low: number;
  private readonly perUnit: number;

  constructor(column: NumericColumn, events: Uint32Array) {
    const stride = Math.max(1, Math.floor(events.length / SAMPLE));
    const sample: number[] = [];
    for (let k = 0; k < events.length; k += stride) {
      const v = column[events[k]];
      if (v === v && Number.isFinite(v)) sample.push(v);
    }
    const sorted = Float64Array.from(sample).toSorted();
    const low = sorted.length > 0 ? sorted[Math.floor(TAIL * (sorted.length - 1))] : 0;
    const high = sorted.length > 0 ? sorted[Math.ceil((1 - TAIL) * (sorted.length - 1))] : 0;
    // A spread too narrow (subnormal) or too wide (overflow) for a finite non-zero scale gets one bucket.
    const perUnit = (BUCKETS - 2) / (high - low);
    const usable = high > low && perUnit > 0 && Number.isFinite(perUnit);
    this.low = low;
    this.buckets = usable ? BUCKETS : 1;
    this.perUnit = usable ? perUnit : 0;
  }

  /** Bucket of a non-NaN value. */
  of(value: number): number {
    if (this.buckets === 1) return 0;
    const position = (value - this.low) * this.perUnit;
    return position < 0 ? 0 : position >= this.buckets - 1 ? this.buckets - 1 : Math.floor(position);
  }
}

export class ValueBuckets {
  /** Event indices, bucket by bucket in ascending value; NaN values are left out. */
  readonly order: Uint32Array;
  /** Bucket b holds order[starts[b] .. starts[b + 1]). */
  private readonly starts: Uint32Array;
  private readonly scale: BucketScale;

  private constructor(order: Uint32Array, starts: Uint32Array, scale: BucketScale) {
    this.order = order;
    this.starts = starts;
    this.scale = scale;
  }

  /** The buckets of `events`, yielding every EVENTS_PER_STEP events (see Stepped). */
  static *build(column: NumericColumn, events: Uint32Array): Generator<void, ValueBuckets> {
    const scale = new BucketScale(column, events);
    const bucketOf = new Uint16Array(events.length);
    const starts = new Uint32Array(scale.buckets + 1);
    for (let from = 0; from < events.length; from += EVENTS_PER_STEP) {
      countBuckets(column, events, from, Math.min(events.length, from + EVENTS_PER_STEP), scale, bucketOf, starts);
      yield;
    }
    for (let b = 0; b < scale.buckets; b++) starts[b + 1] += starts[b];
    const next = starts.slice(0, scale.buckets);
    const order = new Uint32Array(starts[scale.buckets]);
    for (let from = 0; from < events.length; from += EVENTS_PER_STEP) {
      const to = Math.min(events.length, from + EVENTS_PER_STEP);
      for (let k = from; k < to; k++) if (bucketOf[k] !== NO_BUCKET) order[next[bucketOf[k]]++] = events[k];
      yield;
    }
    return new ValueBuckets(order, starts, scale);
  }

  /**
   * Positions in `order` holding at least every event valued in [from, to] (either order; NaN: all); neighbours in
   * the end buckets come along, so callers test each event.
   */
  span(from: number, to: number): [number, number] {
    if (from !== from || to !== to) return [0, this.order.length];
    return [this.starts[this.scale.of(Math.min(from, to))], this.starts[this.scale.of(Math.max(from, to)) + 1]];
  }
}

/** Bucket of each event in [from, to) (NO_BUCKET for NaN), counted into starts[bucket + 1]. */
function countBuckets(column: NumericColumn, events: Uint32Array, from: number, to: number, scale: BucketScale, bucketOf: Uint16Array, starts: Uint32Array): void {
  for (let k = from; k < to; k++) {
    const v = column[events[k]];
    if (v !== v) {
      bucketOf[k] = NO_BUCKET;
      continue;
    }
    const b = scale.of(v);
    bucketOf[k] = b;
    starts[b + 1]++;
  }
}
