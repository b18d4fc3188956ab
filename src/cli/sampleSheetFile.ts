/**
 * The sample sheet in the CLI: each tube's row read from its file name and keywords as the app reads it, then
 * completed from a sheet file (`--sheet`: the app's Sample sheet export, or any table with a File column), and the
 * per-tube results tables with those columns after the file, so a CSV says each tube's dose, time and replicate.
 */
import { basename } from 'node:path';
import type { Assay, SampleAnnotation, SampleRole } from '../analysis/sampleSheet.ts';
import { applyTable, type SheetRow } from '../analysis/sampleSheetBlock.ts';
import { inferAnnotation } from '../analysis/sampleSheetNames.ts';
import { displayUnits } from '../experiment/conditions.ts';
import { withSheetColumns } from '../experiment/workbook.ts';
import type { Table } from '../export/table.ts';
import type { FcsDataset } from '../fcs/types.ts';
import { detectDelimiter, parseDelimited, spreadsheetTextEncoding } from '../shared/delimitedText.ts';
import type { CliIo } from './command.ts';
import { InputFileError, readInputFile } from './files.ts';

/**
 * `files` (named by path or file name) with the sheet file's columns applied, matched by file name (or by plate well,
 * $WELLID, for a plate map without a file column); what it could not use goes to `io.err` after `who` ("flowfate
 * report"). Throws InputFileError when the sheet cannot be read.
 */
export async function applySheetFile<T extends { name: string; annotation: SampleAnnotation; dataset: Pick<FcsDataset, 'keywords'> }>(
  files: readonly T[],
  path: string,
  io: CliIo,
  who: string,
): Promise<T[]> {
  const bytes = await readInputFile(path);
  const text = new TextDecoder(spreadsheetTextEncoding(bytes)).decode(bytes);
  const delimiter = detectDelimiter(text);
  const rows: SheetRow[] = files.map((f) => ({ id: f.name, fileName: basename(f.name), annotation: f.annotation, well: f.dataset.keywords.$WELLID?.trim() ?? '' }));
  const edit = applyTable(parseDelimited(text, delimiter), rows, 0, delimiter === ';');
  for (const p of edit.problems) io.err(`${who}: ${path}: ${p.fileName}: ${p.message}`);
  for (const left of edit.leftOut) io.err(`${who}: ${path}: not used: ${left}.`);
  return files.map((f) => ({ ...f, annotation: { ...f.annotation, ...edit.changes.get(f.name) } }));
}

/** A row of a CLI results table: the tube's path (its File cell), its data set, and the role its analysis gave it. */
export interface TableTube {
  path: string;
  dataset: FcsDataset;
  assay: Assay;
  role?: SampleRole;
}

/**
 * `table` (first column: each tube's path) with the sample-sheet columns after the file; null when the sheet file
 * cannot be read (said on `io.err`). A role the analysis used (`--untreated`, the controls) is the one shown.
 */
export async function withSampleSheet(table: Table, tubes: readonly TableTube[], sheet: string | undefined, io: CliIo, who: string): Promise<Table | null> {
  let rows = tubes.map((t) => ({ name: t.path, dataset: t.dataset, annotation: inferAnnotation(basename(t.path), t.dataset.channels, t.dataset.keywords) }));
  if (sheet !== undefined) {
    try {
      rows = await applySheetFile(rows, sheet, io, who);
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      io.err(`${who}: ${error.message}`);
      return null;
    }
  }
  const sheetTubes = rows.map(({ name, annotation }, k) => {
    const { assay, role } = tubes[k];
    return { tube: name, assay, annotation: role ? { ...annotation, role } : annotation };
  });
  return withSheetColumns(table, sheetTubes, displayUnits(sheetTubes.map((t) => t.annotation)));
}
