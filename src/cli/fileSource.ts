/** A file on disk as a ByteSource: read piece by piece into one reused buffer, so no copy of the whole file exists. */
import { readSync } from 'node:fs';
import type { ByteSource } from '../fcs/byteSource.ts';
import { FcsError } from '../fcs/errors.ts';

/** Reads of the open file `fd` of `size` bytes; each read overwrites the previous one's bytes (ByteSource allows it). */
export function descriptorSource(fd: number, size: number): ByteSource {
  let buffer = new Uint8Array(0);
  return {
    size,
    read(start, end) {
      const length = end - start;
      if (buffer.length < length) buffer = new Uint8Array(length);
      for (let done = 0; done < length; ) {
        const read = readSync(fd, buffer, done, length - done, start + done);
        if (read === 0) throw new FcsError('READ_FAILED', `the file ended at byte ${start + done} where ${size} bytes were expected: it changed while it was read`);
        done += read;
      }
      return buffer.subarray(0, length);
    },
  };
}
