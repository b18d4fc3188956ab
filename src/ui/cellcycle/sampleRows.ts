/**
 * One line per cell-cycle sample for the view and its exports: the sample's fit (current, or being redone after an
 * edit), and the live percentages of its range gates from the gating counts.
 */
import { strategyForSample } from '../../analysis/gatingDocument.ts';
import { PHASE_ORDER, PHASE_POPULATIONS, type Phase } from '../../cellcycle/cellCycleGates.ts';
import { cellCycleResultsTable, type CellCycleResultRow } from '../../cellcycle/resultsTable.ts';
import type { Table } from '../../export/table.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import type { AppState } from '../../state/store.ts';
import type { CellCycleFitResult } from '../../../workers/api.ts';
import { isCellCycleSample } from './analyseAll.ts';
import { planFit } from './fitPlan.ts';

export type SampleFitState =
  /** `current` is false while the sample is being refitted after an edit or an options change. */
  | { kind: 'fitted'; result: CellCycleFitResult; current: boolean }
  | { kind: 'failed'; message: string; current: boolean }
  | { kind: 'waiting' };

export interface CellCycleSampleRow {
  entry: SampleEntry;
  fit: SampleFitState;
  /** % of singlets in each range gate as it stands; null until counted. */
  rangeGates: Record<Phase, number> | null;
}

export type RowsInput = Pick<AppState, 'samples' | 'gating' | 'gatingResults' | 'cellCycleFits' | 'cellCycleRun' | 'cellCycleOptions'>;

function fitState(state: RowsInput, entry: SampleEntry): SampleFitState {
  const stored = state.cellCycleFits[entry.id];
  if (!stored || !state.cellCycleRun || entry.status.kind !== 'ready') return { kind: 'waiting' };
  const wanted = planFit(entry.id, entry.status.summary.activeDataset, strategyForSample(state.gating, entry.id, 'cellCycle'), state.cellCycleRun, state.cellCycleOptions);
  const current = stored.key === wanted?.key;
  return 'result' in stored ? { kind: 'fitted', result: stored.result, current } : { kind: 'failed', message: stored.error.message, current };
}

function rangeGates(state: RowsInput, entry: SampleEntry): Record<Phase, number> | null {
  const counts = state.gatingResults[entry.id]?.counts;
  const percents = PHASE_ORDER.map((phase) => counts?.find((c) => c.id === PHASE_POPULATIONS[phase])?.percentOfParent);
  if (percents.some((p) => p === undefined)) return null;
  return Object.fromEntries(PHASE_ORDER.map((phase, k) => [phase, percents[k]])) as Record<Phase, number>;
}

/** Cell-cycle samples in the order they were opened. */
export function sampleRows(state: RowsInput): CellCycleSampleRow[] {
  return state.samples.filter(isCellCycleSample).map((entry) => ({ entry, fit: fitState(state, entry), rangeGates: rangeGates(state, entry) }));
}

/** True when every sample has a fit or a failure for its gating and options as they stand. */
export function allCurrent(rows: readonly CellCycleSampleRow[]): boolean {
  return rows.every((row) => row.fit.kind !== 'waiting' && row.fit.current);
}

/** The results table of the fitted samples, with dose, time and the range gates' live percentages. */
export function resultsTable(rows: readonly CellCycleSampleRow[]): Table {
  const fitted = rows.flatMap((row): CellCycleResultRow[] => {
    if (row.fit.kind !== 'fitted') return [];
    const { fit, flags, offScale } = row.fit.result;
    const annotation = row.entry.annotation;
    return [{ file: row.entry.fileName, fit, flags, offScale, condition: { doseNm: annotation?.doseNm ?? null, timeH: annotation?.timeH ?? null }, rangeGatePercents: row.rangeGates ?? undefined }];
  });
  return cellCycleResultsTable(fitted);
}
