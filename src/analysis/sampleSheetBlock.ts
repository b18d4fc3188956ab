/**
 * Editing the sample sheet many cells at a time, as in a spreadsheet: a block pasted from Excel, Sheets or Prism
 * lands cell by cell from the cell it is pasted into (a block whose first row names columns lands by name, and by
 * file when it has a file column, or by plate well when it has a well column: a plate map); a CSV file is imported
 * the same way; fill down and "set for the selected rows".
 * Each cell is read by readCell in order, so a number and its unit pasted side by side mean what they say.
 */
import { type Table, text as textCell } from '../export/table.ts';
import { isBlankRow, parseDelimited } from '../shared/delimitedText.ts';
import type { SampleAnnotation } from './sampleSheet.ts';
import { cellText, columnNamed, readCell, SHEET_COLUMNS, type SheetColumnKey } from './sampleSheetCells.ts';

export interface SheetRow {
  id: string;
  fileName: string;
  annotation: SampleAnnotation;
  /** The plate well the file says it is from ($WELLID); '' or absent without one. */
  well?: string;
}

export interface CellProblem {
  id: string;
  fileName: string;
  column: SheetColumnKey;
  text: string;
  message: string;
}

export interface SheetEdit {
  /** Per tube, its changed fields. */
  changes: Map<string, Partial<SampleAnnotation>>;
  /** Cells whose text means nothing in their column; the tube keeps its value there. */
  problems: CellProblem[];
  /** Cells written. */
  written: number;
  /** What did not land, in words (rows below the last tube, files not open, unknown columns). */
  leftOut: string[];
}

/** A column of an imported table: a sheet column, the file, the plate well (shown, not edited), or unknown. */
type Target = SheetColumnKey | 'file' | 'well' | null;

const FILE_HEADERS = /^(file|filename|files|fcsfile|fil|tube|tubename|sample|samplename|fcs)$/;

function headerTarget(text: string): Target {
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  return FILE_HEADERS.test(key) ? 'file' : key === 'well' || key === 'wellid' ? 'well' : columnNamed(text);
}

class EditBuilder {
  readonly edit: SheetEdit = { changes: new Map(), problems: [], written: 0, leftOut: [] };
  private readonly current = new Map<string, SampleAnnotation>();
  private readonly decimalComma: boolean;

  constructor(decimalComma: boolean) {
    this.decimalComma = decimalComma;
  }

  annotation(row: SheetRow): SampleAnnotation {
    return this.current.get(row.id) ?? row.annotation;
  }

  /** Reads one cell against the tube as already changed by the cells before it. */
  write(row: SheetRow, column: SheetColumnKey, text: string): void {
    const reading = readCell(column, text, this.annotation(row), this.decimalComma);
    if (!reading.ok) {
      this.edit.problems.push({ id: row.id, fileName: row.fileName, column, text, message: reading.problem });
      return;
    }
    this.change(row, reading.change);
  }

  change(row: SheetRow, change: Partial<SampleAnnotation>): void {
    this.current.set(row.id, { ...this.annotation(row), ...change });
    this.edit.changes.set(row.id, { ...this.edit.changes.get(row.id), ...change });
    this.edit.written++;
  }
}

const stem = (name: string) => name.trim().toLowerCase().replace(/\.(fcs|lmd)$/, '');

/** The sheet row of a file named in an imported table: the same name, whatever its case or .fcs ending. */
function rowOfFile(rows: readonly SheetRow[], name: string): SheetRow | undefined {
  const wanted = stem(name.replace(/^.*[\\/]/, ''));
  return rows.find((r) => stem(r.fileName) === wanted);
}

/** A plate well's row letters and column number ("b03" → ["B", 3]); null when `text` is not a well. */
export function wellParts(text: string): [string, number] | null {
  const parts = /^([A-Za-z]{1,2})0*(\d{1,3})$/.exec(text.trim());
  return parts ? [parts[1].toUpperCase(), Number(parts[2])] : null;
}

const wellKey = (text: string) => wellParts(text)?.join('') ?? null;

/** The sheet rows of the files from a plate map's well ("A01" = "A1"); every plate's, when several share the well. */
function rowsInWell(rows: readonly SheetRow[], well: string): SheetRow[] {
  const wanted = wellKey(well);
  return wanted === null ? [] : rows.filter((r) => wellKey(r.well ?? '') === wanted);
}

/**
 * A table whose first row names its columns (a CSV file, or a pasted block with headers): by file when it has a file
 * column, else by plate well when it has a well column and the files name their wells, else row by row from
 * `firstRow`.
 */
