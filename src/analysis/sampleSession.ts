/**
 * One open data set and everything computed from it: the gating evaluator, display columns for plots, binned
 * grids and statistics. The worker keeps one session per sample; the CLI uses the same class, so the app and the
 * CLI produce the same numbers by construction.
 */
import { binHistogram1d, binHistogram2d, type Histogram1d, type Histogram2d } from '../binning/histogram.ts';
import type { CompensationRef } from '../compensation/types.ts';
import type { FcsDataset } from '../fcs/types.ts';
import { channelSourceFromDataset } from '../gating/channelSource.ts';
import { GatingEvaluator } from '../gating/evaluator.ts';
import { channelStatistics, type ChannelStatistics, populationCounts, type PopulationCounts } from '../gating/statistics.ts';
import { GATING_STRATEGY_VERSION, type Dimension, type GatingStrategy, type PopulationId } from '../gating/types.ts';
import { displayTable } from '../transforms/displayTable.ts';
import { scaleOf } from '../transforms/transform.ts';
import { type AxisKind, type AxisSpec, axisOfKind, defaultAxisKind } from './axes.ts';

/** Scales whose forward map is an iterative solve; plots draw them through a table (exact enough for pixels). */
const ITERATIVE_SCALES = new Set(['logicle', 'hyperlog', 'biex']);

/** Display columns kept per session (each is 4 bytes per event). */
const DISPLAY_CACHE_SIZE = 8;

export interface ChannelRef {
  channel: string;
  compensation: CompensationRef;
}

export function emptyStrategy(): GatingStrategy {
  return { version: GATING_STRATEGY_VERSION, transforms: {}, ratios: {}, compensations: {}, gates: [] };
}

export class SampleSession {
  readonly dataset: FcsDataset;
  readonly evaluator: GatingEvaluator;
  private readonly displayColumns = new Map<string, Float32Array>();

  constructor(dataset: FcsDataset) {
    this.dataset = dataset;
    this.evaluator = new GatingEvaluator(channelSourceFromDataset(dataset));
    this.evaluator.update(emptyStrategy());
  }

  /** Applies a strategy (recomputing only what changed) and returns every population's counts. */
  applyStrategy(strategy: GatingStrategy): PopulationCounts[] {
    this.evaluator.update(strategy);
    return populationCounts(this.evaluator);
  }

  /** Values of a channel after compensation, in data units, for every event. */
  values({ channel, compensation }: ChannelRef): Float32Array | Float64Array {
    return this.evaluator.column(dataDimension(channel, compensation));
  }

  /** An axis of `kind` for a channel (by default linear for scatter and time, logicle fitted to the data otherwise). */
  axis(ref: ChannelRef, kind?: AxisKind): AxisSpec {
    const channel = this.dataset.channels.find((c) => c.name === ref.channel);
    if (!channel) throw new RangeError(`channel "${ref.channel}" is not in this data set`);
    return axisOfKind(kind ?? defaultAxisKind(channel), channel, ref.compensation, this.values(ref));
  }

  /** Counts of a population over a 2-D display grid; off-scale events are piled at the edges. */
  density(population: PopulationId | null, x: AxisSpec, y: AxisSpec, bins: number): Histogram2d {
    return binHistogram2d(this.displayColumn(x), this.displayColumn(y), this.evaluator.indices(population), displayDomain(x), displayDomain(y), bins, bins);
  }

  histogram(population: PopulationId | null, axis: AxisSpec, bins: number): Histogram1d {
    const [lo, hi] = displayDomain(axis);
    return binHistogram1d(this.displayColumn(axis), this.evaluator.indices(population), lo, hi, bins);
  }

  /** Statistics of each channel over a population, in compensated data units (never display units). */
  statistics(population: PopulationId | null, channels: ChannelRef[]): ChannelStatistics[] {
    const events = this.evaluator.indices(population);
    return channels.map((ref) => channelStatistics(this.values(ref), events));
  }

  /**
   * The axis's values in display space (4 bytes per event, never read by a number shown or exported), cached because
   * panning and re-binning reuse them. Must not be modified: a linear axis of float32 data is the data column itself.
   */
  private displayColumn(axis: AxisSpec): Float32Array {
    const key = JSON.stringify([axis.channel, axis.compensation, axis.scale]);
    const cached = this.displayColumns.get(key);
    if (cached) {
      this.displayColumns.delete(key);
      this.displayColumns.set(key, cached);
      return cached;
    }
    const display = displayValues(this.values(axis), axis);
    this.displayColumns.set(key, display);
    if (this.displayColumns.size > DISPLAY_CACHE_SIZE) this.displayColumns.delete(this.displayColumns.keys().next().value as string);
    return display;
  }
}

/**
 * Values in an axis's display space as float32 (exact enough for pixels; never read by a number shown or exported).
 * A linear axis of float32 data returns the values themselves, so drawing them costs no memory (issue 14).
 */
export function displayValues(values: Float32Array | Float64Array, axis: AxisSpec): Float32Array {
  if (axis.scale === null) return values instanceof Float32Array ? values : Float32Array.from(values);
  if (!ITERATIVE_SCALES.has(axis.scale.kind)) return scaleOf(axis.scale).applyToColumn(values, new Float32Array(values.length));
  const [lo, hi] = displayDomain(axis);
  const margin = 0.05 * (hi - lo);
  return displayTable(scaleOf(axis.scale), lo - margin, hi + margin).applyToColumn(values, new Float32Array(values.length));
}

export function dataDimension(channel: string, compensation: CompensationRef): Dimension {
  return { source: { kind: 'channel', name: channel }, compensation, transform: null };
}

/** The axis's visible range in display space. */
export function displayDomain(axis: AxisSpec): [number, number] {
  if (axis.scale === null) return axis.domain;
  const scale = scaleOf(axis.scale);
  return [scale.apply(axis.domain[0]), scale.apply(axis.domain[1])];
}
