import type { ByteSource } from './byteSource.ts';
import { HOST_IS_LITTLE } from './byteSwap.ts';
import { deinterleave16Masked, deinterleave16Pairs, deinterleave32, deinterleave64, deinterleaveMasked, maskedSomething } from './deinterleave.ts';
import type { BinaryField, ByteOrderSpec } from './layout.ts';
import type { RawColumn } from './types.ts';

/** Raw columns plus what decoding noticed, for the reader's warnings. */
export interface DecodedColumns {
  /** Every event of every channel; empty columns when the events were visited instead of kept. */
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

/** Receives events chunk by chunk: per channel a view of the chunk's values, valid only during the call. */
export type ChunkVisitor = (columns: readonly RawColumn[], firstEvent: number) => void;

/**
 * Bytes of records decoded at a time, unless the source says otherwise: big enough that per-chunk work vanishes,
 * small enough that a chunk read from a file stays in cache while it is de-interleaved and that no copy of the whole
 * DATA segment is ever made.
 */
export const CHUNK_BYTES = 2 * 1024 * 1024;
const TWO_POW_32 = 4294967296;
/** hi word limit for an exact double: hi * 2^32 + lo <= 2^53. */
const SAFE_HIGH_WORD = 2 ** 21;

/** Decodes `count` records starting at bytes[start] into `targets` (one view per channel, `count` long). */
type ChunkDecoder = (bytes: Uint8Array, start: number, count: number, targets: RawColumn[]) => void;

/** The typed array that holds a field's values exactly. */
function columnOf(field: BinaryField, length: number): RawColumn {
  if (field.kind === 'float32') return new Float32Array(length);
  if (field.kind === 'float64' || field.byteWidth > 4) return new Float64Array(length);
  return field.byteWidth === 1 ? new Uint8Array(length) : field.byteWidth === 2 ? new Uint16Array(length) : new Uint32Array(length);
}

/** Bytes per event of the columns that decoding `fields` allocates. */
export function columnBytesPerEvent(fields: readonly BinaryField[]): number {
  return fields.reduce((sum, field) => sum + columnOf(field, 0).BYTES_PER_ELEMENT, 0);
}

/** Copies `length` bytes at `start` with every value's bytes put in little-endian order (rare legacy $BYTEORD permutations). */
function toLittleEndianCopy(bytes: Uint8Array, start: number, length: number, significance: number[]): Uint8Array {
  const width = significance.length;
  const out = new Uint8Array(length);
  for (let value = 0; value < length; value += width) {
    for (let k = 0; k < width; k++) out[value + significance[k]] = bytes[start + value + k];
  }
  return out;
}

/** A view of `length` bytes at `start` whose absolute offset is a multiple of `alignment` (copying the chunk if not). */
function alignedRegion(bytes: Uint8Array, start: number, length: number, alignment: number): { buffer: ArrayBufferLike; offset: number } {
  const absolute = bytes.byteOffset + start;
  if (absolute % alignment === 0) return { buffer: bytes.buffer, offset: absolute };
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

const int32View = (column: RawColumn) => new Int32Array(column.buffer, column.byteOffset, column.byteLength / 4);

/**
 * The fast path: every value has the same typed-array width, so each chunk is read through one typed view
 * (byte-swapped in the same pass when the file's order is not the host's) and de-interleaved block by block.
 * `seen` collects, per channel, the OR of the integer values before masking.
 */
function uniformDecoder(data: BinaryData, little: boolean, kind: BinaryField['kind'], width: number, seen: number[]): ChunkDecoder {
  const parameterCount = data.fields.length;
  const pairs16 = kind === 'uint' && width === 2 && parameterCount % 2 === 0 && HOST_IS_LITTLE;
  const alignment = pairs16 ? 4 : Math.min(width, 4);
  const swap = little !== HOST_IS_LITTLE && width > 1;
  // Masks are kept as int32 bit patterns (0xffffffff becomes -1) so that `&` and `~` stay exact.
  const masks = data.fields.map((f) => (2 ** f.maskBits - 1) | 0);
  const collect = (chunkSeen: number[]) => chunkSeen.forEach((bits, c) => (seen[c] |= bits));
  return (bytes, start, count, targets) => {
    const total = count * parameterCount;
    const { buffer, offset } = alignedRegion(bytes, start, total * width, alignment);
    if (kind === 'float32' || kind === 'float64') {
      const src = new Int32Array(buffer, offset, (total * width) / 4);
      if (kind === 'float32') deinterleave32(src, targets.map(int32View), count, swap);
      else deinterleave64(src, targets.map(int32View), count, swap);
    } else if (width === 2) {
      const outs = targets as Uint16Array[];
      collect(pairs16
        ? deinterleave16Pairs(new Int32Array(buffer, offset, total / 2), outs, masks, count, swap)
        : deinterleave16Masked(new Uint16Array(buffer, offset, total), outs, masks, count, swap));
    } else if (width === 1) {
      collect(deinterleaveMasked(new Uint8Array(buffer, offset, total), targets as Uint8Array[], masks, count, false));
    } else if (masks.every((m) => m === -1)) {
      deinterleave32(new Int32Array(buffer, offset, total), targets.map(int32View), count, swap);
    } else {
      collect(deinterleaveMasked(new Int32Array(buffer, offset, total), targets as Uint32Array[], masks, count, swap));
    }
  };
}

/** Reads one unsigned integer of 1 to 4 bytes at `at`. */
function readSmallUint(u8: Uint8Array, at: number, width: number, little: boolean): number {
  let value = 0;
  if (little) for (let k = width - 1; k >= 0; k--) value = value * 256 + u8[at + k];
  else for (let k = 0; k < width; k++) value = value * 256 + u8[at + k];
  return value;
}

/**
 * The general path (mixed widths, 24-bit, 40-64-bit, FCS 3.2 mixed types): one strided DataView loop per channel.
 * `over` and `unsafe` count, per channel, values masked and integers rounded above 2^53.
 */
function stridedDecoder(data: BinaryData, little: boolean, over: number[], unsafe: number[]): ChunkDecoder {
  const stride = data.recordBytes;
  return (bytes, start, count, targets) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data.fields.forEach((field, c) => {
      const base = start + field.offset;
      const width = field.byteWidth;
      const out = targets[c];
      if (field.kind === 'float32') {
        for (let e = 0, at = base; e < count; e++, at += stride) out[e] = view.getFloat32(at, little);
      } else if (field.kind === 'float64') {
        for (let e = 0, at = base; e < count; e++, at += stride) out[e] = view.getFloat64(at, little);
      } else if (width <= 4) {
        const mask = 2 ** field.maskBits - 1;
        for (let e = 0, at = base; e < count; e++, at += stride) {
          const v = width === 2 ? view.getUint16(at, little) : width === 4 ? view.getUint32(at, little) : readSmallUint(bytes, at, width, little);
          if (v > mask) over[c]++;
          out[e] = v & mask;
        }
      } else {
        const highBytes = width - 4;
        const highLimit = field.maskBits > 32 ? 2 ** (field.maskBits - 32) : 1;
        const lowMask = field.maskBits >= 32 ? TWO_POW_32 - 1 : 2 ** field.maskBits - 1;
        for (let e = 0, at = base; e < count; e++, at += stride) {
          let high = little ? readSmallUint(bytes, at + 4, highBytes, true) : readSmallUint(bytes, at, highBytes, false);
          let low = view.getUint32(little ? at : at + highBytes, little);
          if (high >= highLimit || low > lowMask) {
            over[c]++;
            high %= highLimit;
            low = (low & lowMask) >>> 0;
          }
          if (high >= SAFE_HIGH_WORD) unsafe[c]++;
          out[e] = high * TWO_POW_32 + low;
        }
      }
    });
  };
}

/**
 * Decodes `eventCount` fixed-width records starting at byte `start` of the source (the caller has checked they fit),
 * reading one chunk of records at a time. Columns keep the stored values exactly: 8/16/32-bit integers as
 * Uint8/16/32Array (24-bit in Uint32Array), wider integers as Float64Array, floats and doubles bit for bit.
 * With `visit`, each chunk is handed to it instead and no full-length column is allocated.
 */
export function decodeBinaryData(source: ByteSource, start: number, eventCount: number, data: BinaryData, visit?: ChunkVisitor): DecodedColumns {
  const { fields, recordBytes, byteOrder } = data;
  const chunkEvents = Math.max(1, Math.min(eventCount, Math.floor((source.chunkBytes ?? CHUNK_BYTES) / recordBytes)));
  const columns = fields.map((field) => columnOf(field, visit ? chunkEvents : eventCount));
  const seen = fields.map(() => 0);
  const over = fields.map(() => 0);
  const unsafe = fields.map(() => 0);
  // A permuted byte order is put in little-endian order chunk by chunk, before decoding.
  const little = byteOrder.kind !== 'big';
  const uniform = uniformWidth(fields);
  const decode = uniform ? uniformDecoder(data, little, uniform.kind, uniform.width, seen) : stridedDecoder(data, little, over, unsafe);
  for (let first = 0; first < eventCount; first += chunkEvents) {
    const count = Math.min(chunkEvents, eventCount - first);
    const length = count * recordBytes;
    const read = source.read(start + first * recordBytes, start + first * recordBytes + length);
    const bytes = byteOrder.kind === 'permuted' ? toLittleEndianCopy(read, 0, length, byteOrder.significance) : read;
    const targets = columns.map((column) => (visit ? column.subarray(0, count) : column.subarray(first, first + count)));
    decode(bytes, 0, count, targets);
    visit?.(targets, first);
  }
  const masks = fields.map((f) => (2 ** f.maskBits - 1) | 0);
  const maskedByBits = maskedSomething(seen, masks);
  return {
    columns: visit ? fields.map((field) => columnOf(field, 0)) : columns,
    maskedChannels: fields.map((_, c) => maskedByBits[c] || over[c] > 0),
    unsafeIntegerCounts: unsafe,
  };
}
