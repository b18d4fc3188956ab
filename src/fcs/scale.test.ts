import { describe, expect, it } from 'vitest';
import { defaultDatasetIndex, scaledColumn, scalingWarnings } from './scale.ts';
import type { Channel, FcsDataset, RawColumn } from './types.ts';

function channel(overrides: Partial<Channel>): Channel {
  return { index: 1, name: 'FL1', label: null, bits: 16, range: 1024, amplification: [0, 0], gain: 1, datatype: 'I', ...overrides };
}

function dataset(channels: Channel[], columns: RawColumn[], keywords: Record<string, string> = {}): FcsDataset {
  return {
    index: 1, byteOffset: 0, version: '3.1', datatype: 'I', byteOrder: 'little', eventCount: columns[0]?.length ?? 0,
    channels, columns, keywords, analysis: null, spillover: null, warnings: [],
  };
}

describe('scaledColumn', () => {
  it('decodes log amplification as f2 * 10^(f1 * raw / $PnR), reading f2 = 0 as 1', () => {
    // 4 decades over 1024 channels: raw 256 is one decade, raw 512 two.
    const d = dataset([channel({ amplification: [4, 0] }), channel({ amplification: [4, 0.1] })], [Uint16Array.of(0, 256, 512), Uint16Array.of(0, 256, 1024)]);
    expect([...scaledColumn(d, 0)]).toEqual([1, 10, 100]);
    expect([...scaledColumn(d, 1)].map((v) => Number(v.toPrecision(12)))).toEqual([0.1, 1, 1000]);
  });

  it('divides linear values by $PnG and leaves log float data as stored', () => {
    const d = dataset(
      [channel({ gain: 4 }), channel({ datatype: 'F', amplification: [4, 0], gain: 1 })],
      [Uint16Array.of(2, 10), Float32Array.of(3.5, 7)],
    );
    expect([...scaledColumn(d, 0)]).toEqual([0.5, 2.5]);
    expect(scaledColumn(d, 1)).toBe(d.columns[1]);
  });

  it('multiplies the time channel by $TIMESTEP and ignores any gain on it', () => {
    const d = dataset([channel({ name: 'TIME', gain: 10 })], [Uint32Array.of(0, 3, 1000)], { $TIMESTEP: '0.01' });
    expect([...scaledColumn(d, 0)]).toEqual([0, 0.03, 10]);
  });

  it('returns the raw Float32Array itself when scaling is the identity, and a float64 copy of integer data', () => {
    const raw = Float32Array.of(1, 2);
    expect(scaledColumn(dataset([channel({ datatype: 'F' })], [raw]), 0)).toBe(raw);
    const ints = dataset([channel({})], [Uint32Array.of(4294967295)]);
    const scaled = scaledColumn(ints, 0);
    expect(scaled).toBeInstanceOf(Float64Array);
    expect(scaled[0]).toBe(4294967295);
  });
});

describe('scalingWarnings', () => {
  it('names channels with f2 = 0, log on float data, gain on log channels and a bad $TIMESTEP', () => {
    const codes = scalingWarnings(
      [channel({ name: 'A', amplification: [4, 0] }), channel({ name: 'B', datatype: 'F', amplification: [4, 0] }), channel({ name: 'C', amplification: [4, 1], gain: 2 }), channel({ name: 'Time' })],
      { $TIMESTEP: 'xxxxxxxxx' },
    ).map((w) => w.code);
    expect(codes).toEqual(['PNE_F2_ZERO', 'LOG_ON_FLOAT', 'GAIN_ON_LOG_CHANNEL', 'TIMESTEP_INVALID']);
  });
});

const set = (events: number, ranges: number[]) =>
  dataset(ranges.map((range, i) => channel({ index: i + 1, range })), ranges.map(() => new Uint16Array(events)));

describe('defaultDatasetIndex', () => {
  it('picks a later data set holding the same events at a higher resolution (Beckman LMD: 10-bit 2.0 then 20-bit 3.0)', () => {
    expect(defaultDatasetIndex({ datasets: [set(5, [1024, 1024]), set(5, [1048576, 1048576, 1024])] })).toBe(1);
  });

  it('keeps the first data set otherwise (different events, fewer channels, or no file-wide gain in range)', () => {
    expect(defaultDatasetIndex({ datasets: [set(5, [1024]), set(6, [1048576])] })).toBe(0);
    expect(defaultDatasetIndex({ datasets: [set(5, [1024, 1024]), set(5, [1048576])] })).toBe(0);
    expect(defaultDatasetIndex({ datasets: [set(5, [1024]), set(5, [1024])] })).toBe(0);
    expect(defaultDatasetIndex({ datasets: [] })).toBe(0);
  });
});
