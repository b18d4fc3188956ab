import { describe, expect, it } from 'vitest';
import { FcsError } from './errors.ts';
import { readFcs } from './read.ts';
import type { FcsWriteInput } from './types.ts';
import { writeFcs } from './write.ts';

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

function simpleInput(): FcsWriteInput {
  return {
    channels: [
      { name: 'FSC-A', range: 262144 },
      { name: 'FL2-A', label: 'PI', range: 262144, gain: 2 },
    ],
    columns: [Float32Array.of(1.5, 2.25, 3), Float32Array.of(-4, 5e6, 0.125)],
    keywords: { $CYT: 'FlowFate simulator', $FIL: 'a/b.fcs', $TOT: '999' },
    spillover: { channels: ['FSC-A', 'FL2-A'], matrix: [[1, 0.25], [0, 1]], source: 'test' },
  };
}

describe('writeFcs', () => {
  it('writes an FCS 3.1 HEADER whose offsets point at TEXT and an 8-byte aligned DATA segment', () => {
    const bytes = writeFcs(simpleInput());
    expect(ascii(bytes, 0, 10)).toBe('FCS3.1    ');
    const field = (k: number) => Number(ascii(bytes, 10 + 8 * k, 18 + 8 * k));
    expect(field(0)).toBe(58);
    expect(bytes[58]).toBe('/'.charCodeAt(0));
    expect(bytes[field(1)]).toBe('/'.charCodeAt(0));
    // 3 events x 2 channels x 4 bytes, inclusive end offset (FCS 3.1 HEADER).
    expect(field(3) - field(2) + 1).toBe(24);
    expect(field(2) % 8).toBe(0);
    expect(bytes.length).toBe(field(3) + 1);
    // The first float, little-endian 1.5 = 0x3FC00000.
    expect([...bytes.subarray(field(2), field(2) + 4)]).toEqual([0x00, 0x00, 0xc0, 0x3f]);
  });

  it('round-trips names, labels, gain, spillover and escapes delimiters in values; computed keywords win', () => {
    const file = readFcs(writeFcs(simpleInput()));
    const dataset = file.datasets[0];
    expect(dataset.version).toBe('3.1');
    expect(dataset.eventCount).toBe(3);
    expect(dataset.keywords['$TOT']).toBe('3');
    expect(dataset.keywords['$FIL']).toBe('a/b.fcs');
    expect(dataset.channels.map((c) => [c.name, c.label, c.gain])).toEqual([['FSC-A', null, 1], ['FL2-A', 'PI', 2]]);
    expect(dataset.spillover).toEqual({ channels: ['FSC-A', 'FL2-A'], matrix: [[1, 0.25], [0, 1]], source: '$SPILLOVER' });
    expect([...dataset.columns[1]]).toEqual([-4, 5e6, 0.125]);
    expect(dataset.warnings).toEqual([]);
  });

  it('puts DATA offsets only in TEXT, with HEADER zeros, when asked', () => {
    const bytes = writeFcs(simpleInput(), { dataOffsetsInTextOnly: true });
    expect(ascii(bytes, 26, 42)).toBe('       0       0');
    expect([...readFcs(bytes).datasets[0].columns[0]]).toEqual([1.5, 2.25, 3]);
  });

  it('moves DATA offsets into TEXT by itself when DATA ends beyond byte 99,999,999', () => {
    const events = 25_000_000;
    const column = new Float32Array(events);
    column[events - 1] = 7.5;
    const bytes = writeFcs({ channels: [{ name: 'FSC-A', range: 1 }], columns: [column] });
    expect(bytes.length).toBeGreaterThan(100_000_000);
    expect(ascii(bytes, 26, 42)).toBe('       0       0');
    const dataset = readFcs(bytes).datasets[0];
    expect(dataset.eventCount).toBe(events);
    expect(dataset.columns[0][events - 1]).toBe(7.5);
    expect(Number(dataset.keywords['$ENDDATA'])).toBe(bytes.length - 1);
  });

  it('writes big-endian doubles byte-reversed', () => {
    const bytes = writeFcs({ channels: [{ name: 'X', range: 1 }], columns: [[1]] }, { datatype: 'D', byteOrder: 'big' });
    const start = Number(ascii(bytes, 26, 34));
    // 1.0 as a big-endian IEEE 754 double is 3F F0 00 00 00 00 00 00.
    expect([...bytes.subarray(start, start + 8)]).toEqual([0x3f, 0xf0, 0, 0, 0, 0, 0, 0]);
  });

  it('refuses integer values that do not fit the channel bits, naming channel and event', () => {
    const input: FcsWriteInput = { channels: [{ name: 'FL1', range: 256, bits: 8 }], columns: [[1, 256]] };
    expect(() => writeFcs(input, { datatype: 'I' })).toThrow(FcsError);
    expect(() => writeFcs(input, { datatype: 'I' })).toThrow(/FL1 at event 2/);
  });

  it('writes and reads back a data set with no events, keeping the column types', () => {
    const dataset = readFcs(writeFcs({ channels: [{ name: 'A', range: 1 }], columns: [[]] })).datasets[0];
    expect(dataset.eventCount).toBe(0);
    expect(dataset.columns[0]).toBeInstanceOf(Float32Array);
    expect(dataset.warnings).toEqual([]);
  });

  it('refuses columns of different lengths', () => {
    const input: FcsWriteInput = { channels: [{ name: 'A', range: 1 }, { name: 'B', range: 1 }], columns: [[1, 2], [1]] };
    expect(() => writeFcs(input)).toThrow(/column 2 \(B\) has 1 values/);
  });
});
