/**
 * The experiment's workbook tables from the app's state: the same tables `flowfate report` writes (src/experiment
 * workbook.ts), from the rows the assay views show, the gating counts the worker returned, and each file's SHA-256.
 */
import { apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import type { CytometryClient } from '../../engine/cytometryClient.ts';
import { displayUnits } from '../../experiment/conditions.ts';
import type { TubeProvenance } from '../../experiment/provenance.ts';
import { fitPopulations, gatePopulations, type TubeRecord } from '../../experiment/tidyTable.ts';
import { experimentTables } from '../../experiment/workbook.ts';
import type { Table } from '../../export/table.ts';
import { FLOWFATE_VERSION } from '../../shared/version.ts';
import { readySummary } from '../../state/samplesSlice.ts';
import type { AppState } from '../../state/store.ts';
import { liveRows } from '../apoptosis/liveRows.ts';
import { resultsTable, sampleRows } from '../cellcycle/sampleRows.ts';
import { experimentTubes } from './experimentTubes.ts';

export async function appExperimentTables(state: AppState, client: CytometryClient, now: Date): Promise<{ name: string; table: Table }[]> {
  const tubes = experimentTubes(state);
  const records: TubeRecord[] = tubes.map((tube) => {
    const gated = state.gatingResults[tube.sampleId];
    const gates = gated ? gatePopulations(gated.strategy, gated.counts) : [];
    return { ...tube, populations: tube.fit ? [...gates, ...fitPopulations(tube.fit)] : gates };
  });
  const run = state.apoptosisRun?.run;
  const apoptosisRows = run ? liveRows({ run, samples: state.samples, gating: state.gating, results: state.gatingResults }).flatMap((r) => (r.kind === 'result' ? [r.row] : [])) : [];
  const cellCycleRows = sampleRows(state);
  const provenance = await Promise.all(
    tubes.map(async (tube): Promise<TubeProvenance> => {
      const summary = readySummary(state.samples.find((e) => e.id === tube.sampleId));
      const dataset = summary?.datasets[summary.activeDataset];
      const digest = await client.call((worker) => worker.fileSha256(tube.sampleId));
      return {
        tube: tube.tube, fileName: summary?.fileName ?? tube.tube, sha256: digest.ok ? digest.value : `not available: ${digest.error.message}`,
        dataset: summary ? `${summary.activeDataset + 1} of ${summary.datasets.length}` : '', assay: tube.assay,
        strategy: state.gatingResults[tube.sampleId]?.strategy ?? null, fileSpillover: dataset?.spillover ?? null,
      };
    }),
  );
  return experimentTables({
    tubes: records,
    units: displayUnits(tubes.map((t) => t.annotation)),
    wide: { apoptosis: apoptosisRows.length > 0 ? apoptosisResultsTable(apoptosisRows) : null, cellCycle: cellCycleRows.some((r) => r.fit.kind === 'fitted') ? resultsTable(cellCycleRows) : null },
    provenance,
    stamp: { version: FLOWFATE_VERSION, exportedAt: now },
  });
}
