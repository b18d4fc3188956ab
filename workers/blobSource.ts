/**
 * A Blob (a file the user chose, or one kept in this browser) as the reader's ByteSource, read with FileReaderSync:
 * only the bytes asked for come into the worker, so a file is read piece by piece into its columns and never held
 * whole, and a wrong one is refused from its first bytes. (Reading the events asynchronously, the next piece while
 * this one decodes, measured slower in Chromium: its asynchronous Blob reads cost more than the overlap saves.)
 */
import type { ByteSource } from '../src/fcs/byteSource.ts';
import { FcsError } from '../src/fcs/errors.ts';

/** Bytes per read of events: 16 MB reads as fast as reading the whole file at once here; 4 MB took twice as long. */
const PIECE_BYTES = 16 * 1024 * 1024;

const unreadable = () =>
  new FcsError('READ_FAILED', 'the file could not be read from the disk (it may have been moved, changed or deleted since it was chosen); choose it again');

/**
 * Frees a buffer's memory now instead of at the next garbage collection (detaching it drops its backing store): read
 * pieces no longer needed would otherwise pile up while a large file is decoded (issue 14: worker buffers stay under
 * twice the events during a load). The buffer must not be used afterwards.
 */
export function releaseBuffer(buffer: ArrayBuffer): void {
  buffer.transfer(0);
}

/** `onRead(end)` is told the end of every read, for progress. */
export function blobSource(blob: Blob, onRead?: (end: number) => void): ByteSource {
  const reader = new FileReaderSync();
  let previous: ArrayBuffer | null = null;
  return {
    size: blob.size,
    chunkBytes: PIECE_BYTES,
    read(start, end) {
      // A ByteSource's bytes are valid until the next read, so the previous piece can go.
      if (previous) releaseBuffer(previous);
      try {
        previous = reader.readAsArrayBuffer(blob.slice(start, end));
      } catch {
        previous = null;
        throw unreadable();
      }
      onRead?.(end);
      return new Uint8Array(previous);
    },
  };
}
