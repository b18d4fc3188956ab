/**
 * Result tables as data: a header and typed cells. Renderers (CSV, TSV for the clipboard, XLSX) decide the text;
 * every table FlowFate exports goes through them, so quoting and number formats are the same everywhere.
 */
export type NumberFormat = 'integer' | 'percent' | 'significant' | 'full';

export type Cell =
  | { kind: 'text'; value: string }
  /** NaN or ±Infinity export as an empty cell (e.g. a percentage of an empty parent). */
  | { kind: 'number'; value: number; format: NumberFormat };

/**
 * How a screen shows a column; exports use only the names. A column of a group is named `${group} ${rest}`, so the
 * screen can show the group once above its columns and still give every column its full name.
 */
export interface ColumnLayout {
  /** Heading shared by neighbouring columns, e.g. a population ("Viable (AnnV-/PI-)") or a phase ("G0/G1"). */
  group?: string;
  /** Counts, events, thresholds and warnings: on screen only when the user asks for details. */
  detail?: boolean;
}

export interface Table {
  columns: string[];
  rows: Cell[][];
  /** One entry per column, for screens; absent: every column stands alone and is always shown. */
  layout?: ColumnLayout[];
}

export const text = (value: string): Cell => ({ kind: 'text', value });
export const integer = (value: number): Cell => ({ kind: 'number', value, format: 'integer' });
/** Percentages to 3 decimals: finer than one event in 20,000. */
export const percent = (value: number): Cell => ({ kind: 'number', value, format: 'percent' });
/** Data values (means, thresholds) to 6 significant digits. */
export const significant = (value: number): Cell => ({ kind: 'number', value, format: 'significant' });
/** Every digit (shortest round-trip form), for tables that scripts read back. */
export const full = (value: number): Cell => ({ kind: 'number', value, format: 'full' });

/** The text of a number cell as CSV/TSV write it; '' when not finite. */
export function formatNumber(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) return '';
  switch (format) {
    case 'integer':
      return String(Math.round(value));
    case 'percent':
      return value.toFixed(3);
    case 'significant':
      return String(Number(value.toPrecision(6)));
    case 'full':
      return String(value);
    default: {
      const unknown: never = format;
      throw new Error(`unknown number format ${String(unknown)}`);
    }
  }
}

/** Text a spreadsheet would run as a formula (leading =, +, -, @) gets an apostrophe (OWASP "CSV injection"). */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(cell: Cell): string {
  if (cell.kind === 'number') return formatNumber(cell.value, cell.format);
  const guarded = guardFormula(cell.value);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One CSV record with its CRLF, for writers that stream rows (e.g. one row per event). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted with doubled quotes. */
export function renderCsv(table: Table): string {
  return [table.columns.map(text), ...table.rows].map(csvLine).join('');
}

function tsvField(cell: Cell): string {
  return cell.kind === 'number' ? formatNumber(cell.value, cell.format) : guardFormula(cell.value).replace(/[\t\r\n]+/g, ' ');
}

/** Tab-separated text, the format Excel, Prism and Sheets paste from the clipboard into cells. */
export function renderTsv(table: Table): string {
  return [table.columns.map(text), ...table.rows].map((row) => `${row.map(tsvField).join('\t')}\n`).join('');
}
