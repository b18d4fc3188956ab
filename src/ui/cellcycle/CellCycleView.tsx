import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { ConditionSummary } from '../experiment/ConditionSummary.tsx';
import { cellCycleTubes } from '../experiment/experimentTubes.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { cellCycleSamples } from './analyseAll.ts';
import './cellcycle.css';
import { startCellCycleFitSync } from './fitSync.ts';
import { ResultsPanel } from './ResultsPanel.tsx';
import { SamplePanel } from './SamplePanel.tsx';
import { sampleRows } from './sampleRows.ts';

/** The PI DNA cell-cycle view: analyse every sample, inspect and edit one, read and export the results of all. */
export function CellCycleView() {
  const client = useClient();
  const store = useStoreApi();
  useEffect(() => startCellCycleFitSync(client, store), [client, store]);
  const input = useAppStore(
    useShallow((s) => ({
      samples: s.samples,
      gating: s.gating,
      gatingResults: s.gatingResults,
      cellCycleFits: s.cellCycleFits,
      cellCycleRun: s.cellCycleRun,
      cellCycleOptions: s.cellCycleOptions,
    })),
  );
  const selectedId = useAppStore((s) => s.selectedSampleId);
  const samples = useMemo(() => cellCycleSamples(input.samples), [input.samples]);
  const rows = useMemo(() => sampleRows(input), [input]);
  const tubes = useMemo(() => cellCycleTubes(rows), [rows]);
  const shown = rows.find((r) => r.entry.id === selectedId) ?? rows[0];
  // The gating sync re-gates only the selected sample during a drag, so the sample on screen must be the selected one.
  useEffect(() => {
    if (shown && shown.entry.id !== selectedId) store.getState().selectSample(shown.entry.id);
  }, [shown, selectedId, store]);

  if (samples.length === 0) {
    return <p className="hint">No PI DNA samples are open. Open FCS files with a DNA channel (e.g. PI-A with PI-W or PI-H), or the demo experiment.</p>;
  }
  const run = input.cellCycleRun;
  return (
    <div className="cell-cycle">
      <AnalysisPanel samples={samples} />
      {run && shown ? <SamplePanel rows={rows} row={shown} run={run} /> : <p className="hint">Analyse all samples to see each sample&rsquo;s singlet band, DNA histogram and fit.</p>}
      {run && shown && <ResultsPanel rows={rows} selectedId={shown.entry.id} />}
      {run && <ConditionSummary assay="cellCycle" tubes={tubes} />}
    </div>
  );
}
