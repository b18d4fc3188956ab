/**
 * The command line's file edges: reading inputs (regular files only; FCS files piece by piece through a ByteSource,
 * the HEADER checked before the rest is read and no copy of the whole file held, so any size reads; other inputs whole,
 * in chunks so files over 2 GiB read too) and writing outputs atomically (a temporary file beside the
 * output, renamed over it once complete), with the errors a user can act on.
 */
import { constants as bufferLimits } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { rmSync, type Stats } from 'node:fs';
import { constants, type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { renderCsv, type Table } from '../export/table.ts';
import type { ByteSource } from '../fcs/byteSource.ts';
import { FcsError } from '../fcs/errors.ts';
import { type EventScanner, readFcs, scanFcs, type ScannedDataset } from '../fcs/read.ts';
import { defaultDatasetIndex } from '../fcs/scale.ts';
import type { FcsDataset, FcsFile } from '../fcs/types.ts';
import type { CliIo } from './command.ts';
import { descriptorSource } from './fileSource.ts';

/** A file a command could not use, as the JSON outputs report it. */
export interface FileFailure {
  file: string;
  error: { code: string; message: string };
}

export function isFileFailure(value: object): value is FileFailure {
  return 'error' in value;
}

/** An input the CLI refuses before reading it, with the reason as a sentence. */
export class InputFileError extends Error {
  override name = 'InputFileError';
  readonly code: 'FILE_UNREADABLE' | 'NOT_A_FILE' | 'TOO_LARGE';
  constructor(code: InputFileError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The largest input read whole (FCS files are not): one byte array holds it (Node's limit, 4 GiB on 64-bit machines). */
export const MAX_INPUT_BYTES = bufferLimits.MAX_LENGTH;
/** Bytes read at a time: large files are read in pieces (one read call is limited to 2 GiB). */
const READ_CHUNK_BYTES = 64 * 1024 * 1024;
/** Opens a FIFO without waiting for a writer (it is then refused); no effect on regular files. */
const OPEN_INPUT = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function sizeText(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

async function openInput(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_INPUT);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : null;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new InputFileError('FILE_UNREADABLE', `Cannot open "${path}": ${reason}.`);
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new InputFileError('NOT_A_FILE', `Cannot read "${path}": it is ${kindOf(stats)}; give the path of a file.`);
  }
  return { handle, size: stats.size };
}

/** Reads `bytes.length` bytes from `position` in pieces; false when the file ended early. */
async function readInto(handle: FileHandle, bytes: Uint8Array, position: number): Promise<boolean> {
  for (let at = 0; at < bytes.length; ) {
    const { bytesRead } = await handle.read(bytes, at, Math.min(READ_CHUNK_BYTES, bytes.length - at), position + at);
    if (bytesRead === 0) return false;
    at += bytesRead;
  }
  return true;
}

/**
 * Reads a whole input file (Gating-ML, templates). Only regular files are read (a FIFO or a device such as /dev/zero
 * would never end).
 */
export async function readInputFile(path: string): Promise<Uint8Array> {
  const { handle, size } = await openInput(path);
  try {
    if (size > MAX_INPUT_BYTES) {
      throw new InputFileError('TOO_LARGE', `Cannot read "${path}": it is ${sizeText(size)}, more than the ${sizeText(MAX_INPUT_BYTES)} one file can hold in memory here.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(size);
    } catch {
      throw new InputFileError('TOO_LARGE', `Cannot read "${path}": there is not enough free memory for its ${sizeText(size)}.`);
    }
    if (!(await readInto(handle, bytes, 0))) throw new InputFileError('FILE_UNREADABLE', `Cannot read "${path}": it became shorter while being read.`);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** Runs `read` over an input as a ByteSource; a missing, unreadable or refused file, or an FcsError, becomes a FileFailure. */
async function withFcsSource<T>(path: string, read: (source: ByteSource) => T): Promise<T | FileFailure> {
  try {
    const { handle, size } = await openInput(path);
    try {
      return read(descriptorSource(handle.fd, size));
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!(error instanceof InputFileError || error instanceof FcsError)) throw error;
    return { file: path, error: { code: error.code, message: error.message } };
  }
}

/** Reads and decodes an FCS file piece by piece (the HEADER first), so a wrong file is refused whatever its size. */
export function readFcsFile(path: string): Promise<FcsFile | FileFailure> {
  return withFcsSource(path, (source) => readFcs(source, { fileName: path }));
}

/** Hands an FCS file's events to `scan` chunk by chunk (scanFcs) without keeping them; failures as readFcsFile. */
export function scanFcsFile(path: string, scan: EventScanner): Promise<ScannedDataset[] | FileFailure> {
  return withFcsSource(path, (source) => scanFcs(source, scan, { fileName: path }));
}

/** The data set the analyses use: the file's default one (src/fcs/scale.ts defaultDatasetIndex). */
export async function readDefaultDataset(path: string): Promise<FcsDataset | FileFailure> {
  const file = await readFcsFile(path);
  return isFileFailure(file) ? file : file.datasets[defaultDatasetIndex(file)];
}

/** Temporary files being written; removed if the command is interrupted (Ctrl+C, a kill). */
const unfinished = new Set<string>();

function removeUnfinishedAndExit(signal: NodeJS.Signals): void {
  // Synchronously: the process ends right after.
  for (const path of unfinished) rmSync(path, { force: true });
  unfinished.clear();
  // 128 + signal number, as shells report a process ended by a signal.
  process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Writes a file whole or not at all: `write` fills a temporary file beside `path`, which replaces `path` only once
 * complete. A failed or interrupted write leaves any existing file as it was (a killed process may leave the
 * hidden temporary ".NAME.…partial", never a truncated file under the final name).
 */
export async function writeFileAtomically(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  if (unfinished.size === 0) for (const signal of SIGNALS) process.on(signal, removeUnfinishedAndExit);
  unfinished.add(temporary);
  try {
    const file = await open(temporary, 'wx');
    try {
      await write(file);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    unfinished.delete(temporary);
    if (unfinished.size === 0) for (const signal of SIGNALS) process.off(signal, removeUnfinishedAndExit);
  }
}

/** Writes bytes or text atomically (writeFileAtomically). */
export function writeOutputFile(path: string, contents: string | Uint8Array): Promise<void> {
  return writeFileAtomically(path, async (file) => {
    await file.writeFile(contents);
  });
}

/**
 * Writes a table as CSV, atomically. A table without rows is not written, so a run where every input failed never
 * replaces an earlier output with a header alone. On failure tells the user why and returns false.
 */
export async function writeCsvFile(path: string, table: Table, command: string, io: CliIo): Promise<boolean> {
  if (table.rows.length === 0) {
    io.err(`flowfate ${command}: no results, so "${path}" was not written (a file already there is left as it was).`);
    return false;
  }
  try {
    await writeOutputFile(path, renderCsv(table));
    return true;
  } catch (error) {
    io.err(`flowfate ${command}: ${describeWriteFailure(path, error)}`);
    return false;
  }
}

/** Why `path` could not be written, as a clause a user can act on (never the temporary file's name). */
export function describeWriteFailure(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : null;
  const reason =
    code === 'ENOENT' ? `the folder "${dirname(path)}" does not exist`
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOSPC' ? 'the disk is full'
    : error instanceof Error ? error.message : String(error);
  return `cannot write "${path}": ${reason}`;
}
