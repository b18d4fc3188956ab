/**
 * Every analysed tube of both assays as the experiment sees it: its sample-sheet row and its percentages, straight
 * from the rows the assay views show (the apoptosis live rows, the cell-cycle fits and range gates), so the
 * experiment's numbers are the tables' numbers.
 */
import type { Assay } from '../../analysis/sampleSheet.ts';
import type { CellCycleFit } from '../../cellcycle/types.ts';
import type { TubeResult } from '../../experiment/conditions.ts';
import { apoptosisMeasures, cellCycleMeasures } from '../../experiment/measures.ts';
import type { AppState } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import { liveRows, type LiveRow } from '../apoptosis/liveRows.ts';
import { type CellCycleSampleRow, sampleRows } from '../cellcycle/sampleRows.ts';

export interface ExperimentTube extends TubeResult {
  sampleId: SampleId;
  assay: Assay;
  /** False while its counts or fit are being brought up to date after an edit. */
  current: boolean;
  /** A cell-cycle tube's fit; null for apoptosis tubes. */
  fit: CellCycleFit | null;
}

export type ExperimentInput = Pick<
  AppState,
  'samples' | 'gating' | 'gatingResults' | 'apoptosisRun' | 'cellCycleFits' | 'cellCycleRun' | 'cellCycleOptions'
>;

/** The apoptosis tubes with results (controls included: conditions leave them out). */
export function apoptosisTubes(rows: readonly LiveRow[], samples: AppState['samples']): ExperimentTube[] {
  const annotations = new Map(samples.map((e) => [e.id, e.annotation]));
  return rows.flatMap((r) => {
    const annotation = annotations.get(r.sampleId);
    if (r.kind !== 'result' || !annotation) return [];
    return [{ tube: r.file, sampleId: r.sampleId, assay: 'apoptosis' as const, annotation, values: apoptosisMeasures(r.row), current: r.current, fit: null }];
  });
}

/** The fitted cell-cycle tubes. */
export function cellCycleTubes(rows: readonly CellCycleSampleRow[]): ExperimentTube[] {
  return rows.flatMap(({ entry, fit, rangeGates }) => {
    if (fit.kind !== 'fitted' || !entry.annotation) return [];
    const values = cellCycleMeasures(fit.result.fit, rangeGates);
    return [{ tube: entry.fileName, sampleId: entry.id, assay: 'cellCycle' as const, annotation: entry.annotation, values, current: fit.current && rangeGates !== null, fit: fit.result.fit }];
  });
}

export function experimentTubes(state: ExperimentInput): ExperimentTube[] {
  const run = state.apoptosisRun?.run;
  const apoptosis = run ? apoptosisTubes(liveRows({ run, samples: state.samples, gating: state.gating, results: state.gatingResults }), state.samples) : [];
  return [...apoptosis, ...cellCycleTubes(sampleRows(state))];
}
