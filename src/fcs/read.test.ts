import { describe, expect, it } from 'vitest';
import { FcsError } from './errors.ts';
import { readFcs } from './read.ts';

const pad = (n: number) => String(n).padStart(10, '0');
const field = (n: number) => String(n).padStart(8, ' ');

/**
 * Builds an FCS file by hand: HEADER, TEXT (with zero-padded $BEGINDATA/$ENDDATA so its length is known
 * up front) and the given DATA bytes. Offsets are written to the HEADER unless `headerDataOffsets` is false.
 */
function buildFcs(
  version: string,
  keywords: Record<string, string>,
  data: Uint8Array | string,
  { delimiter = '/', headerDataOffsets = true, nextData = 0 }: { delimiter?: string; headerDataOffsets?: boolean; nextData?: number } = {},
): Uint8Array {
  const dataBytes = typeof data === 'string' ? Uint8Array.from(data, (ch) => ch.charCodeAt(0)) : data;
  const pairs = (begin: number, end: number) =>
    Object.entries({ ...keywords, $BEGINDATA: pad(begin), $ENDDATA: pad(end), $NEXTDATA: pad(nextData) })
      .map(([k, v]) => `${k}${delimiter}${v}`)
      .join(delimiter);
  const textLength = `${delimiter}${pairs(0, 0)}${delimiter}`.length;
  const dataStart = 58 + textLength;
  const dataEnd = dataStart + dataBytes.length - 1;
  const text = `${delimiter}${pairs(dataStart, dataEnd)}${delimiter}`;
  const header = `FCS${version}    ${field(58)}${field(57 + textLength)}${field(headerDataOffsets ? dataStart : 0)}${field(headerDataOffsets ? dataEnd : 0)}${field(0)}${field(0)}`;
  const out = new Uint8Array(dataEnd + 1);
  out.set(Uint8Array.from(header + text, (ch) => ch.charCodeAt(0)));
  out.set(dataBytes, dataStart);
  return out;
}

function bytesOf(...values: number[]): Uint8Array {
  return Uint8Array.from(values);
}

const oneChannel = (datatype: string, bits: string, range: string, extra: Record<string, string> = {}) => ({
  $BYTEORD: '1,2,3,4', $DATATYPE: datatype, $MODE: 'L', $PAR: '1', $P1N: 'FL1', $P1B: bits, $P1R: range, $P1E: '0,0', ...extra,
});

