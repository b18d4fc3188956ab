/**
 * The apoptosis results as a table a lab can paste into Prism or Excel: ASCII headers naming each count and
 * percentage with its denominator, one row per sample. Rendering (CSV, clipboard, XLSX) is src/export's.
 */
import { type Cell, type ColumnLayout, integer, percent, significant, type Table, text } from '../export/table.ts';
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from './populations.ts';
import type { ApoptosisResultRow } from './results.ts';

/** A tube's treatment as the sample sheet records it (null: not recorded). */
export interface TubeCondition {
  doseNm: number | null;
  timeH: number | null;
}

/** Export headers are ASCII ("AnnV-/PI-"), so every spreadsheet and script reads them. */
export function asciiName(name: string): string {
  return name.replaceAll('−', '-').replaceAll('×', 'x');
}

type Column = [name: string, layout: ColumnLayout];

/**
 * Each population's count and percentage under the population's name; on screen the counts are details. The
 * percentages are of singlets, or of cells when the files have no singlet gate.
 */
function populationColumns(of: ApoptosisResultRow['percentOf']): Column[] {
  return APOPTOSIS_POPULATION_KEYS.flatMap((key): Column[] => {
    const group = asciiName(APOPTOSIS_POPULATIONS[key].name);
    return [[`${group} count`, { group, detail: true }], [`${group} % of ${of}`, { group }]];
  });
}

const CONDITION_COLUMNS: Column[] = [['Dose (nM)', {}], ['Time (h)', {}]];
const COUNT_COLUMNS: Column[] = [['Events', { detail: true }], ['Cells', { detail: true }], ['Singlets', { detail: true }]];

/** Whether the sample has its own quadrant centre ("yes"/"no"): the column the screen also marks while undecided. */
export const ADJUSTED_COLUMN = 'Thresholds adjusted for this sample';

const RESULT_COLUMNS: Column[] = [
  ['Annexin V threshold (compensated)', { detail: true }],
  ['PI threshold (compensated)', { detail: true }],
  ['Annexin V threshold source', { detail: true }],
  ['PI threshold source', { detail: true }],
  [ADJUSTED_COLUMN, {}],
  ['Compensation', { detail: true }],
  ['Warnings', { detail: true }],
];

const conditionCell = (value: number | null | undefined): Cell => (value === null || value === undefined ? text('') : significant(value));

/**
 * One row per result. With `conditions` (file → dose and time, e.g. the app's sample sheet) the table also has
 * "Dose (nM)" and "Time (h)" columns after the role, so a dose–response can be plotted straight from it.
 */
export function apoptosisResultsTable(rows: readonly ApoptosisResultRow[], conditions?: ReadonlyMap<string, TubeCondition>): Table {
  const columns: Column[] = [
    ['File', {}], ['Role', {}], ...(conditions ? CONDITION_COLUMNS : []), ...COUNT_COLUMNS, ...populationColumns(rows[0]?.percentOf ?? 'singlets'), ...RESULT_COLUMNS,
  ];
  return {
    columns: columns.map(([name]) => name),
    layout: columns.map(([, layout]) => layout),
    rows: rows.map((row) => [
      text(row.file), text(ROLE_NAMES[row.role]),
      ...(conditions ? [conditionCell(conditions.get(row.file)?.doseNm), conditionCell(conditions.get(row.file)?.timeH)] : []),
      integer(row.events), integer(row.cells), row.singlets === null ? text('no singlet gate') : integer(row.singlets),
      ...APOPTOSIS_POPULATION_KEYS.flatMap((key) => [integer(row.counts[key]), percent(row.percent[key])]),
      significant(row.thresholds.annexin),
      significant(row.thresholds.pi),
      text(row.thresholdSources.annexin),
      text(row.thresholdSources.pi),
      text(row.thresholdsOverridden ? 'yes' : 'no'),
      text(row.compensation),
      text(row.warnings.map((w) => w.message).join(' | ')),
    ]),
  };
}
