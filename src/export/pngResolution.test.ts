import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../shared/crc32.ts';
import { withPngResolution } from './pngResolution.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A valid 1×1 grey PNG built from the spec. */
function tinyPng(): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 128]))), chunk('IEND', new Uint8Array())]);
}

describe('withPngResolution', () => {
  it('inserts a pHYs chunk of 600 dpi (23,622 px/m) after IHDR, with a valid CRC', () => {
    const png = withPngResolution(tinyPng(), 600);
    const bytes = Buffer.from(png);
    const at = 8 + 25; // signature + IHDR chunk
    expect(bytes.toString('latin1', at + 4, at + 8)).toBe('pHYs');
    expect(bytes.readUInt32BE(at + 8)).toBe(23622);
    expect(bytes.readUInt32BE(at + 12)).toBe(23622);
    expect(bytes[at + 16]).toBe(1);
    expect(bytes.readUInt32BE(at + 17)).toBe(crc32(bytes.subarray(at + 4, at + 17)));
    expect(Buffer.from(withPngResolution(png, 300)).toString('latin1').match(/pHYs/g)).toHaveLength(1);
  });

  it('refuses what is not a PNG', () => {
    expect(() => withPngResolution(new Uint8Array(20), 300)).toThrow('not a PNG');
  });
});
