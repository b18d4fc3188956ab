import { useId, useState } from 'react';
import { cellCyclePopulations } from '../../cellcycle/cellCycleGates.ts';
import type { CellCycleRun } from '../../state/cellCycleSlice.ts';
import { useStoreApi } from '../../state/store.ts';
import { GateEditor } from '../gating/GateEditor.tsx';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { NumberField } from '../NumberField.tsx';
import { CellsPlot } from './CellsPlot.tsx';
import { CopyFromControl } from './CopyFromControl.tsx';
import { dnaDisplay } from './displayRange.ts';
import { DnaHistogramPlot } from './DnaHistogramPlot.tsx';
import { FitSummary } from './FitSummary.tsx';
import { PhaseGates } from './PhaseGates.tsx';
import type { CellCycleSampleRow } from './sampleRows.ts';
import { SingletPlot } from './SingletPlot.tsx';
import { useLinearAxis } from './useLinearAxis.ts';

interface SamplePanelProps {
  rows: readonly CellCycleSampleRow[];
  row: CellCycleSampleRow;
  run: CellCycleRun;
}

/** One sample on one screen: its singlet band, its DNA histogram with the model and the ranges, and the fit's numbers. */
export function SamplePanel({ rows, row, run }: SamplePanelProps) {
  const store = useStoreApi();
  const id = useId();
  const { entry, fit } = row;
  const summary = entry.status.kind === 'ready' ? entry.status.summary : null;
  const channels = summary?.datasets[summary.activeDataset].channels ?? [];
  const datasetKey = `${entry.id}/${summary?.activeDataset ?? 0}`;
  const display = (name: string) => channels.find((c) => c.name === name)?.display ?? name;
  const { refs } = run;
  const dnaAxis = useLinearAxis(entry.id, datasetKey, refs.dna);
  const { cells, singlets } = cellCyclePopulations({ scatter: refs.scatter !== null, pulse: refs.pulse !== null });
  const result = fit.kind === 'fitted' ? fit.result : null;
  const [requestedMax, setRequestedMax] = useState<number | null>(null);
  const range = result && dnaDisplay(result.histogram, result.fit, requestedMax);

  return (
    <section className="cell-cycle-sample" aria-label={`Cell cycle of ${entry.fileName}`}>
      <div className="sample-choice">
        <label htmlFor={`${id}-sample`}>Sample</label>
        <select id={`${id}-sample`} value={entry.id} onChange={(e) => store.getState().selectSample(e.currentTarget.value)}>
          {rows.map((r) => (
            <option key={r.entry.id} value={r.entry.id}>
              {r.entry.fileName}
            </option>
          ))}
        </select>
        <HistoryButtons />
        {range && (
          <label className="axis-max">
            Show {display(refs.dna.channel)} up to
            <NumberField className="short" label="DNA axis maximum" value={requestedMax ?? range.max} min={0} step={1024} allowEmpty onChange={setRequestedMax} />
          </label>
        )}
        {fit.kind !== 'waiting' && !fit.current && <span role="status">Refitting after the change…</span>}
        {fit.kind === 'waiting' && <span role="status">Fitting…</span>}
      </div>
      <div className="cell-cycle-plots">
        {refs.scatter && <CellsPlot sampleId={entry.id} datasetKey={datasetKey} fileName={entry.fileName} fsc={refs.scatter.fsc} ssc={refs.scatter.ssc} display={display} />}
        {refs.pulse && (
          <SingletPlot
            sampleId={entry.id}
            datasetKey={datasetKey}
            population={cells}
            populationName={cells === null ? entry.fileName : `cells of ${entry.fileName}`}
            dna={refs.dna}
            pulse={refs.pulse.ref}
            dnaMax={range?.max ?? null}
            band={run.bands[entry.id]?.vertices ?? null}
            display={display}
          />
        )}
        {dnaAxis && result && range && (
          <DnaHistogramPlot sampleId={entry.id} fileName={entry.fileName} axis={dnaAxis} population={singlets} result={result} range={range} display={display} />
        )}
        {fit.kind === 'failed' && (
          <p role="alert" className="error">
            {entry.fileName} could not be fitted: {fit.message}
          </p>
        )}
      </div>
      <aside className="cell-cycle-side">
        {result && <FitSummary fileName={entry.fileName} result={result} />}
        <PhaseGates sampleId={entry.id} dna={refs.dna} parent={singlets} parentName={refs.pulse ? 'singlets' : refs.scatter ? 'cells' : 'all events'} fit={result?.fit ?? null} />
        {result && <CopyFromControl fileName={entry.fileName} fit={result.fit} />}
        <GateEditor sampleId={entry.id} />
      </aside>
    </section>
  );
}
