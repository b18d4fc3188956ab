import { HOST_IS_LITTLE, swap32 as importedSwap32 } from './byteSwap.ts';
import { FcsError } from './errors.ts';
import type { ByteOrder, ChannelSpec, FcsWriteInput } from './types.ts';
import { encodeUtf8 } from './utf8.ts';

export interface FcsWriteOptions {
  /** FCS version written in the HEADER; default "3.1". */
  version?: '3.1' | '3.0';
  /** $DATATYPE; default "F". For "I", each channel's `bits` (8, 16, 24 ... 64) is used, default 32. */
  datatype?: 'F' | 'D' | 'I';
  /** Default "little". */
  byteOrder?: ByteOrder;
  /** The TEXT delimiter, one ASCII character other than a space; default "/". */
  delimiter?: string;
  /**
   * Write DATA offsets only in TEXT ($BEGINDATA/$ENDDATA) with zeros in the HEADER. The FCS 3.1 HEADER rules require
   * this when DATA ends beyond byte 99,999,999, and the writer then does it whatever this option says.
   */
  dataOffsetsInTextOnly?: boolean;
}

/** A module-local binding: the byte-swap loop then calls the function directly, not through the module namespace. */
const swap32 = importedSwap32;
const HEADER_BYTES = 58;
const TEXT_START = HEADER_BYTES;
const MAX_HEADER_OFFSET = 99_999_999;
/** DATA starts on an 8-byte boundary so readers (ours included) can view it as a typed array without copying. */
const DATA_ALIGNMENT = 8;

/** Keywords the writer computes; values given for them in `input.keywords` are replaced. */
const STRUCTURAL = /^\$(BEGIN|END)(ANALYSIS|DATA|STEXT)$|^\$(BYTEORD|DATATYPE|MODE|NEXTDATA|PAR|TOT|SPILLOVER)$|^\$P\d+(B|E|N|R|S|G|DATATYPE)$/;

function invalid(message: string): FcsError {
  return new FcsError('INVALID_WRITE_INPUT', `Cannot write FCS: ${message}.`);
}

function integerBits(spec: ChannelSpec, position: number): number {
  const bits = spec.bits ?? 32;
  if (!Number.isInteger(bits) || bits < 8 || bits > 64 || bits % 8 !== 0) {
    throw invalid(`channel ${position + 1} (${spec.name}) has bits ${spec.bits}; integer data need 8, 16, 24, ... or 64`);
  }
  return bits;
}

function validateInput(input: FcsWriteInput, datatype: 'F' | 'D' | 'I', delimiter: string): number {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) < 1 || delimiter.charCodeAt(0) > 126 || delimiter === ' ') {
    throw invalid(`the delimiter must be one ASCII character other than a space (got ${JSON.stringify(delimiter)})`);
  }
  if (input.channels.length === 0) throw invalid('there are no channels');
  if (input.columns.length !== input.channels.length) {
    throw invalid(`${input.channels.length} channels but ${input.columns.length} columns were given`);
  }
  const eventCount = input.columns[0].length;
  input.channels.forEach((spec, i) => {
    if (!spec.name.trim()) throw invalid(`channel ${i + 1} has an empty name`);
    if (!(spec.range > 0) || !Number.isFinite(spec.range)) throw invalid(`channel ${i + 1} (${spec.name}) has range ${spec.range}; it must be a positive number`);
    if (input.columns[i].length !== eventCount) throw invalid(`column ${i + 1} (${spec.name}) has ${input.columns[i].length} values, column 1 has ${eventCount}`);
    if (datatype === 'I') integerBits(spec, i);
  });
  return eventCount;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}

function spilloverValue(input: FcsWriteInput): string | null {
  const spill = input.spillover;
  if (!spill) return null;
  const n = spill.channels.length;
  if (spill.matrix.length !== n || spill.matrix.some((row) => row.length !== n || row.some((v) => !Number.isFinite(v)))) {
    throw invalid(`the spillover matrix must be ${n} x ${n} finite numbers for its ${n} channels`);
  }
  return [String(n), ...spill.channels, ...spill.matrix.flat().map((v) => String(v))].join(',');
}

