import type { BinaryField, ByteOrderSpec } from './layout.ts';
import { HOST_IS_LITTLE } from './byteSwap.ts';
import { deinterleave16Masked, deinterleave16Pairs, deinterleave32, deinterleave64, deinterleaveMasked, maskedSomething } from './deinterleave.ts';
import type { RawColumn } from './types.ts';

/** Raw columns plus what decoding noticed, for the reader's warnings. */
export interface DecodedColumns {
  columns: RawColumn[];
  /** Per channel: whether some integer value had bits above $PnR that were masked off. */
  maskedChannels: boolean[];
  /** Per channel: how many integers of more than 32 bits exceeded 2^53 and were rounded. */
  unsafeIntegerCounts: number[];
}

export interface BinaryData {
  fields: BinaryField[];
  recordBytes: number;
  byteOrder: ByteOrderSpec;
}

const TWO_POW_32 = 4294967296;
/** hi word limit for an exact double: hi * 2^32 + lo <= 2^53. */
const SAFE_HIGH_WORD = 2 ** 21;

/** Copies the data region with every value's bytes put in little-endian order (rare legacy $BYTEORD permutations). */
function toLittleEndianCopy(bytes: Uint8Array, start: number, length: number, significance: number[]): Uint8Array {
  const width = significance.length;
  const out = new Uint8Array(length);
  for (let value = 0; value < length; value += width) {
    for (let k = 0; k < width; k++) out[value + significance[k]] = bytes[start + value + k];
  }
  return out;
}

/** A view of `length` bytes at `start` whose absolute offset is a multiple of `alignment` (copying once if not). */
function alignedRegion(bytes: Uint8Array, start: number, length: number, alignment: number): { buffer: ArrayBufferLike; offset: number } {
  const absolute = bytes.byteOffset + start;
  if (absolute % alignment === 0) return { buffer: bytes.buffer, offset: absolute };
  // Explicit copy: a Node Buffer's slice() is a view, not a copy.
  const copy = new Uint8Array(length);
  copy.set(bytes.subarray(start, start + length));
  return { buffer: copy.buffer, offset: 0 };
}

function uniformWidth(fields: BinaryField[]): { kind: BinaryField['kind']; width: number } | null {
  const first = fields[0];
  if (!first || !fields.every((f) => f.kind === first.kind && f.byteWidth === first.byteWidth)) return null;
  const typed = first.kind === 'uint' ? [1, 2, 4].includes(first.byteWidth) : true;
  return typed ? { kind: first.kind, width: first.byteWidth } : null;
}

/**
 * The fast path: every value has the same typed-array width, so the segment is read through one typed view
 * (byte-swapped in the same pass when the file's order is not the host's) and de-interleaved block by block.
 */
function decodeUniform(
  bytes: Uint8Array, start: number, eventCount: number, data: BinaryData, little: boolean, kind: BinaryField['kind'], width: number,
): DecodedColumns {
  const parameterCount = data.fields.length;
  const total = eventCount * parameterCount;
  const pairs16 = kind === 'uint' && width === 2 && parameterCount % 2 === 0 && HOST_IS_LITTLE;
  const region = alignedRegion(bytes, start, total * width, pairs16 ? 4 : Math.min(width, 4));
  const swap = little !== HOST_IS_LITTLE && width > 1;
  const zeros = () => data.fields.map(() => 0);
  const none = () => data.fields.map(() => false);
  if (kind === 'float32' || kind === 'float64') {
    const columns = data.fields.map(() => (kind === 'float32' ? new Float32Array(eventCount) : new Float64Array(eventCount)));
    const words = columns.map((column) => new Int32Array(column.buffer));
    const src = new Int32Array(region.buffer, region.offset, (total * width) / 4);
    if (kind === 'float32') deinterleave32(src, words, eventCount, swap);
    else deinterleave64(src, words, eventCount, swap);
    return { columns, maskedChannels: none(), unsafeIntegerCounts: zeros() };
  }
  // Masks are kept as int32 bit patterns (0xffffffff becomes -1) so that `&` and `~` stay exact.
  const masks = data.fields.map((f) => (2 ** f.maskBits - 1) | 0);
  if (width === 2) {
    const columns = data.fields.map(() => new Uint16Array(eventCount));
    const seen = pairs16
      ? deinterleave16Pairs(new Int32Array(region.buffer, region.offset, total / 2), columns, masks, eventCount, swap)
      : deinterleave16Masked(new Uint16Array(region.buffer, region.offset, total), columns, masks, eventCount, swap);
    return { columns, maskedChannels: maskedSomething(seen, masks), unsafeIntegerCounts: zeros() };
  }
  if (width === 1) {
    const columns = data.fields.map(() => new Uint8Array(eventCount));
    const seen = deinterleaveMasked(new Uint8Array(region.buffer, region.offset, total), columns, masks, eventCount, false);
    return { columns, maskedChannels: maskedSomething(seen, masks), unsafeIntegerCounts: zeros() };
  }
  const columns = data.fields.map(() => new Uint32Array(eventCount));
  if (masks.every((m) => m === -1)) {
    deinterleave32(new Int32Array(region.buffer, region.offset, total), columns.map((c) => new Int32Array(c.buffer)), eventCount, swap);
    return { columns, maskedChannels: none(), unsafeIntegerCounts: zeros() };
  }
  const seen = deinterleaveMasked(new Int32Array(region.buffer, region.offset, total), columns, masks, eventCount, swap);
  return { columns, maskedChannels: maskedSomething(seen, masks), unsafeIntegerCounts: zeros() };
}

