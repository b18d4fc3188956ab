import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from './sha256.ts';

const node = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SHA-256', () => {
  it('gives the FIPS 180-4 examples', () => {
    expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it("equals Node's crypto for every length around the block edges, fed in uneven pieces", () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) >>> 24);
    for (const length of [1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 300_000]) {
      const message = bytes.subarray(0, length);
      const hash = new Sha256();
      for (let at = 0, step = 1; at < length; at += step, step = (step * 7 + 3) % 977 + 1) hash.update(message.subarray(at, Math.min(length, at + step)));
      expect(hash.hex()).toBe(node(message));
    }
  });
});
