// TEXT is UTF-8 from FCS 3.1 and ASCII/Latin-1 in older files. The domain has no TextDecoder
// (lib ES2023 only), so both directions are implemented here.

/** True when bytes[start, end) is well-formed UTF-8 (no overlongs, no surrogates, max U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    let codePoint: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [length, min, codePoint] = [2, 0x80, b0 & 0x1f];
    else if (b0 >= 0xe0 && b0 <= 0xef) [length, min, codePoint] = [3, 0x800, b0 & 0x0f];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [length, min, codePoint] = [4, 0x10000, b0 & 0x07];
    else return false;
    if (i + length > end) return false;
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      if ((b & 0xc0) !== 0x80) return false;
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

const CHUNK = 8192;

function codeUnitsToString(units: number[]): string {
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.slice(i, i + CHUNK));
  return out;
}

/** Decodes bytes[start, end), which must be valid UTF-8 (check with isValidUtf8 first). */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const units: number[] = [];
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    let codePoint: number;
    if (b0 < 0x80) {
      codePoint = b0;
      i += 1;
    } else if (b0 < 0xe0) {
      codePoint = ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      i += 2;
    } else if (b0 < 0xf0) {
      codePoint = ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      i += 3;
    } else {
      codePoint =
        ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      i += 4;
    }
    if (codePoint > 0xffff) {
      codePoint -= 0x10000;
      units.push(0xd800 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff));
    } else {
      units.push(codePoint);
    }
  }
  return codeUnitsToString(units);
}

/** Decodes bytes[start, end) as ISO-8859-1, where every byte is the code point of the same number. */
export function decodeLatin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + CHUNK)));
  return out;
}

/** Encodes a string as UTF-8; lone surrogates become U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd;
    if (codePoint < 0x80) out.push(codePoint);
    else if (codePoint < 0x800) out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
    else if (codePoint < 0x10000)
      out.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
    else
      out.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
  }
  return Uint8Array.from(out);
}
