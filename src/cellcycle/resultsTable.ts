/**
 * The per-sample cell-cycle results as a table. Every percentage names its denominator and where it comes from, in
 * the same words on screen, in the app's exports and in the CLI's CSV: the fit's G0/G1 + S + G2/M add up to 100% of
 * the modelled cycling cells; range gates, the suggested sub-G1 range, debris and aggregates are % of singlets.
 * A component that was not modelled is an empty cell, never 0. Rendering (CSV, clipboard, XLSX) is src/export's.
 */
import { type Cell, type ColumnLayout, integer, percent, significant, type Table, text } from '../export/table.ts';
import type { OffScaleEvents } from './dnaHistogram.ts';
import type { PhaseRanges } from './phaseRanges.ts';
import type { CellCycleFit, QualityFlag, SecondPopulation } from './types.ts';

/** One sample's line of the cell-cycle results table. */
export interface CellCycleResultRow {
  file: string;
  fit: CellCycleFit;
  flags: QualityFlag[];
  /** Events off the DNA axis among those analysed; the column appears when any row has it. */
  offScale?: OffScaleEvents;
  /** Dose and time of the tube (the app's sample sheet); the columns appear when any row has them. */
  condition?: { doseNm: number | null; timeH: number | null };
  /** Events in each range gate as it stands, % of singlets; the columns appear when any row has them. */
  rangeGatePercents?: Record<keyof PhaseRanges, number>;
}

export const MODEL_NAMES = { djf: 'Dean-Jett-Fox', watson: 'Watson pragmatic', rectangle: 'Broadened rectangle' } as const;

type Column = [name: string, layout: ColumnLayout, cell: (row: CellCycleResultRow) => Cell];

const NOT_THERE = Number.NaN;
const modelled = (on: boolean, value: number) => percent(on ? value : NOT_THERE);
const rangeGate = (row: CellCycleResultRow, phase: keyof PhaseRanges) => percent(row.rangeGatePercents?.[phase] ?? NOT_THERE);
const conditionCell = (value: number | null | undefined) => (value === null || value === undefined ? text('') : significant(value));

/** Names used wherever a cell-cycle percentage is shown, so a number reads the same on screen and in every export. */
export const FIT_BASIS = '% of cycling cells (fit)';
export const RANGE_GATE_BASIS = '% of singlets (range gate)';

const CONDITION_COLUMNS: Column[] = [
  ['Dose (nM)', {}, (row) => conditionCell(row.condition?.doseNm)],
  ['Time (h)', {}, (row) => conditionCell(row.condition?.timeH)],
];

const COUNT_COLUMNS: Column[] = [
  ['Model', { detail: true }, (row) => text(MODEL_NAMES[row.fit.model])],
  ['Singlets', { detail: true }, (row) => integer(row.fit.singlets)],
  ['Cycling cells modelled', { detail: true }, (row) => integer(row.fit.cyclingEvents)],
];

/** Phase by phase: the fit's percentage, then (in the app) the live range gate's, under the phase's name. */
function phaseColumns(rangeGates: boolean): Column[] {
  const gate = (phase: keyof PhaseRanges, name: string): Column[] => (rangeGates ? [[`${name} ${RANGE_GATE_BASIS}`, { group: name }, (row) => rangeGate(row, phase)]] : []);
  return [
    ['Sub-G1 % of singlets (suggested range)', { group: 'Sub-G1', detail: true }, (row) => percent(row.fit.subG1Percent)],
    ...gate('subG1', 'Sub-G1'),
    [`G0/G1 ${FIT_BASIS}`, { group: 'G0/G1' }, (row) => percent(row.fit.g1Percent)],
    ...gate('g0g1', 'G0/G1'),
    [`S ${FIT_BASIS}`, { group: 'S' }, (row) => percent(row.fit.sPercent)],
    ...gate('s', 'S'),
    [`G2/M ${FIT_BASIS}`, { group: 'G2/M' }, (row) => percent(row.fit.g2mPercent)],
    ...gate('g2m', 'G2/M'),
  ];
}

const QUALITY_COLUMNS: Column[] = [
  ['G0/G1 mean', { group: 'G0/G1', detail: true }, (row) => significant(row.fit.g1Mean)],
  ['G2/M mean', { group: 'G2/M', detail: true }, (row) => significant(row.fit.g2Mean)],
  ['G0/G1 CV %', { group: 'G0/G1', detail: true }, (row) => percent(row.fit.g1CvPercent)],
  ['G2/M CV %', { group: 'G2/M', detail: true }, (row) => percent(row.fit.g2CvPercent)],
  ['G2/G1 ratio', {}, (row) => significant(row.fit.g2g1Ratio)],
  ['RCS', {}, (row) => significant(row.fit.rcs)],
  ['Debris % of singlets (model)', { detail: true }, (row) => modelled(row.fit.debrisModelled, row.fit.debrisPercent)],
  ['Aggregates % of singlets (model)', { detail: true }, (row) => modelled(row.fit.options.aggregates !== 'off', row.fit.aggregatesPercent)],
];

const OFF_SCALE_COLUMNS: Column[] = [['Off-scale % of events', { detail: true }, (row) => percent(row.offScale?.percent ?? NOT_THERE)]];

/** A second G0/G1-like population (internal standard, aneuploid clone): empty cells for a row without one. */
const SECOND_POPULATION_COLUMNS: Column[] = [
  ['Second population G0/G1 mean', { group: 'Second population', detail: true }, (row) => secondCell(row, (p) => significant(p.g1Mean))],
  ['Second population G0/G1 CV %', { group: 'Second population', detail: true }, (row) => secondCell(row, (p) => percent(p.g1CvPercent))],
  ['Second population DNA index (÷ first G0/G1)', { group: 'Second population' }, (row) => secondCell(row, (p) => significant(p.dnaIndex))],
  ['Second population % of modelled cells', { group: 'Second population' }, (row) => secondCell(row, (p) => percent(p.percentOfCells))],
];

function secondCell(row: CellCycleResultRow, cell: (population: SecondPopulation) => Cell): Cell {
  return row.fit.secondPopulation ? cell(row.fit.secondPopulation) : text('');
}

const FLAGS_COLUMN: Column = ['Flags', {}, (row) => text(row.flags.map((flag) => flag.message).join(' | '))];

export function cellCycleResultsTable(rows: readonly CellCycleResultRow[]): Table {
  const columns: Column[] = [
    ['File', {}, (row) => text(row.file)],
    ...(rows.some((row) => row.condition) ? CONDITION_COLUMNS : []),
    ...COUNT_COLUMNS,
    ...phaseColumns(rows.some((row) => row.rangeGatePercents)),
    ...QUALITY_COLUMNS,
    ...(rows.some((row) => row.offScale) ? OFF_SCALE_COLUMNS : []),
    ...(rows.some((row) => row.fit.secondPopulation) ? SECOND_POPULATION_COLUMNS : []),
    FLAGS_COLUMN,
  ];
  return {
    columns: columns.map(([name]) => name),
    layout: columns.map(([, layout]) => layout),
    rows: rows.map((row) => columns.map(([, , cell]) => cell(row))),
  };
}
