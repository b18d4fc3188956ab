/**
 * Opened files kept in the origin-private file system (local to this browser profile, never uploaded), so a
 * workspace can be reopened after a reload without asking for the files again. Keeping is best effort: a browser
 * without OPFS or without room just does not keep them, and restoring then asks for the files.
 */
import { releaseBuffer } from './blobSource.ts';

const FOLDER = 'flowfate-files';
/**
 * Bytes read from the file and written at a time: each piece is read asynchronously, so the worker answers plot
 * requests in between, and no copy of the whole file is made.
 */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Added to a kept file's name while it is being written. */
const PART = '.part';

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(FOLDER, { create: true });
}

/** OPFS names cannot hold "/" or "\"; keys are made of a checksum, a size and a file name. */
function storedName(key: string): string {
  return encodeURIComponent(key);
}

/** A handle that can be renamed (OPFS supports FileSystemHandle.move in Chromium; TypeScript's lib lacks it). */
type MovableHandle = FileSystemFileHandle & { move(name: string): Promise<void> };

/**
 * Keeps a file's bytes under its sample key, streamed from the file piece by piece, each piece once `quiet()` resolves
 * (the worker's quiet time: keeping never delays a plot); false when the browser could not keep them. The bytes are
 * written under a temporary name and renamed once complete, so a reload or crash while keeping leaves the file not
 * kept (restoring then asks for it) rather than kept in part; a file already kept whole is left as it is.
 */
export async function keepFile(key: string, file: Blob, quiet: () => Promise<void> = async () => {}): Promise<boolean> {
  try {
    const directory = await folder();
    const name = storedName(key);
    const existing = await directory.getFileHandle(name).then((h) => h.getFile(), () => null);
    if (existing?.size === file.size) return true;
    const part = (await directory.getFileHandle(`${name}${PART}`, { create: true })) as MovableHandle;
    const access = await part.createSyncAccessHandle();
    try {
      access.truncate(0);
      for (let at = 0; at < file.size; at += CHUNK_BYTES) {
        await quiet();
        const piece = await file.slice(at, at + CHUNK_BYTES).arrayBuffer();
        access.write(new Uint8Array(piece), { at });
        releaseBuffer(piece);
      }
      access.flush();
    } finally {
      access.close();
    }
    if (existing) await directory.removeEntry(name);
    await part.move(name);
    return true;
  } catch {
    return false;
  }
}

/** The kept file of a sample key, or null when this browser does not have it. */
export async function keptFile(key: string): Promise<File | null> {
  try {
    return await (await (await folder()).getFileHandle(storedName(key))).getFile();
  } catch {
    return null;
  }
}

/**
 * Removes the kept files whose key is not in `keep` and that were last written more than `graceMs` ago (a file
 * kept just now by another tab is not listed by any saved session yet). Deleting is the policy of
 * src/engine/sessions.ts: only files no saved session lists, after the user discarded a session or at start-up.
 */
export async function forgetKeptFiles(keep: readonly string[], graceMs: number): Promise<void> {
  const wanted = new Set(keep.map(storedName));
  const directory = await folder();
  const before = Date.now() - graceMs;
  for await (const [name, handle] of directory.entries()) {
    if (wanted.has(name) || handle.kind !== 'file') continue;
    if ((await (handle as FileSystemFileHandle).getFile()).lastModified < before) await directory.removeEntry(name);
  }
}
