import { MAX_NUMBER_CHARS } from './decodeAscii.ts';
import { FcsError, quoted } from './errors.ts';
import type { ByteOrder, Channel, FcsWarning, Keywords } from './types.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/**
 * How the bytes of one value are ordered. FCS 2.0/3.0 $BYTEORD is a permutation ("1,2,3,4" = least
 * significant byte first, "4,3,2,1" = most significant first, "3,4,1,2" also exists); FCS 3.1
 * ($BYTEORD) allows only the first two, which then just mean little or big endian for any width.
 */
export type ByteOrderSpec =
  | { kind: 'little' }
  | { kind: 'big' }
  /** significance[k] = 0-based significance of the k-th byte of a value in the file. */
  | { kind: 'permuted'; significance: number[] };

export type FieldKind = 'uint' | 'float32' | 'float64';

export interface BinaryField {
  kind: FieldKind;
  byteWidth: number;
  /** Byte offset of this field inside one event record. */
  offset: number;
  /** Integer values keep only their low `maskBits` bits ($PnR rounded up to a power of two). */
  maskBits: number;
}

export type DataLayout =
  | { kind: 'binary'; fields: BinaryField[]; recordBytes: number; byteOrder: ByteOrderSpec }
  | { kind: 'asciiFixed'; widths: number[]; recordBytes: number }
  | { kind: 'asciiDelimited' };

export function parseByteOrder(text: string): ByteOrderSpec {
  const parts = text.split(',').map((part) => Number(part.trim()));
  const n = parts.length;
  const isPermutation =
    n >= 1 && n <= 8 && parts.every((p) => Number.isInteger(p) && p >= 1 && p <= n) && new Set(parts).size === n;
  if (!isPermutation) {
    throw new FcsError('BAD_KEYWORD', `the byte order ($BYTEORD) is ${quoted(text)}; it must be one such as 1,2,3,4 or 4,3,2,1`);
  }
  if (parts.every((p, i) => p === i + 1)) return { kind: 'little' };
  if (parts.every((p, i) => p === n - i)) return { kind: 'big' };
  return { kind: 'permuted', significance: parts.map((p) => p - 1) };
}

/** little/big for reporting; a permutation counts as big when its most significant byte comes first. */
export function reportedByteOrder(spec: ByteOrderSpec): ByteOrder {
  switch (spec.kind) {
    case 'little':
    case 'big':
      return spec.kind;
    case 'permuted':
      return spec.significance.indexOf(spec.significance.length - 1) < spec.significance.indexOf(0) ? 'big' : 'little';
  }
}

/** Smallest k with 2^k >= range: the number of bits an integer below `range` needs (FCS 3.1 §3.3.42). */
export function bitsForRange(range: number): number {
  let bits = 0;
  for (let power = 1; power < range && bits < 64; power *= 2) bits++;
  return bits;
}

function binaryField(channel: Channel, offset: number, notes: { oddBits: string[]; floatBits: string[] }): BinaryField {
  const { datatype, bits, name } = channel;
  switch (datatype) {
    case 'F':
    case 'D': {
      const byteWidth = datatype === 'F' ? 4 : 8;
      if (bits !== byteWidth * 8) notes.floatBits.push(name);
      return { kind: datatype === 'F' ? 'float32' : 'float64', byteWidth, offset, maskBits: byteWidth * 8 };
    }
    case 'I': {
      if (bits === null || bits < 1 || bits > 64) {
        throw new FcsError('BAD_KEYWORD', `the bit width of integer parameter ${name} ($P${channel.index}B) is ${bits ?? '*'}; it must be 1 to 64 bits`);
      }
      const byteWidth = Math.ceil(bits / 8);
      if (bits % 8 !== 0) notes.oddBits.push(`${name} (${bits} bits)`);
      const maskBits = channel.range > 0 ? Math.min(byteWidth * 8, bitsForRange(channel.range)) : byteWidth * 8;
      return { kind: 'uint', byteWidth, offset, maskBits };
    }
    case 'A':
      throw new FcsError('UNSUPPORTED_LAYOUT', `parameter ${name} is ASCII while others are binary; FlowFate cannot read that mix`);
  }
}

/** Works out where each value sits in an event record from $DATATYPE, $PnDATATYPE, $PnB and $BYTEORD. */
export function describeLayout(keywords: Keywords, channels: Channel[], warnings: FcsWarning[]): DataLayout {
  const ascii = channels.filter((c) => c.datatype === 'A');
  if (ascii.length > 0 && ascii.length === channels.length) {
    if (channels.every((c) => c.bits === null)) return { kind: 'asciiDelimited' };
    const widths = channels.map((c) => {
      if (c.bits === null || c.bits < 1 || c.bits > MAX_NUMBER_CHARS) {
        throw new FcsError('BAD_KEYWORD', `ASCII parameter ${c.name} has a width ($P${c.index}B) of "${c.bits ?? '*'}"; fixed-width ASCII values must be 1 to ${MAX_NUMBER_CHARS} characters and all parameters fixed or all "*"`);
      }
      return c.bits;
    });
    return { kind: 'asciiFixed', widths, recordBytes: widths.reduce((a, b) => a + b, 0) };
  }
  const byteOrderText = keywords['$BYTEORD'];
  if (byteOrderText === undefined) throw new FcsError('MISSING_KEYWORD', 'the file does not say its byte order ($BYTEORD)');
  const byteOrder = parseByteOrder(byteOrderText);
  const notes = { oddBits: [] as string[], floatBits: [] as string[] };
  const fields: BinaryField[] = [];
  let recordBytes = 0;
  for (const channel of channels) {
    const field = binaryField(channel, recordBytes, notes);
    fields.push(field);
    recordBytes += field.byteWidth;
  }
  if (byteOrder.kind === 'permuted') {
    const width = byteOrder.significance.length;
    const mismatched = fields.find((f) => f.byteWidth !== width);
    if (mismatched) {
      throw new FcsError('UNSUPPORTED_LAYOUT', `the byte order ($BYTEORD ${quoted(byteOrderText)}) describes ${width}-byte values but some values are ${mismatched.byteWidth} bytes wide`);
    }
    warnings.push(makeWarning('BYTEORD_PERMUTED', `The byte order ($BYTEORD ${byteOrderText}) is neither little- nor big-endian; the bytes were reordered as it describes.`));
  }
  if (notes.oddBits.length > 0) {
    warnings.push(
      makeWarning('BITS_NOT_BYTE_MULTIPLE', `Some integer parameters are not a whole number of bytes wide (${listForMessage(notes.oddBits)}); each value was read from whole bytes and masked to its range.`),
    );
  }
  if (notes.floatBits.length > 0) {
    warnings.push(makeWarning('FLOAT_BITS_MISMATCH', `The bit width ($PnB) of ${listForMessage(notes.floatBits)} does not match the float type; values were read as 32-bit (F) or 64-bit (D) numbers.`));
  }
  return { kind: 'binary', fields, recordBytes, byteOrder };
}
