/** The SHA-256 of a sample's whole file, read again from where it was opened (the user's file, or the app's URL). */
import { Sha256 } from '../src/shared/sha256.ts';
import { releaseBuffer } from './blobSource.ts';

const SLICE_BYTES = 8 * 1024 * 1024;

export async function sha256Of(origin: Blob | string): Promise<string> {
  const hash = new Sha256();
  if (typeof origin === 'string') {
    const response = await fetch(origin);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    return hash.update(new Uint8Array(await response.arrayBuffer())).hex();
  }
  for (let at = 0; at < origin.size; at += SLICE_BYTES) {
    const piece = await origin.slice(at, at + SLICE_BYTES).arrayBuffer();
    hash.update(new Uint8Array(piece));
    releaseBuffer(piece);
  }
  return hash.hex();
}
