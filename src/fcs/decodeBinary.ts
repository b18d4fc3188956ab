import type { BinaryField, ByteOrderSpec } from './layout.ts';
import type { RawColumn } from './types.ts';

/** Raw columns plus what decoding noticed, for the reader's warnings. */
export interface DecodedColumns {
  columns: RawColumn[];
  /** Per channel: how many integer values had bits above $PnR that were masked off. */
  maskedCounts: number[];
  /** Per channel: how many integers of more than 32 bits exceeded 2^53 and were rounded. */
  unsafeIntegerCounts: number[];
}

export interface BinaryData {
  fields: BinaryField[];
  recordBytes: number;
  byteOrder: ByteOrderSpec;
}

const HOST_IS_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
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

function swap16(x: number): number {
  return ((x & 0xff) << 8) | (x >>> 8);
}

function swap32(x: number): number {
  return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

/**
 * The fast path: every value has the same typed-array width, so the segment is read through one typed view
 * (byte-swapped in the same pass when the file's order is not the host's) and de-interleaved per channel.
 */
function decodeUniform(
  bytes: Uint8Array, start: number, eventCount: number, data: BinaryData, little: boolean, kind: BinaryField['kind'], width: number,
): DecodedColumns {
  const parameterCount = data.fields.length;
  const total = eventCount * parameterCount;
  const region = alignedRegion(bytes, start, total * width, Math.min(width, 4));
  const swap = little !== HOST_IS_LITTLE && width > 1;
  const columns: RawColumn[] = [];
  const maskedCounts = Array.from({ length: parameterCount }, () => 0);
  for (let c = 0; c < parameterCount; c++) {
    const field = data.fields[c];
    if (kind === 'float64') {
      const src = new Uint32Array(region.buffer, region.offset, total * 2);
      const out = new Float64Array(eventCount);
      const words = new Uint32Array(out.buffer);
      const stride = parameterCount * 2;
      if (swap) {
        for (let e = 0, i = c * 2; e < eventCount; e++, i += stride) {
          words[2 * e] = swap32(src[i + 1]);
          words[2 * e + 1] = swap32(src[i]);
        }
      } else {
        for (let e = 0, i = c * 2; e < eventCount; e++, i += stride) {
          words[2 * e] = src[i];
          words[2 * e + 1] = src[i + 1];
        }
      }
      columns.push(out);
    } else if (kind === 'float32') {
      const src = new Uint32Array(region.buffer, region.offset, total);
      const out = new Float32Array(eventCount);
      const words = new Uint32Array(out.buffer);
      if (swap) for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) words[e] = swap32(src[i]);
      else for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) words[e] = src[i];
      columns.push(out);
    } else {
      const mask = 2 ** field.maskBits - 1;
      const full = field.maskBits === width * 8;
      let over = 0;
      if (width === 1) {
        const src = new Uint8Array(region.buffer, region.offset, total);
        const out = new Uint8Array(eventCount);
        if (full) for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) out[e] = src[i];
        else for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) {
          const v = src[i];
          if (v > mask) over++;
          out[e] = v & mask;
        }
        columns.push(out);
      } else if (width === 2) {
        const src = new Uint16Array(region.buffer, region.offset, total);
        const out = new Uint16Array(eventCount);
        for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) {
          const v = swap ? swap16(src[i]) : src[i];
          if (v > mask) over++;
          out[e] = v & mask;
        }
        columns.push(out);
      } else {
        const src = new Uint32Array(region.buffer, region.offset, total);
        const out = new Uint32Array(eventCount);
        if (full && !swap) for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) out[e] = src[i];
        else for (let e = 0, i = c; e < eventCount; e++, i += parameterCount) {
          const v = swap ? swap32(src[i]) >>> 0 : src[i];
          if (v > mask) over++;
          out[e] = v & mask;
        }
        columns.push(out);
      }
      maskedCounts[c] = over;
    }
  }
  return { columns, maskedCounts, unsafeIntegerCounts: Array.from({ length: parameterCount }, () => 0) };
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
  const maskedCounts: number[] = [];
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
    maskedCounts.push(over);
    unsafeIntegerCounts.push(unsafe);
  }
  return { columns, maskedCounts, unsafeIntegerCounts };
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