/** Reads one unsigned integer of 1 to 4 bytes at `at`. */
function readSmallUint(u8: Uint8Array, at: number, width: number, little: boolean): number {
  let value = 0;
  if (little) for (let k = width - 1; k >= 0; k--) value = value * 256 + u8[at + k];
  else for (let k = 0; k < width; k++) value = value * 256 + u8[at + k];
  return value;
}

/** The general path (mixed widths, 24-bit, 40-64-bit, FCS 3.2 mixed types): one strided DataView loop per channel. */
function decodeStrided(bytes: Uint8Array, start: number, eventCount: number, data: BinaryData, little: boolean): DecodedColumns {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stride = data.recordBytes;
  const columns: RawColumn[] = [];
  const maskedChannels: boolean[] = [];
  const unsafeIntegerCounts: number[] = [];
  for (const field of data.fields) {
    const base = start + field.offset;
    const width = field.byteWidth;
    let over = 0;
    let unsafe = 0;
    switch (field.kind) {
      case 'float32': {
        const out = new Float32Array(eventCount);
        for (let e = 0, at = base; e < eventCount; e++, at += stride) out[e] = view.getFloat32(at, little);
        columns.push(out);
        break;
      }
      case 'float64': {
        const out = new Float64Array(eventCount);
        for (let e = 0, at = base; e < eventCount; e++, at += stride) out[e] = view.getFloat64(at, little);
        columns.push(out);
        break;
      }
      case 'uint': {
        if (width <= 4) {
          const mask = 2 ** field.maskBits - 1;
          const out = width === 1 ? new Uint8Array(eventCount) : width === 2 ? new Uint16Array(eventCount) : new Uint32Array(eventCount);
          for (let e = 0, at = base; e < eventCount; e++, at += stride) {
            const v =
              width === 2 ? view.getUint16(at, little) : width === 4 ? view.getUint32(at, little) : readSmallUint(bytes, at, width, little);
            if (v > mask) over++;
            out[e] = v & mask;
          }
          columns.push(out);
        } else {
          const highBytes = width - 4;
          const highLimit = field.maskBits > 32 ? 2 ** (field.maskBits - 32) : 1;
          const lowMask = field.maskBits >= 32 ? TWO_POW_32 - 1 : 2 ** field.maskBits - 1;
          const out = new Float64Array(eventCount);
          for (let e = 0, at = base; e < eventCount; e++, at += stride) {
            let high = little ? readSmallUint(bytes, at + 4, highBytes, true) : readSmallUint(bytes, at, highBytes, false);
            let low = view.getUint32(little ? at : at + highBytes, little);
            if (high >= highLimit || low > lowMask) {
              over++;
              high %= highLimit;
              low = (low & lowMask) >>> 0;
            }
            if (high >= SAFE_HIGH_WORD) unsafe++;
            out[e] = high * TWO_POW_32 + low;
          }
          columns.push(out);
        }
        break;
      }
    }
    maskedChannels.push(over > 0);
    unsafeIntegerCounts.push(unsafe);
  }
  return { columns, maskedChannels, unsafeIntegerCounts };
}

/**
 * Decodes `eventCount` fixed-width records starting at byte `start` (the caller has checked they fit).
 * Columns keep the stored values exactly: 8/16/24/32-bit integers as Uint8/16/32Array, wider integers as
 * Float64Array, floats and doubles bit for bit.
 */
export function decodeBinaryData(bytes: Uint8Array, start: number, eventCount: number, data: BinaryData): DecodedColumns {
  let source = bytes;
  let offset = start;
  let little = data.byteOrder.kind !== 'big';
  if (data.byteOrder.kind === 'permuted') {
    source = toLittleEndianCopy(bytes, start, eventCount * data.recordBytes, data.byteOrder.significance);
    offset = 0;
    little = true;
  }
  const uniform = uniformWidth(data.fields);
  return uniform
    ? decodeUniform(source, offset, eventCount, data, little, uniform.kind, uniform.width)
    : decodeStrided(source, offset, eventCount, data, little);
}
