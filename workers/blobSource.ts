/**
 * A Blob (a file the user chose, or one kept in this browser) as a ByteSource, read with FileReaderSync: each read
 * brings only the bytes asked for into the worker, so a file is read piece by piece into its columns and never held
 * whole (the reader checks its HEADER and TEXT first).
 */
import type { ByteSource } from '../src/fcs/byteSource.ts';
import { FcsError } from '../src/fcs/errors.ts';

/** Bytes per read: few enough reads that their cost vanishes, small enough that each piece is garbage at once. */
const BLOB_CHUNK_BYTES = 4 * 1024 * 1024;

/** `onRead(end)` is told the end of every read, for progress. */
export function blobSource(blob: Blob, onRead?: (end: number) => void): ByteSource {
  const reader = new FileReaderSync();
  return {
    size: blob.size,
    chunkBytes: BLOB_CHUNK_BYTES,
    read(start, end) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
      } catch {
        throw new FcsError('READ_FAILED', 'the file could not be read from the disk (it may have been moved, changed or deleted since it was chosen); choose it again');
      }
      onRead?.(end);
      return bytes;
    },
  };
}
