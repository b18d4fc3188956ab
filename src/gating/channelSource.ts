/** Where gating reads event values: scaled channels of one sample by $PnN, plus the file's own spillover. */
import { scaledColumn } from '../fcs/scale.ts';
import type { FcsDataset, SpilloverMatrix } from '../fcs/types.ts';
import { GatingStrategyError } from './types.ts';

export type NumericColumn = Float32Array | Float64Array;

export interface ChannelSource {
  readonly eventCount: number;
  /** $PnN of every channel, in file order. */
  readonly channelNames: readonly string[];
  /** The file's spillover ($SPILLOVER/$SPILL/…), the "FCS" compensation reference; null when it has none. */
  readonly spillover: SpilloverMatrix | null;
  /** Scaled values ($PnE decoded, $PnG divided) of the channel named `name`; throws GatingStrategyError when absent. */
  channel(name: string): NumericColumn;
}

/** A data set's channels, each scaled once on first use (scaledColumn of src/fcs). */
export function channelSourceFromDataset(dataset: FcsDataset): ChannelSource {
  const positions = new Map(dataset.channels.map((channel, position) => [channel.name, position]));
  const scaled = new Map<number, NumericColumn>();
  const channelNames = dataset.channels.map((channel) => channel.name);
  return {
    eventCount: dataset.eventCount,
    channelNames,
    spillover: dataset.spillover,
    channel(name) {
      const position = positions.get(name);
      if (position === undefined) throw missingChannel(name, channelNames);
      let column = scaled.get(position);
      if (!column) {
        column = scaledColumn(dataset, position);
        scaled.set(position, column);
      }
      return column;
    },
  };
}

/** Columns already in memory (simulated data, tests, benchmarks); all must have the same length. */
export function channelSourceFromColumns(columns: Record<string, NumericColumn>, spillover: SpilloverMatrix | null = null): ChannelSource {
  const channelNames = Object.keys(columns);
  const eventCount = channelNames.length > 0 ? columns[channelNames[0]].length : 0;
  for (const name of channelNames) {
    if (columns[name].length !== eventCount) {
      throw new RangeError(`channel "${name}" has ${columns[name].length} values, but "${channelNames[0]}" has ${eventCount}`);
    }
  }
  return {
    eventCount,
    channelNames,
    spillover,
    channel(name) {
      if (!Object.hasOwn(columns, name)) throw missingChannel(name, channelNames);
      return columns[name];
    },
  };
}

function missingChannel(name: string, available: readonly string[]): GatingStrategyError {
  return new GatingStrategyError(`channel "${name}"`, `not in this file (its channels are ${available.map((n) => `"${n}"`).join(', ')})`);
}
