/**
 * The apoptosis results as a table a lab can paste into Prism or Excel: ASCII headers naming each count and
 * percentage with its denominator, one row per sample. Rendering (CSV, clipboard, XLSX) is src/export's.
 */
import { integer, percent, significant, text, type Cell, type Table } from '../export/table.ts';
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from './populations.ts';
import type { ApoptosisResultRow } from './results.ts';

/** A tube's treatment as the sample sheet records it (null: not recorded). */
export interface TubeCondition {
  doseNm: number | null;
  timeH: number | null;
}

function asciiName(name: string): string {
  return name.replaceAll('−', '-').replaceAll('×', 'x');
}

const POPULATION_COLUMNS = APOPTOSIS_POPULATION_KEYS.flatMap((key) => {
  const name = asciiName(APOPTOSIS_POPULATIONS[key].name);
  return [`${name} count`, `${name} % of singlets`];
});

const RESULT_COLUMNS = ['Annexin V threshold (compensated)', 'PI threshold (compensated)', 'Thresholds adjusted for this sample', 'Compensation', 'Warnings'];

const conditionCell = (value: number | null | undefined): Cell => (value === null || value === undefined ? text('') : significant(value));

/**
 * One row per result. With `conditions` (file → dose and time, e.g. the app's sample sheet) the table also has
 * "Dose (nM)" and "Time (h)" columns after the role, so a dose–response can be plotted straight from it.
 */
export function apoptosisResultsTable(rows: readonly ApoptosisResultRow[], conditions?: ReadonlyMap<string, TubeCondition>): Table {
  return {
    columns: ['File', 'Role', ...(conditions ? ['Dose (nM)', 'Time (h)'] : []), 'Events', 'Cells', 'Singlets', ...POPULATION_COLUMNS, ...RESULT_COLUMNS],
    rows: rows.map((row) => [
      text(row.file), text(ROLE_NAMES[row.role]),
      ...(conditions ? [conditionCell(conditions.get(row.file)?.doseNm), conditionCell(conditions.get(row.file)?.timeH)] : []),
      integer(row.events), integer(row.cells), integer(row.singlets),
      ...APOPTOSIS_POPULATION_KEYS.flatMap((key) => [integer(row.counts[key]), percent(row.percent[key])]),
      significant(row.thresholds.annexin),
      significant(row.thresholds.pi),
      text(row.thresholdsOverridden ? 'yes' : 'no'),
      text(row.compensation),
      text(row.warnings.map((w) => w.message).join(' | ')),
    ]),
  };
}
