/** Sources for tests of reading through a ByteSource. */
import type { ByteSource } from './byteSource.ts';
import type { FcsFile, RawColumn } from './types.ts';

/**
 * Reads `bytes` as a file would be read: every read is a fresh copy starting at offset 0 (as FileReaderSync or a read
 * into a buffer gives), `chunkBytes` at a time, and the ranges read are recorded.
 */
export function fileLikeSource(bytes: Uint8Array, chunkBytes?: number): ByteSource & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    size: bytes.length,
    chunkBytes,
    reads,
    read(start, end) {
      if (start < 0 || end > bytes.length || end < start) throw new RangeError(`read ${start}-${end} outside ${bytes.length} bytes`);
      reads.push([start, end]);
      return bytes.slice(start, end);
    },
  };
}

function difference(column: RawColumn, twin: RawColumn | undefined): string | null {
  if (!twin || twin.constructor !== column.constructor || twin.length !== column.length) return 'another type or length';
  const a = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  const b = new Uint8Array(twin.buffer, twin.byteOffset, twin.byteLength);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `byte ${i} differs`;
  return null;
}

/**
 * The file with each column replaced by its type, length and first differing value against `other`'s (null when
 * the two columns are the same bit for bit): toEqual then compares two reads quickly and names any difference.
 */
export function comparedWith(file: FcsFile, other: FcsFile) {
  return file.datasets.map((dataset, d) => ({
    ...dataset,
    columns: dataset.columns.map((column, c) => ({ type: column.constructor.name, length: column.length, difference: difference(column, other.datasets[d]?.columns[c]) })),
  }));
}
