// Kernels that split interleaved event records (the FCS DATA segment) into one typed column per
// channel. Each works block by block so that a block of records stays in cache while every channel
// is copied out, and each is monomorphic in its typed-array types so that V8 keeps it on the fast path.

import { swap32 as importedSwap32 } from './byteSwap.ts';

/** A module-local binding: hot loops then call the function directly, not through the module namespace. */
const swap32 = importedSwap32;

/** Events per block when de-interleaving: one block of records (~200 kB for 12 floats) stays in cache across channels. */
const BLOCK_EVENTS = 4096;

/** Copies 32-bit words of channel c out of interleaved records, byte-swapping when asked; Int32 keeps V8 on the fast path. */
export function deinterleave32(src: Int32Array, outs: Int32Array[], eventCount: number, swap: boolean): void {
  const p = outs.length;
  for (let e0 = 0; e0 < eventCount; e0 += BLOCK_EVENTS) {
    const e1 = Math.min(eventCount, e0 + BLOCK_EVENTS);
    for (let c = 0; c < p; c++) {
      const out = outs[c];
      if (swap) {
        for (let e = e0, i = e0 * p + c; e < e1; e++, i += p) out[e] = swap32(src[i]);
      } else {
        for (let e = e0, i = e0 * p + c; e < e1; e++, i += p) out[e] = src[i];
      }
    }
  }
}

/** Like deinterleave32 for 64-bit values: each value is two words, exchanged when byte-swapping. */
export function deinterleave64(src: Int32Array, outs: Int32Array[], eventCount: number, swap: boolean): void {
  const p = outs.length;
  const stride = 2 * p;
  for (let e0 = 0; e0 < eventCount; e0 += BLOCK_EVENTS) {
    const e1 = Math.min(eventCount, e0 + BLOCK_EVENTS);
    for (let c = 0; c < p; c++) {
      const out = outs[c];
      for (let e = e0, i = e0 * stride + 2 * c; e < e1; e++, i += stride) {
        const first = src[i];
        const second = src[i + 1];
        if (swap) {
          out[2 * e] = swap32(second);
          out[2 * e + 1] = swap32(first);
        } else {
          out[2 * e] = first;
          out[2 * e + 1] = second;
        }
      }
    }
  }
}

/**
 * De-interleaves 16-bit unsigned integers (the commonest integer layout), masking each channel to its $PnR bits.
 * Returns, per channel, the OR of all values before masking: bits above the mask show that masking removed something.
 */
export function deinterleave16Masked(src: Uint16Array, outs: Uint16Array[], masks: number[], eventCount: number, swap: boolean): number[] {
  const p = outs.length;
  const seen = masks.map(() => 0);
  for (let e0 = 0; e0 < eventCount; e0 += BLOCK_EVENTS) {
    const e1 = Math.min(eventCount, e0 + BLOCK_EVENTS);
    for (let c = 0; c < p; c++) {
      const out = outs[c];
      const mask = masks[c] | 0;
      let all = 0;
      if (swap) {
        for (let e = e0, i = e0 * p + c; e < e1; e++, i += p) {
          const x = src[i];
          const v = ((x & 0xff) << 8) | (x >>> 8);
          all |= v;
          out[e] = v & mask;
        }
      } else {
        for (let e = e0, i = e0 * p + c; e < e1; e++, i += p) {
          const v = src[i];
          all |= v;
          out[e] = v & mask;
        }
      }
      seen[c] |= all;
    }
  }
  return seen;
}

/**
 * deinterleave16Masked for an even number of channels on a little-endian host: each 32-bit load carries
 * channels c and c+1 (low and high half), halving the loads; bytes are swapped within each half.
 */
export function deinterleave16Pairs(src: Int32Array, outs: Uint16Array[], masks: number[], eventCount: number, swap: boolean): number[] {
  const p = outs.length;
  const wordsPerRecord = p / 2;
  const seen = masks.map(() => 0);
  for (let e0 = 0; e0 < eventCount; e0 += BLOCK_EVENTS) {
    const e1 = Math.min(eventCount, e0 + BLOCK_EVENTS);
    for (let c = 0; c < p; c += 2) {
      const low = outs[c];
      const high = outs[c + 1];
      const lowMask = masks[c] | 0;
      const highMask = masks[c + 1] | 0;
      let all = 0;
      for (let e = e0, i = e0 * wordsPerRecord + c / 2; e < e1; e++, i += wordsPerRecord) {
        const x = src[i];
        const v = swap ? ((x & 0xff00ff) << 8) | ((x >>> 8) & 0xff00ff) : x;
        all |= v;
        low[e] = v & lowMask;
        high[e] = (v >>> 16) & highMask;
      }
      seen[c] |= all & 0xffff;
      seen[c + 1] |= all >>> 16;
    }
  }
  return seen;
}

/** De-interleaves 8- or 32-bit unsigned integers, masking each channel to its $PnR bits; returns per-channel OR as above. */
export function deinterleaveMasked(src: Uint8Array | Int32Array, outs: (Uint8Array | Uint32Array)[], masks: number[], eventCount: number, swap: boolean): number[] {
  const p = outs.length;
  const seen = masks.map(() => 0);
  for (let e0 = 0; e0 < eventCount; e0 += BLOCK_EVENTS) {
    const e1 = Math.min(eventCount, e0 + BLOCK_EVENTS);
    for (let c = 0; c < p; c++) {
      const out = outs[c];
      const mask = masks[c] | 0;
      let all = 0;
      for (let e = e0, i = e0 * p + c; e < e1; e++, i += p) {
        const v = swap ? swap32(src[i]) : src[i];
        all |= v;
        out[e] = v & mask;
      }
      seen[c] |= all;
    }
  }
  return seen;
}

/** Whether a per-channel OR of raw values has bits outside the channel's mask. */
export function maskedSomething(seen: number[], masks: number[]): boolean[] {
  return seen.map((all, c) => (all & ~masks[c]) !== 0);
}