describe('readFcs on hand-built files', () => {
  it('reads fixed-width ASCII data ($PnB = number of characters)', () => {
    const keywords = { ...oneChannel('A', '4', '1024'), $PAR: '2', $P2N: 'FL2', $P2B: '3', $P2R: '1024', $TOT: '2' };
    const dataset = readFcs(buildFcs('3.0', keywords, '0012 34 100  7')).datasets[0];
    expect(dataset.columns.map((c) => [...c])).toEqual([[12, 100], [34, 7]]);
    expect(dataset.channels.map((c) => c.bits)).toEqual([4, 3]);
  });

  it('reads delimited ASCII data ($PnB = *) separated by spaces, commas, tabs and line breaks', () => {
    const keywords = { ...oneChannel('A', '*', '1024'), $PAR: '2', $P2N: 'FL2', $P2B: '*', $P2R: '1024', $TOT: '3' };
    const dataset = readFcs(buildFcs('3.1', keywords, '1,2\t 3\r\n4 5.5,  600\n')).datasets[0];
    expect(dataset.columns.map((c) => [...c])).toEqual([[1, 3, 5.5], [2, 4, 600]]);
    expect(dataset.channels[0].bits).toBeNull();
  });

  it('refuses delimited ASCII data with fewer values than $TOT x $PAR, naming both', () => {
    const keywords = { ...oneChannel('A', '*', '1024'), $TOT: '3' };
    expect(() => readFcs(buildFcs('3.1', keywords, '1 2'), { fileName: 'a.fcs' })).toThrow(/"a.fcs".*holds 2 values but the 3 events the file declares \(\$TOT\) need 3/);
  });

  it('reads FCS 3.2 files with per-parameter $PnDATATYPE (I 16, F 32, D 64 in one record)', () => {
    const keywords = {
      $BYTEORD: '4,3,2,1', $DATATYPE: 'I', $MODE: 'L', $PAR: '3', $TOT: '1',
      $P1N: 'A', $P1B: '16', $P1R: '65536', $P1E: '0,0',
      $P2N: 'B', $P2B: '32', $P2R: '1', $P2E: '0,0', $P2DATATYPE: 'F',
      $P3N: 'C', $P3B: '64', $P3R: '1', $P3E: '0,0', $P3DATATYPE: 'D',
    };
    // Big-endian 0x0102 = 258; 1.5f = 3F C0 00 00; -2.0 = C0 00 00 00 00 00 00 00.
    const data = bytesOf(0x01, 0x02, 0x3f, 0xc0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0);
    const dataset = readFcs(buildFcs('3.2', keywords, data)).datasets[0];
    expect(dataset.channels.map((c) => c.datatype)).toEqual(['I', 'F', 'D']);
    expect(dataset.columns.map((c) => c[0])).toEqual([258, 1.5, -2]);
    expect(dataset.columns.map((c) => c.constructor.name)).toEqual(['Uint16Array', 'Float32Array', 'Float64Array']);
  });

  it('applies a legacy $BYTEORD permutation (3,4,1,2) with a warning', () => {
    // Bytes in file order carry significance 3,4,1,2: 0x33 0x44 0x11 0x22 is the value 0x44332211.
    const dataset = readFcs(buildFcs('3.0', { ...oneChannel('I', '32', '4294967296', { $BYTEORD: '3,4,1,2' }), $TOT: '1' }, bytesOf(0x33, 0x44, 0x11, 0x22))).datasets[0];
    expect(dataset.columns[0][0]).toBe(0x44332211);
    expect(dataset.warnings.map((w) => w.code)).toContain('BYTEORD_PERMUTED');
  });

  it('reads 24-bit big-endian integers and masks them to $PnR', () => {
    const keywords = { ...oneChannel('I', '24', '1000', { $BYTEORD: '4,3,2,1' }), $TOT: '2' };
    // 0x0103E7 = 66535 masked to 1023 (1000 rounded up to 1024) = 999; 0x000010 = 16.
    const dataset = readFcs(buildFcs('3.1', keywords, bytesOf(0x01, 0x03, 0xe7, 0, 0, 0x10))).datasets[0];
    expect([...dataset.columns[0]]).toEqual([999, 16]);
    expect(dataset.warnings.map((w) => w.code)).toEqual(['BITS_MASKED']);
  });

  it('reads 10-bit values stored in 16-bit words (Beckman LMD) with a warning', () => {
    const keywords = { ...oneChannel('I', '10', '1024', { $BYTEORD: '1,2' }), $TOT: '2' };
    // Little-endian words 0x8401 and 0x03FF: flag bit 15 removed gives 1 and 1023.
    const dataset = readFcs(buildFcs('2.0', keywords, bytesOf(0x01, 0x84, 0xff, 0x03))).datasets[0];
    expect([...dataset.columns[0]]).toEqual([1, 1023]);
    expect(dataset.warnings.map((w) => w.code)).toEqual(['BITS_NOT_BYTE_MULTIPLE', 'BITS_MASKED']);
  });

  it('keeps 64-bit integers above 2^53 as the nearest double and warns', () => {
    const keywords = { ...oneChannel('I', '64', '18446744073709551616'), $TOT: '2' };
    // 2^53 + 1 (not representable) and 2^40 + 5 (exact), little-endian.
    const data = bytesOf(1, 0, 0, 0, 0, 0, 0x20, 0, 5, 0, 0, 0, 0, 1, 0, 0);
    const dataset = readFcs(buildFcs('3.1', keywords, data)).datasets[0];
    expect([...dataset.columns[0]]).toEqual([2 ** 53, 2 ** 40 + 5]);
    expect(dataset.warnings.map((w) => w.code)).toEqual(['INTEGER_EXCEEDS_2_53']);
  });

  it('derives the event count from the DATA length when $TOT is missing, with a warning', () => {
    const dataset = readFcs(buildFcs('2.0', oneChannel('I', '16', '65536'), bytesOf(1, 0, 2, 0, 3, 0))).datasets[0];
    expect(dataset.eventCount).toBe(3);
    expect(dataset.warnings.map((w) => w.code)).toEqual(['TOT_MISSING']);
  });

  it('uses $BEGINDATA/$ENDDATA when the HEADER DATA offsets are zero', () => {
    const file = buildFcs('3.1', { ...oneChannel('I', '8', '256'), $TOT: '2' }, bytesOf(7, 9), { headerDataOffsets: false });
    expect([...readFcs(file).datasets[0].columns[0]]).toEqual([7, 9]);
  });

  it('follows $NEXTDATA to a second data set whose offsets are relative to its own HEADER', () => {
    const second = buildFcs('3.0', { ...oneChannel('I', '16', '1048576'), $TOT: '1' }, bytesOf(0x34, 0x12));
    const firstOf = (nextData: number) => buildFcs('2.0', { ...oneChannel('I', '8', '256'), $TOT: '1' }, bytesOf(5), { nextData });
    // $NEXTDATA is zero-padded to a fixed width, so the first data set's length does not depend on its value.
    const first = firstOf(firstOf(0).length);
    const file = new Uint8Array(first.length + second.length);
    file.set(first);
    file.set(second, first.length);
    const { datasets } = readFcs(file);
    expect(datasets.map((d) => [d.index, d.byteOffset, d.version, d.columns[0][0]])).toEqual([[1, 0, '2.0', 5], [2, first.length, '3.0', 0x1234]]);
    expect(datasets.every((d) => d.warnings.some((w) => w.code === 'MULTIPLE_DATASETS'))).toBe(true);
  });

  it('stops at a $NEXTDATA that points back into the data set, with a warning instead of looping', () => {
    const file = buildFcs('3.0', { ...oneChannel('I', '8', '256'), $TOT: '1' }, bytesOf(5), { nextData: 10 });
    const { datasets } = readFcs(file);
    expect(datasets).toHaveLength(1);
    expect(datasets[0].warnings.map((w) => w.code)).toEqual(['NEXTDATA_INVALID']);
  });

  it('refuses histogram files ($MODE C) with a plain reason', () => {
    const file = buildFcs('3.0', { ...oneChannel('I', '8', '256', { $MODE: 'C' }), $TOT: '1' }, bytesOf(1));
    expect(() => readFcs(file, { fileName: 'h.fcs' })).toThrow('Cannot read "h.fcs": it holds histograms, not single events ($MODE "C", deprecated in FCS 3.1); FlowFate reads list-mode files ($MODE L) only.');
  });

  it('refuses a $PAR larger than the number of keywords before allocating anything', () => {
    const file = buildFcs('3.1', { ...oneChannel('I', '8', '256', { $PAR: '999999999' }), $TOT: '1' }, bytesOf(1));
    expect(() => readFcs(file)).toThrow(/says it has 999999999 parameters \(\$PAR\) but its keywords describe only \d+/);
  });

  it('refuses a $TOT that needs more bytes than the file has, as an FcsError naming the offsets', () => {
    const file = buildFcs('3.1', { ...oneChannel('I', '8', '256'), $TOT: '1000000000000' }, bytesOf(1, 2));
    expect(() => readFcs(file)).toThrow(FcsError);
    expect(() => readFcs(file)).toThrow(/the DATA segment cannot be found: the HEADER and TEXT offsets put it at bytes \d+-\d+, but they span only 2 bytes where the \$TOT events need 1000000000000\.$/);
  });

  it('refuses unsupported versions and non-FCS bytes with a plain reason', () => {
    const file = buildFcs('4.0', { ...oneChannel('I', '8', '256'), $TOT: '1' }, bytesOf(1));
    expect(() => readFcs(file)).toThrow('Cannot read the file: it uses FCS version 4.0, which FlowFate does not read (it reads 2.0, 3.0, 3.1 and 3.2).');
    expect(() => readFcs(new Uint8Array(100).fill(0x41), { fileName: 'x.csv' })).toThrow('Cannot read "x.csv": it is not an FCS file: it starts with "AAAAAA" instead of "FCS" and a version number (byte 0).');
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', () => {
    const bytes = buildFcs('3.1', { ...oneChannel('I', '8', '256'), $TOT: '1' }, bytesOf(42));
    expect(readFcs(bytes.slice().buffer).datasets[0].columns[0][0]).toBe(42);
  });
});
