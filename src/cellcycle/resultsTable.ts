/**
 * The per-sample cell-cycle results as a table. Headers name each percentage's denominator: G0/G1 + S + G2/M add up
 * to 100% of the modelled cycling cells, while sub-G1, debris and aggregates are % of all singlets.
 * Rendering (CSV, clipboard, XLSX) is src/export's.
 */
import { integer, percent, significant, text, type Cell, type Table } from '../export/table.ts';
import type { PhaseRanges } from './phaseRanges.ts';
import type { CellCycleFit, QualityFlag } from './types.ts';

/** One sample's line of the cell-cycle results table. */
export interface CellCycleResultRow {
  file: string;
  fit: CellCycleFit;
  flags: QualityFlag[];
  /** Dose and time of the tube (the app's sample sheet); the columns appear when any row has them. */
  condition?: { doseNm: number | null; timeH: number | null };
  /** Events in each range gate as it stands, % of singlets; the columns appear when any row has them. */
  rangeGatePercents?: Record<keyof PhaseRanges, number>;
}

export const MODEL_NAMES = { djf: 'Dean-Jett-Fox', watson: 'Watson pragmatic', rectangle: 'Broadened rectangle' } as const;

const FIT_COLUMNS = [
  'Model', 'Singlets', 'Sub-G1 % of singlets', 'G0/G1 % of cycling', 'S % of cycling', 'G2/M % of cycling',
  'Cycling cells modelled', 'G0/G1 mean', 'G2/M mean', 'G0/G1 CV %', 'G2/M CV %', 'G2/G1 ratio', 'RCS',
  'Debris % of singlets', 'Aggregates % of singlets',
];
const CONDITION_COLUMNS = ['Dose (nM)', 'Time (h)'];
const RANGE_GATE_COLUMNS = ['Sub-G1 gate % of singlets', 'G0/G1 gate % of singlets', 'S gate % of singlets', 'G2/M gate % of singlets'];

const orEmpty = (value: number | null) => (value === null ? text('') : significant(value));

export function cellCycleResultsTable(rows: readonly CellCycleResultRow[]): Table {
  const conditions = rows.some((row) => row.condition);
  const rangeGates = rows.some((row) => row.rangeGatePercents);
  return {
    columns: ['File', ...(conditions ? CONDITION_COLUMNS : []), ...FIT_COLUMNS, ...(rangeGates ? RANGE_GATE_COLUMNS : []), 'Flags'],
    rows: rows.map(({ file, fit, flags, condition, rangeGatePercents }): Cell[] => [
      text(file),
      ...(conditions ? [orEmpty(condition?.doseNm ?? null), orEmpty(condition?.timeH ?? null)] : []),
      text(MODEL_NAMES[fit.model]),
      integer(fit.singlets),
      percent(fit.subG1Percent),
      percent(fit.g1Percent),
      percent(fit.sPercent),
      percent(fit.g2mPercent),
      integer(fit.cyclingEvents),
      significant(fit.g1Mean),
      significant(fit.g2Mean),
      percent(fit.g1CvPercent),
      percent(fit.g2CvPercent),
      significant(fit.g2g1Ratio),
      significant(fit.rcs),
      percent(fit.debrisPercent),
      percent(fit.aggregatesPercent),
      ...(rangeGates ? [rangeGatePercents?.subG1, rangeGatePercents?.g0g1, rangeGatePercents?.s, rangeGatePercents?.g2m].map((p) => percent(p ?? Number.NaN)) : []),
      text(flags.map((flag) => flag.message).join(' | ')),
    ]),
  };
}