/** Every keyword except the four offsets, in writing order. */
function contentKeywords(input: FcsWriteInput, datatype: 'F' | 'D' | 'I', byteOrder: ByteOrder, eventCount: number, delimiter: string): [string, string][] {
  const pairs: [string, string][] = [
    ['$BYTEORD', byteOrder === 'little' ? '1,2,3,4' : '4,3,2,1'],
    ['$DATATYPE', datatype],
    ['$MODE', 'L'],
    ['$NEXTDATA', '0'],
    ['$PAR', String(input.channels.length)],
    ['$TOT', String(eventCount)],
  ];
  input.channels.forEach((spec, i) => {
    const n = i + 1;
    const bits = datatype === 'I' ? integerBits(spec, i) : datatype === 'F' ? 32 : 64;
    const [f1, f2] = spec.amplification ?? [0, 0];
    pairs.push([`$P${n}N`, spec.name], [`$P${n}B`, String(bits)], [`$P${n}E`, `${formatNumber(f1)},${formatNumber(f2)}`], [`$P${n}R`, formatNumber(spec.range)]);
    if (spec.label) pairs.push([`$P${n}S`, spec.label]);
    if (spec.gain !== undefined) pairs.push([`$P${n}G`, formatNumber(spec.gain)]);
  });
  const spill = spilloverValue(input);
  if (spill) pairs.push(['$SPILLOVER', spill]);
  for (const [key, value] of Object.entries(input.keywords ?? {})) {
    const upper = key.trim().toUpperCase();
    // FCS 3.1 TEXT rules: empty keywords and values are not allowed; such entries are left out.
    if (upper && value.trim() && !STRUCTURAL.test(upper)) pairs.push([key.trim(), value]);
  }
  for (const [key] of pairs) {
    if (key.includes(delimiter)) throw invalid(`the keyword name ${JSON.stringify(key)} contains the delimiter ${JSON.stringify(delimiter)}; choose another delimiter`);
  }
  return pairs;
}

/** FCS 3.1 TEXT rules: a delimiter inside a keyword or value is written twice. */
function escape(text: string, delimiter: string): string {
  return text.split(delimiter).join(delimiter + delimiter);
}

function encodeText(pairs: [string, string][], delimiter: string): Uint8Array {
  const body = pairs.map(([k, v]) => `${escape(k, delimiter)}${delimiter}${escape(v, delimiter)}`).join(delimiter);
  return encodeUtf8(`${delimiter}${body}${delimiter}`);
}

function recordBytes(input: FcsWriteInput, datatype: 'F' | 'D' | 'I'): number {
  if (datatype === 'F') return 4 * input.channels.length;
  if (datatype === 'D') return 8 * input.channels.length;
  return input.channels.reduce((sum, spec, i) => sum + integerBits(spec, i) / 8, 0);
}

function headerField(value: number): string {
  return String(value).padStart(8, ' ');
}

/** Lays out HEADER, TEXT and DATA; the TEXT holds its own DATA offsets, so its length is found by iterating. */
function layoutSegments(pairs: [string, string][], delimiter: string, dataBytes: number, forceTextOffsets: boolean) {
  let dataStart = 0;
  for (let attempt = 0; attempt < 4; attempt++) {
    const dataEnd = dataBytes === 0 ? 0 : dataStart + dataBytes - 1;
    const offsets: [string, string][] = [
      ['$BEGINANALYSIS', '0'], ['$ENDANALYSIS', '0'], ['$BEGINSTEXT', '0'], ['$ENDSTEXT', '0'],
      ['$BEGINDATA', String(dataBytes === 0 ? 0 : dataStart)], ['$ENDDATA', String(dataEnd)],
    ];
    const text = encodeText([...offsets, ...pairs], delimiter);
    const textEnd = TEXT_START + text.length - 1;
    const nextStart = Math.ceil((textEnd + 1) / DATA_ALIGNMENT) * DATA_ALIGNMENT;
    if (nextStart === dataStart) {
      if (textEnd > MAX_HEADER_OFFSET) throw invalid(`the TEXT segment would end at byte ${textEnd}, beyond the 99,999,999 bytes FCS allows`);
      const inText = dataBytes === 0 || forceTextOffsets || dataEnd > MAX_HEADER_OFFSET;
      return { text, textEnd, dataStart, dataEnd, headerData: inText ? [0, 0] : [dataStart, dataEnd] };
    }
    dataStart = nextStart;
  }
  throw new FcsError('INTERNAL', 'Cannot write FCS: the TEXT length did not settle.');
}

