import './experiment.css';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { displayUnits, groupByCondition } from '../../experiment/conditions.ts';
import { conditionSummaryTable, measuresPresent } from '../../experiment/experimentTables.ts';
import { MEASURES } from '../../experiment/measures.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { FaultBoundary } from '../boundary/FaultBoundary.tsx';
import { FigureExport } from '../figure/FigureExport.tsx';
import { ResultsTable } from '../results/ResultsTable.tsx';
import { CompositionChart } from './CompositionChart.tsx';
import { DoseResponseSection } from './DoseResponseSection.tsx';
import { DoseSeriesSection } from './DoseSeriesSection.tsx';
import { experimentTubes } from './experimentTubes.ts';
import { WorkbookExport } from './WorkbookExport.tsx';

/**
 * The experiment's answer on one page: each condition's apoptosis composition next to its cell-cycle composition,
 * the dose-response curves with their EC50s, the per-condition summary, the Annexin V × PI dose series, and the
 * workbook. Everything comes from the rows the assay views show, so it follows every gate edit.
 */
export function ExperimentView() {
  const store = useStoreApi();
  const input = useAppStore(
    useShallow((s) => ({
      samples: s.samples, gating: s.gating, gatingResults: s.gatingResults, apoptosisRun: s.apoptosisRun,
      cellCycleFits: s.cellCycleFits, cellCycleRun: s.cellCycleRun, cellCycleOptions: s.cellCycleOptions,
    })),
  );
  const experimentName = useAppStore((s) => s.experimentName);
  const tubes = useMemo(() => experimentTubes(input), [input]);
  const units = useMemo(() => displayUnits(tubes.map((t) => t.annotation)), [tubes]);
  const groups = useMemo(() => groupByCondition(tubes), [tubes]);
  const summary = useMemo(() => conditionSummaryTable(groups, measuresPresent(groups, MEASURES), units), [groups, units]);
  const composition = useRef<HTMLElement>(null);
  const updating = tubes.some((t) => !t.current);

  if (input.samples.length === 0) return <p className="hint">Open FCS files or the demo experiment: their results come together here, per condition and along the dose.</p>;
  if (tubes.length === 0) {
    return <p className="hint">Run the Annexin V / PI analysis (Apoptosis tab) and &ldquo;Analyse all samples&rdquo; (Cell cycle tab): their results come together here, per condition and along the dose.</p>;
  }
  return (
    <div className="experiment">
      <div className="experiment-header">
        <h2>Experiment</h2>
        <label className="inline-field">
          Experiment name
          <input value={experimentName} placeholder="names the exports" onChange={(event) => store.getState().setExperimentName(event.currentTarget.value)} />
        </label>
        <p className="muted" role="status">
          {tubes.length} analysed tubes in {groups.length} conditions{updating ? '; updating after an edit…' : '.'}
        </p>
      </div>
      <WorkbookExport disabled={updating} />
      {groups.length === 0 ? (
        <p className="hint">No tube has a condition yet: fill in cell line, compound, concentration and time in the Sample sheet.</p>
      ) : (
        <>
          <section aria-labelledby="composition-heading">
            <h3 id="composition-heading">Composition per condition</h3>
            <FigureExport figure={composition} label="Composition per condition" subject="" />
            <FaultBoundary what="The composition plot" size="plot">
              <CompositionChart ref={composition} groups={groups} units={units} label="Apoptosis and cell-cycle composition per condition (mean of replicates)" />
            </FaultBoundary>
          </section>
          <DoseResponseSection tubes={tubes} units={units} />
          <section aria-labelledby="summary-heading">
            <h3 id="summary-heading">Per condition (mean ± SD of replicates)</h3>
            <ResultsTable
              label="Experiment by condition"
              table={summary}
              rowIds={groups.map((g) => g.condition.key)}
              updating={updating}
              onSelect={(key) => {
                const first = groups.find((g) => g.condition.key === key)?.tubes[0];
                if (first) store.getState().selectSample(first.sampleId);
              }}
            />
          </section>
          <DoseSeriesSection tubes={tubes} units={units} />
        </>
      )}
    </div>
  );
}
