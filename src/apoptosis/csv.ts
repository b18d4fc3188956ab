/**
 * The results table as CSV a lab can paste into Prism or Excel (RFC 4180): comma-separated, CRLF line ends, fields
 * with commas, quotes or line breaks quoted with doubled quotes; ASCII headers naming each count and percentage
 * with its denominator; percentages to 3 decimals (finer than one event in 20,000), thresholds to 6 significant
 * digits; empty cells for undefined percentages. Text cells that a spreadsheet would run as a formula (leading
 * =, +, −, @) get a leading apostrophe (OWASP "CSV injection").
 */
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from './populations.ts';
import type { ApoptosisResultRow } from './results.ts';

type Cell = { kind: 'text'; value: string } | { kind: 'number'; value: number; digits: 'integer' | 'percent' | 'significant' };

const text = (value: string): Cell => ({ kind: 'text', value });
const integer = (value: number): Cell => ({ kind: 'number', value, digits: 'integer' });

function asciiName(name: string): string {
  return name.replaceAll('−', '-').replaceAll('×', 'x');
}

const HEADER = [
  'File', 'Role', 'Events', 'Cells', 'Singlets',
  ...APOPTOSIS_POPULATION_KEYS.flatMap((key) => {
    const name = asciiName(APOPTOSIS_POPULATIONS[key].name);
    return [`${name} count`, `${name} % of singlets`];
  }),
  'Annexin V threshold (compensated)', 'PI threshold (compensated)', 'Thresholds adjusted for this sample', 'Compensation', 'Warnings',
];

function cellsOf(row: ApoptosisResultRow): Cell[] {
  return [
    text(row.file), text(ROLE_NAMES[row.role]), integer(row.events), integer(row.cells), integer(row.singlets),
    ...APOPTOSIS_POPULATION_KEYS.flatMap((key): Cell[] => [integer(row.counts[key]), { kind: 'number', value: row.percent[key], digits: 'percent' }]),
    { kind: 'number', value: row.thresholds.annexin, digits: 'significant' },
    { kind: 'number', value: row.thresholds.pi, digits: 'significant' },
    text(row.thresholdsOverridden ? 'yes' : 'no'),
    text(row.compensation),
    text(row.warnings.map((w) => w.message).join(' | ')),
  ];
}

function formatCell(cell: Cell): string {
  switch (cell.kind) {
    case 'number': {
      if (!Number.isFinite(cell.value)) return '';
      if (cell.digits === 'integer') return String(Math.round(cell.value));
      if (cell.digits === 'percent') return cell.value.toFixed(3);
      return String(Number(cell.value.toPrecision(6)));
    }
    case 'text': {
      const guarded = /^[=+\-@\t\r]/.test(cell.value) ? `'${cell.value}` : cell.value;
      return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
    }
    default: {
      const unknown: never = cell;
      throw new Error(`unknown cell ${JSON.stringify(unknown)}`);
    }
  }
}

/** The whole table, header first, one line per row, each line ending in CRLF. */
export function renderApoptosisCsv(rows: readonly ApoptosisResultRow[]): string {
  const lines = [HEADER.map((h) => formatCell(text(h))), ...rows.map((row) => cellsOf(row).map(formatCell))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