/** Reverses the bytes of every 4- or 8-byte value in place (the region is 8-byte aligned). */
function swapBytesInPlace(out: Uint8Array, start: number, length: number, width: 4 | 8): void {
  const words = new Uint32Array(out.buffer, start, length / 4);
  if (width === 4) {
    for (let i = 0; i < words.length; i++) words[i] = swap32(words[i]);
    return;
  }
  for (let i = 0; i < words.length; i += 2) {
    const first = words[i];
    words[i] = swap32(words[i + 1]);
    words[i + 1] = swap32(first);
  }
}

function writeFloats(out: Uint8Array, start: number, columns: ArrayLike<number>[], eventCount: number, width: 4 | 8): void {
  const p = columns.length;
  const view = width === 4 ? new Float32Array(out.buffer, start, eventCount * p) : new Float64Array(out.buffer, start, eventCount * p);
  for (let c = 0; c < p; c++) {
    const column = columns[c];
    for (let e = 0, i = c; e < eventCount; e++, i += p) view[i] = column[e];
  }
}

function writeIntegers(out: Uint8Array, start: number, input: FcsWriteInput, eventCount: number, little: boolean): void {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const widths = input.channels.map((spec, i) => integerBits(spec, i) / 8);
  const record = widths.reduce((a, b) => a + b, 0);
  let fieldOffset = 0;
  input.channels.forEach((spec, c) => {
    const width = widths[c];
    const limit = 2 ** (width * 8);
    const column = input.columns[c];
    for (let e = 0, at = start + fieldOffset; e < eventCount; e++, at += record) {
      const v = column[e];
      if (!(Number.isInteger(v) && v >= 0 && v < limit && v <= Number.MAX_SAFE_INTEGER)) {
        throw invalid(`value ${v} of channel ${spec.name} at event ${e + 1} is not a whole number from 0 to ${limit - 1} (${width * 8}-bit integer data)`);
      }
      if (width === 1) view.setUint8(at, v);
      else if (width === 2) view.setUint16(at, v, little);
      else if (width === 4) view.setUint32(at, v, little);
      else {
        // Odd widths (24, 40-64 bits): byte k has significance 256^k; dividing by a power of two is exact.
        for (let k = 0; k < width; k++) out[little ? at + k : at + width - 1 - k] = Math.floor(v / 2 ** (8 * k)) % 256;
      }
    }
    fieldOffset += width;
  });
}

/**
 * Writes one data set as an FCS 3.1 (default) or 3.0 file: HEADER, TEXT (UTF-8) and DATA, with
 * $SPILLOVER from `input.spillover`. Float data are stored as float32 ('F') or float64 ('D'); integer
 * data must be whole numbers that fit each channel's `bits`. Throws FcsError on invalid input.
 */
export function writeFcs(input: FcsWriteInput, options: FcsWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const datatype = options.datatype ?? 'F';
  const byteOrder = options.byteOrder ?? 'little';
  const delimiter = options.delimiter ?? '/';
  const version = options.version ?? '3.1';
  const eventCount = validateInput(input, datatype, delimiter);
  const pairs = contentKeywords(input, datatype, byteOrder, eventCount, delimiter);
  const dataBytes = eventCount * recordBytes(input, datatype);
  const layout = layoutSegments(pairs, delimiter, dataBytes, options.dataOffsetsInTextOnly ?? false);
  const out = new Uint8Array(dataBytes === 0 ? layout.textEnd + 1 : layout.dataEnd + 1);

  const header = `FCS${version}    ${headerField(TEXT_START)}${headerField(layout.textEnd)}${headerField(layout.headerData[0])}${headerField(layout.headerData[1])}${headerField(0)}${headerField(0)}`;
  for (let i = 0; i < HEADER_BYTES; i++) out[i] = header.charCodeAt(i);
  out.set(layout.text, TEXT_START);
  out.fill(0x20, layout.textEnd + 1, layout.dataStart);

  const little = byteOrder === 'little';
  if (dataBytes === 0) return out;
  if (datatype === 'I') {
    writeIntegers(out, layout.dataStart, input, eventCount, little);
  } else {
    const width = datatype === 'F' ? 4 : 8;
    writeFloats(out, layout.dataStart, input.columns, eventCount, width);
    if (little !== HOST_IS_LITTLE) swapBytesInPlace(out, layout.dataStart, dataBytes, width);
  }
  return out;
}

