/** Reading through a ByteSource: piece by piece as from a file, the HEADER checked first, size refused before reading. */
import { describe, expect, it } from 'vitest';
import { comparedWith, fileLikeSource } from './byteSource.fixtures.ts';
import { FcsError } from './errors.ts';
import { readFcs, scanFcs } from './read.ts';
import type { FcsWriteInput, RawColumn } from './types.ts';
import { writeFcs, type FcsWriteOptions } from './write.ts';

/** `events` pseudo-random events of integer values up to 2^bits (or floats) in every channel. */
function input(events: number, bits: number[], range = 1024): FcsWriteInput {
  let state = 7;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  return {
    channels: bits.map((b, i) => ({ name: `P${i + 1}`, range, bits: b })),
    columns: bits.map((b) => Float64Array.from({ length: events }, () => (b > 32 ? next() * 1024 + (next() & 1023) : next() % 2 ** b))),
  };
}

const LAYOUTS: [string, FcsWriteInput, FcsWriteOptions][] = [
  ['float32 little-endian', input(30_000, [32, 32, 32, 32, 32], 262144), { datatype: 'F', byteOrder: 'little' }],
  ['float64 big-endian', input(20_000, [64, 64, 64], 262144), { datatype: 'D', byteOrder: 'big' }],
  ['16-bit integers, big-endian, masked to $PnR 1024', input(40_000, [16, 16, 16, 16]), { datatype: 'I', byteOrder: 'big' }],
  ['16-bit integers, an odd number of channels', input(40_000, [16, 16, 16]), { datatype: 'I', byteOrder: 'little' }],
  ['8/16/32/64-bit integers mixed', input(15_000, [8, 16, 32, 64], 2 ** 40), { datatype: 'I', byteOrder: 'big' }],
];

describe('readFcs through a ByteSource', () => {
  it.each(LAYOUTS)('%s: read in pieces as from a file gives the same data set as from memory', (_, data, options) => {
    const bytes = writeFcs(data, options);
    const source = fileLikeSource(bytes, 10_007);
    const fromFile = readFcs(source);
    const fromMemory = readFcs(bytes);
    expect(comparedWith(fromFile, fromMemory)).toEqual(comparedWith(fromMemory, fromMemory));
    expect(source.reads.length).toBeGreaterThan(10);
    expect(Math.max(...source.reads.map(([start, end]) => end - start))).toBeLessThanOrEqual(10_007);
  });

  it('reads only the 58-byte HEADER of a file that is not FCS, however big', () => {
    const zip = new TextEncoder().encode('PK\u0003\u0004 this is a zip archive, not an FCS file........................');
    const huge = { size: 2 ** 31, reads: [] as [number, number][], read(start: number, end: number) { this.reads.push([start, end]); return zip.slice(start, end); } };
    expect(() => readFcs(huge, { fileName: 'archive.zip' })).toThrow('Cannot read "archive.zip": it is not an FCS file: it starts with "PK?? t"');
    expect(huge.reads).toEqual([[0, 58]]);
  });

  it('refuses a file whose events need more memory than allowed before reading them, saying how much', () => {
    const bytes = writeFcs(input(30_000, [32, 32, 32, 32, 32], 262144), { datatype: 'F' });
    const source = fileLikeSource(bytes);
    const read = () => readFcs(source, { fileName: 'big.fcs', memoryLimit: { bytes: 500_000, advice: 'close other files first.' } });
    expect(read).toThrow(FcsError);
    expect(read).toThrow('Cannot read "big.fcs": it holds 30,000 events of 5 parameters, which need 0.6 MB of memory once read, more than the 0.5 MB available; close other files first.');
    const dataStart = bytes.length - 30_000 * 5 * 4;
    expect(source.reads.every(([, end]) => end <= dataStart)).toBe(true);
    expect(() => readFcs(bytes, { memoryLimit: { bytes: 600_000, advice: '' } })).not.toThrow();
  });
});

describe('scanFcs', () => {
  it('hands every event to the scanner once, in order, in chunks, and keeps no columns', () => {
    const bytes = writeFcs(input(40_000, [16, 16, 16, 16]), { datatype: 'I', byteOrder: 'big' });
    const [expected] = readFcs(bytes).datasets;
    const seen: number[][] = expected.columns.map(() => []);
    const starts: number[] = [];
    const datasets = scanFcs(fileLikeSource(bytes, 50_000), (index, columns: readonly RawColumn[], firstEvent) => {
      expect(index).toBe(1);
      expect(firstEvent).toBe(seen[0].length);
      starts.push(firstEvent);
      columns.forEach((column, c) => seen[c].push(...column));
    });
    expect(starts.length).toBeGreaterThan(3);
    expect(seen).toEqual(expected.columns.map((column) => [...column]));
    const { columns: _columns, ...rest } = expected;
    expect(datasets).toEqual([rest]);
    expect(datasets[0]).not.toHaveProperty('columns');
  });
});
