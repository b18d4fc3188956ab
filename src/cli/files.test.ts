import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../export/table.ts';
import type { CliIo } from './command.ts';
import { type FileFailure, MAX_INPUT_BYTES, readFcsFile, readInputFile, writeCsvFile, writeFileAtomically } from './files.ts';

const temporary = () => mkdtempSync(join(tmpdir(), 'flowfate-files-'));
const quietIo = (): CliIo & { errors: string[] } => {
  const errors: string[] = [];
  return { errors, out: () => undefined, err: (line) => errors.push(line) };
};
const posix = process.platform !== 'win32';
/** The failure a read ended with (the test fails if the file was read). */
async function failureOf(path: string): Promise<FileFailure['error']> {
  const result = await readFcsFile(path);
  if (!('error' in result)) throw new Error(`"${path}" was read`);
  return result.error;
}
const offsetField = (n: number) => String(n).padStart(8, ' ');

/** A sparse file: `head` at the start, `tail` ending at byte `size` and nothing stored in between. */
function sparseFile(path: string, size: number, head: Uint8Array, tail = new Uint8Array(0)): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head, 0, head.length, 0);
    writeSync(fd, tail.length > 0 ? tail : new Uint8Array(1), 0, Math.max(1, tail.length), size - Math.max(1, tail.length));
  } finally {
    closeSync(fd);
  }
}

/**
 * An FCS 3.1 file of `size` bytes whose three events (FSC-A, SSC-A float32) are stored at its very end, beyond
 * 2 GiB when `size` is: the HEADER says 0 and $BEGINDATA/$ENDDATA give the offsets, as FCS 3.1 requires past 99,999,999.
 */
function fcsWithDataAt(path: string, size: number): void {
  const values = Float32Array.of(1, 2, 3, 4, 5, 6);
  const dataStart = size - values.byteLength;
  const keywords = { $BEGINANALYSIS: '0', $ENDANALYSIS: '0', $BEGINSTEXT: '0', $ENDSTEXT: '0', $BEGINDATA: String(dataStart), $ENDDATA: String(size - 1),
    $BYTEORD: '1,2,3,4', $DATATYPE: 'F', $MODE: 'L', $NEXTDATA: '0', $PAR: '2', $TOT: '3',
    $P1N: 'FSC-A', $P1B: '32', $P1E: '0,0', $P1R: '262144', $P2N: 'SSC-A', $P2B: '32', $P2E: '0,0', $P2R: '262144' };
  const textSegment = `/${Object.entries(keywords).map(([k, v]) => `${k}/${v}`).join('/')}/`;
  const header = `FCS3.1    ${offsetField(58)}${offsetField(58 + textSegment.length - 1)}${offsetField(0)}${offsetField(0)}${offsetField(0)}${offsetField(0)}`;
  sparseFile(path, size, new TextEncoder().encode(header + textSegment), new Uint8Array(values.buffer));
}

describe('reading input files', () => {
  it.runIf(posix)('refuses a pipe (FIFO) at once instead of waiting for a writer', async () => {
    const fifo = join(temporary(), 'tube.fcs');
    execFileSync('mkfifo', [fifo]);
    const failure = await readFcsFile(fifo);
    expect(failure).toEqual({ file: fifo, error: { code: 'NOT_A_FILE', message: `Cannot read "${fifo}": it is a pipe (FIFO); give the path of a file.` } });
  });

  it.runIf(posix && existsSync('/dev/zero'))('refuses a device such as /dev/zero, which would never end', async () => {
    expect(await readFcsFile('/dev/zero')).toEqual({ file: '/dev/zero', error: { code: 'NOT_A_FILE', message: 'Cannot read "/dev/zero": it is a device; give the path of a file.' } });
  });

  it('refuses a folder and a missing file with their reasons', async () => {
    const dir = temporary();
    expect((await failureOf(dir)).message).toBe(`Cannot read "${dir}": it is a folder; give the path of a file.`);
    expect((await failureOf(join(dir, 'gone.fcs'))).message).toBe(`Cannot open "${join(dir, 'gone.fcs')}": no such file.`);
  });

  it('refuses a huge file that is not FCS from its first bytes, without reading or holding the rest', async () => {
    const path = join(temporary(), 'movie.fcs');
    sparseFile(path, MAX_INPUT_BYTES + 2 ** 30, new TextEncoder().encode('RIFF....AVI LIST'.padEnd(64, ' ')));
    const failure = await failureOf(path);
    expect(failure.code).toBe('NOT_FCS');
    expect(failure.message).toBe(`Cannot read "${path}": it is not an FCS file: it starts with "RIFF.." instead of "FCS" and a version number (byte 0).`);
  });

  it('says why a text input larger than one byte array can hold is not read', async () => {
    const path = join(temporary(), 'enormous.xml');
    sparseFile(path, MAX_INPUT_BYTES + 2 ** 30, new TextEncoder().encode('<?xml version="1.0"?>'));
    await expect(readInputFile(path)).rejects.toThrow(/^Cannot read ".*enormous\.xml": it is 5\.0 GiB, more than the 4\.0 GiB one file can hold in memory here\.$/);
  });

  it('reads an FCS file larger than one byte array can hold, its events stored beyond the 4 GiB mark, without holding the file', async () => {
    const path = join(temporary(), 'large.fcs');
    fcsWithDataAt(path, MAX_INPUT_BYTES + 2 ** 30);
    const file = await readFcsFile(path);
    if ('error' in file) throw new Error(file.error.message);
    const [dataset] = file.datasets;
    expect(dataset.eventCount).toBe(3);
    expect(Array.from(dataset.columns[0])).toEqual([1, 3, 5]);
    expect(Array.from(dataset.columns[1])).toEqual([2, 4, 6]);
  });

  it('reads text inputs whole', async () => {
    const path = join(temporary(), 'gates.json');
    writeFileSync(path, '{"version":1}');
    expect(new TextDecoder().decode(await readInputFile(path))).toBe('{"version":1}');
  });
});

describe('writing output files', () => {
  it('replaces an existing file only once the new one is complete', async () => {
    const dir = temporary();
    const path = join(dir, 'summary.csv');
    writeFileSync(path, 'the earlier results\n');
    const failed = writeFileAtomically(path, async (file) => {
      await file.write('half of the new res');
      throw new Error('the process stopped here');
    });
    await expect(failed).rejects.toThrow('the process stopped here');
    expect(readFileSync(path, 'utf8')).toBe('the earlier results\n');
    expect(readdirSync(dir)).toEqual(['summary.csv']);

    await writeFileAtomically(path, async (file) => {
      await file.write('the new results\n');
    });
    expect(readFileSync(path, 'utf8')).toBe('the new results\n');
    expect(readdirSync(dir)).toEqual(['summary.csv']);
  });

  it('never replaces an earlier table with a header alone', async () => {
    const path = join(temporary(), 'results.csv');
    writeFileSync(path, 'file,viable %\r\na.fcs,90\r\n');
    const io = quietIo();
    expect(await writeCsvFile(path, { columns: ['file', 'viable %'], rows: [] }, 'apoptosis', io)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('file,viable %\r\na.fcs,90\r\n');
    expect(io.errors).toEqual([`flowfate apoptosis: no results, so "${path}" was not written (a file already there is left as it was).`]);

    expect(await writeCsvFile(path, { columns: ['file'], rows: [[text('b.fcs')]] }, 'apoptosis', io)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('file\r\nb.fcs\r\n');
  });
});
