/**
 * The experiment's workbook, the same from the app and from `flowfate report`: a summary (each condition's mean ±
 * SD and n, then the EC50 of every dose-response curve), the tidy long table, a wide sheet per assay (its per-tube
 * results with the sample-sheet columns) and the provenance of every tube's numbers.
 */
import type { Sheet } from '../export/xlsx.ts';
import type { Cell, Table } from '../export/table.ts';
import { groupByCondition, type DisplayUnits } from './conditions.ts';
import { doseResponseSeries } from './doseResponseSeries.ts';
import { conditionSummaryTable, ec50Table, measuresPresent } from './experimentTables.ts';
import { MEASURES } from './measures.ts';
import { type ExportStamp, provenanceTable, type TubeProvenance } from './provenance.ts';
import { sheetCells, sheetColumns, type SheetTube, tidyTable, type TubeRecord } from './tidyTable.ts';

export interface ExperimentWorkbookInput {
  tubes: readonly TubeRecord[];
  units: DisplayUnits;
  /** Each assay's per-tube results table as its view exports it (first column: the tube's file), or null. */
  wide: { apoptosis: Table | null; cellCycle: Table | null };
  provenance: readonly TubeProvenance[];
  stamp: ExportStamp;
}

/** The views' own role, dose and time columns, which the sheet's columns (with their units) replace. */
const REPLACED = new Set(['Role', 'Dose (nM)', 'Time (h)']);

/** An assay's per-tube table with the sample-sheet columns after the file (the first column, matched to `tube`). */
export function withSheetColumns(table: Table, tubes: readonly SheetTube[], units: DisplayUnits): Table {
  const byFile = new Map(tubes.map((t) => [t.tube, t]));
  const blank = sheetColumns(units).map((): Cell => ({ kind: 'text', value: '' }));
  const kept = table.columns.map((name, k) => (k > 0 && !REPLACED.has(name) ? k : -1)).filter((k) => k > 0);
  return {
    columns: [table.columns[0], ...sheetColumns(units), ...kept.map((k) => table.columns[k])],
    rows: table.rows.map((row) => {
      const file = row[0]?.kind === 'text' ? row[0].value : '';
      const tube = byFile.get(file);
      return [row[0], ...(tube ? sheetCells(tube, units) : blank), ...kept.map((k) => row[k])];
    }),
  };
}

/** The tables of the workbook by name, for the sheets and for their CSV and clipboard copies. */
export function experimentTables({ tubes, units, wide, provenance, stamp }: ExperimentWorkbookInput): { name: string; table: Table }[] {
  const groups = groupByCondition(tubes);
  const measures = measuresPresent(groups, MEASURES);
  const series = measures.flatMap((m) => doseResponseSeries(tubes, m.key, units));
  return [
    { name: 'Summary', table: conditionSummaryTable(groups, measures, units) },
    { name: 'EC50', table: ec50Table(series, units) },
    { name: 'Tidy', table: tidyTable(tubes, units) },
    ...(wide.apoptosis ? [{ name: 'Apoptosis', table: withSheetColumns(wide.apoptosis, tubes, units) }] : []),
    ...(wide.cellCycle ? [{ name: 'Cell cycle', table: withSheetColumns(wide.cellCycle, tubes, units) }] : []),
    { name: 'Provenance', table: provenanceTable(provenance, stamp) },
  ];
}

/** The workbook's sheets: the EC50 table sits below the condition summary on the first sheet. */
export function experimentSheets(tables: readonly { name: string; table: Table }[]): Sheet[] {
  const ec50 = tables.find((t) => t.name === 'EC50');
  return tables.flatMap((t): Sheet[] => {
    if (t.name === 'EC50') return [];
    if (t.name === 'Summary' && ec50) return [{ name: t.name, table: t.table, below: [{ title: 'EC50 of each dose-response curve (4-parameter logistic)', table: ec50.table }] }];
    return [{ name: t.name, table: t.table }];
  });
}
