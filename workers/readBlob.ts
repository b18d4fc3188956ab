/** Reads a Blob into one buffer inside the worker, reporting progress as chunks arrive. */
export async function readBlob(blob: Blob, onProgress?: (loadedBytes: number, totalBytes: number) => void): Promise<Uint8Array> {
  if (!onProgress) return new Uint8Array(await blob.arrayBuffer());
  const bytes = new Uint8Array(blob.size);
  const reader = blob.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, loaded);
    loaded += value.byteLength;
    onProgress(loaded, blob.size);
  }
  return bytes;
}
