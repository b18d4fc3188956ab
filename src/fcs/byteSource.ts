/**
 * Random access to a file's bytes, read synchronously: the reader asks for the HEADER, then the TEXT, then the DATA
 * in chunks, so a file is checked before the rest is read and no copy of the whole file needs to exist. Sources:
 * bytes in memory (below), a Blob in a worker (workers/blobSource.ts), a file descriptor in the CLI.
 */
export interface ByteSource {
  /** The file's length in bytes. */
  readonly size: number;
  /** Bytes of events to read at a time, when the source prefers a size (default: decodeBinary.ts CHUNK_BYTES). */
  readonly chunkBytes?: number;
  /**
   * The bytes [start, end) (end ≤ size). The result may share memory with the source and may be overwritten by the
   * next read: use it before reading again, never keep it.
   */
  read(start: number, end: number): Uint8Array;
}

/** Bytes already in memory: every read is a view, nothing is copied. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}