export function applyTable(table: readonly string[][], rows: readonly SheetRow[], firstRow = 0, decimalComma = false): SheetEdit {
  const builder = new EditBuilder(decimalComma);
  const [header = [], ...body] = table;
  const targets = header.map(headerTarget);
  header.forEach((name, k) => {
    if (targets[k] === null && name.trim() !== '') builder.edit.leftOut.push(`the column "${name.trim()}" is not part of the sample sheet`);
  });
  const fileColumn = targets.indexOf('file');
  const wellColumn = fileColumn < 0 && rows.some((r) => wellKey(r.well ?? '') !== null) ? targets.indexOf('well') : -1;
  let next = firstRow;
  for (const cells of body) {
    if (isBlankRow(cells)) continue;
    const named = (cells[fileColumn >= 0 ? fileColumn : wellColumn] ?? '').trim();
    const matched = fileColumn >= 0 ? [rowOfFile(rows, named)] : wellColumn >= 0 ? rowsInWell(rows, named) : [rows[next++]];
    const found = matched.filter((row): row is SheetRow => row !== undefined);
    if (found.length === 0) {
      builder.edit.leftOut.push(fileColumn >= 0 ? `"${named}" is not open` : wellColumn >= 0 ? `no open file is from well "${named}"` : `a row below the last tube (${cells.join(', ')})`);
      continue;
    }
    for (const row of found) {
      targets.forEach((target, k) => {
        if (target !== null && target !== 'file' && target !== 'well' && k < cells.length) builder.write(row, target, cells[k]);
      });
    }
  }
  return builder.edit;
}

/** True when the first row of a block names at least two columns and nothing else. */
function hasHeader(block: readonly string[][]): boolean {
  const first = (block[0] ?? []).filter((c) => c.trim() !== '');
  return first.length >= 2 && first.every((c) => headerTarget(c) !== null);
}

/** A block from the clipboard pasted into the cell of `rows[anchor.row]`, column `anchor.column`. */
export function pasteBlock(text: string, rows: readonly SheetRow[], anchor: { row: number; column: SheetColumnKey }, decimalComma = false): SheetEdit {
  const block = parseDelimited(text, '\t');
  if (hasHeader(block)) return applyTable(block, rows, anchor.row, decimalComma);
  const builder = new EditBuilder(decimalComma);
  const firstColumn = SHEET_COLUMNS.findIndex((c) => c.key === anchor.column);
  const widest = Math.max(0, ...block.map((cells) => cells.length));
  if (firstColumn + widest > SHEET_COLUMNS.length) builder.edit.leftOut.push(`${firstColumn + widest - SHEET_COLUMNS.length} columns beyond the last one (${SHEET_COLUMNS.at(-1)?.title})`);
  const below = block.length - Math.max(0, rows.length - anchor.row);
  if (below > 0) builder.edit.leftOut.push(`${below} ${below === 1 ? 'row' : 'rows'} below the last tube`);
  block.forEach((cells, i) => {
    const row = rows[anchor.row + i];
    if (!row) return;
    cells.forEach((cell, j) => {
      const column = SHEET_COLUMNS[firstColumn + j];
      if (column) builder.write(row, column.key, cell);
    });
  });
  return builder.edit;
}

/** The value of the first selected tube in `column`, copied to the other selected tubes (numbers keep their unit). */
export function fillDown(rows: readonly SheetRow[], selected: ReadonlySet<string>, column: SheetColumnKey): SheetEdit {
  const chosen = rows.filter((r) => selected.has(r.id));
  const builder = new EditBuilder(false);
  const [first, ...rest] = chosen;
  if (!first) return builder.edit;
  for (const row of rest) {
    if (column === 'concentration') builder.change(row, { doseNm: first.annotation.doseNm, doseUnit: first.annotation.doseUnit });
    else if (column === 'time') builder.change(row, { timeH: first.annotation.timeH, timeUnit: first.annotation.timeUnit });
    else builder.write(row, column, cellText(first.annotation, column));
  }
  return builder.edit;
}

/** One text written into `column` of every selected tube. */
export function setCells(rows: readonly SheetRow[], selected: ReadonlySet<string>, column: SheetColumnKey, text: string): SheetEdit {
  const builder = new EditBuilder(false);
  for (const row of rows) if (selected.has(row.id)) builder.write(row, column, text);
  return builder.edit;
}

/** The sheet as a table (CSV export): the file, its plate well when it has one, then every column as the grid shows it. */
export function sheetTable(rows: readonly (SheetRow & { well?: string })[]): Table {
  const wells = rows.some((r) => r.well);
  return {
    columns: ['File', ...(wells ? ['Well'] : []), ...SHEET_COLUMNS.map((c) => c.title)],
    rows: rows.map((row) => [textCell(row.fileName), ...(wells ? [textCell(row.well ?? '')] : []), ...SHEET_COLUMNS.map((c) => textCell(cellText(row.annotation, c.key)))]),
  };
}
