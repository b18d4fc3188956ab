import type { CellCycleFit, QualityFlag } from './types.ts';

/** One sample's line of the cell-cycle results table. */
export interface CellCycleResultRow {
  file: string;
  fit: CellCycleFit;
  flags: QualityFlag[];
}

const MODEL_NAMES = { djf: 'Dean-Jett-Fox', watson: 'Watson pragmatic', rectangle: 'Broadened rectangle' } as const;

const HEADER = [
  'File', 'Model', 'Singlets', 'Sub-G1 % of singlets', 'G0/G1 % of cycling', 'S % of cycling', 'G2/M % of cycling',
  'Cycling cells modelled', 'G0/G1 mean', 'G2/M mean', 'G0/G1 CV %', 'G2/M CV %', 'G2/G1 ratio', 'RCS',
  'Debris % of singlets', 'Aggregates % of singlets', 'Flags',
];

/**
 * The per-sample results as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
 * quoted with doubled quotes). Headers name each percentage's denominator: G0/G1 + S + G2/M add up to 100% of the
 * modelled cycling cells, while sub-G1, debris and aggregates are % of all singlets. Text a spreadsheet would run as a
 * formula (leading =, +, -, @) gets a leading apostrophe (OWASP "CSV injection").
 */
export function renderCellCycleCsv(rows: readonly CellCycleResultRow[]): string {
  const lines = [HEADER.map(textField), ...rows.map(({ file, fit, flags }) => [
    textField(file),
    textField(MODEL_NAMES[fit.model]),
    String(Math.round(fit.singlets)),
    percent(fit.subG1Percent),
    percent(fit.g1Percent),
    percent(fit.sPercent),
    percent(fit.g2mPercent),
    String(Math.round(fit.cyclingEvents)),
    significant(fit.g1Mean),
    significant(fit.g2Mean),
    percent(fit.g1CvPercent),
    percent(fit.g2CvPercent),
    fit.g2g1Ratio.toFixed(4),
    fit.rcs.toFixed(3),
    percent(fit.debrisPercent),
    percent(fit.aggregatesPercent),
    textField(flags.map((flag) => flag.message).join(' | ')),
  ])];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

function percent(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '';
}

function significant(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
}

function textField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
