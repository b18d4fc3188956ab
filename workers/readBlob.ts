/** Slices read at once when reporting progress: few enough copies to stay near a plain read, often enough to show. */
const SLICE_BYTES = 8 * 1024 * 1024;

/** Reads a Blob into one buffer inside the worker, reporting progress after each slice when asked to. */
export async function readBlob(blob: Blob, onProgress?: (loadedBytes: number, totalBytes: number) => void): Promise<Uint8Array> {
  if (!onProgress) return new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(blob.size);
  for (let start = 0; start < blob.size; start += SLICE_BYTES) {
    const end = Math.min(blob.size, start + SLICE_BYTES);
    bytes.set(new Uint8Array(await blob.slice(start, end).arrayBuffer()), start);
    onProgress(end, blob.size);
  }
  return bytes;
}
