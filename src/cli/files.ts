/** Reading FCS files and writing result tables for the commands, with the errors a user can act on. */
import { readFile, writeFile } from 'node:fs/promises';
import { renderCsv, type Table } from '../export/table.ts';
import { FcsError } from '../fcs/errors.ts';
import { readFcs } from '../fcs/read.ts';
import { defaultDatasetIndex } from '../fcs/scale.ts';
import type { FcsDataset, FcsFile } from '../fcs/types.ts';
import type { CliIo } from './command.ts';

/** A file a command could not use, as the JSON outputs report it. */
export interface FileFailure {
  file: string;
  error: { code: string; message: string };
}

export function isFileFailure(value: object): value is FileFailure {
  return 'error' in value;
}

/** Reads and decodes an FCS file; a missing or unreadable file, or an FcsError, becomes a FileFailure. */
export async function readFcsFile(path: string): Promise<FcsFile | FileFailure> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    return { file: path, error: { code: 'FILE_UNREADABLE', message: `Cannot open "${path}": ${reason}.` } };
  }
  try {
    return readFcs(bytes, { fileName: path });
  } catch (error) {
    if (!(error instanceof FcsError)) throw error;
    return { file: path, error: { code: error.code, message: error.message } };
  }
}

/** The data set the analyses use: the file's default one (src/fcs/scale.ts defaultDatasetIndex). */
export async function readDefaultDataset(path: string): Promise<FcsDataset | FileFailure> {
  const file = await readFcsFile(path);
  return isFileFailure(file) ? file : file.datasets[defaultDatasetIndex(file)];
}

/** Writes a table as CSV; on failure tells the user why and returns false. */
export async function writeCsvFile(path: string, table: Table, command: string, io: CliIo): Promise<boolean> {
  try {
    await writeFile(path, renderCsv(table));
    return true;
  } catch (error) {
    io.err(`flowfate ${command}: cannot write "${path}": ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
