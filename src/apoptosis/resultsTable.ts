/**
 * The apoptosis results as a table a lab can paste into Prism or Excel: ASCII headers naming each count and
 * percentage with its denominator, one row per sample. Rendering (CSV, clipboard, XLSX) is src/export's.
 */
import { integer, percent, significant, text, type Table } from '../export/table.ts';
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from './populations.ts';
import type { ApoptosisResultRow } from './results.ts';

function asciiName(name: string): string {
  return name.replaceAll('−', '-').replaceAll('×', 'x');
}

const COLUMNS = [
  'File', 'Role', 'Events', 'Cells', 'Singlets',
  ...APOPTOSIS_POPULATION_KEYS.flatMap((key) => {
    const name = asciiName(APOPTOSIS_POPULATIONS[key].name);
    return [`${name} count`, `${name} % of singlets`];
  }),
  'Annexin V threshold (compensated)', 'PI threshold (compensated)', 'Thresholds adjusted for this sample', 'Compensation', 'Warnings',
];

export function apoptosisResultsTable(rows: readonly ApoptosisResultRow[]): Table {
  return {
    columns: COLUMNS,
    rows: rows.map((row) => [
      text(row.file), text(ROLE_NAMES[row.role]), integer(row.events), integer(row.cells), integer(row.singlets),
      ...APOPTOSIS_POPULATION_KEYS.flatMap((key) => [integer(row.counts[key]), percent(row.percent[key])]),
      significant(row.thresholds.annexin),
      significant(row.thresholds.pi),
      text(row.thresholdsOverridden ? 'yes' : 'no'),
      text(row.compensation),
      text(row.warnings.map((w) => w.message).join(' | ')),
    ]),
  };
}
