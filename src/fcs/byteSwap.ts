/** Reverses the byte order of a 32-bit word (as an int32 bit pattern; store it in an Int32/Uint32Array). */
export function swap32(x: number): number {
  return ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
}

/** True on little-endian hosts (all current browsers and Node platforms); typed arrays use host order. */
export const HOST_IS_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
