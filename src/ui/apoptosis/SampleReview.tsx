import { useEffect } from 'react';
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, CELLS_ID, SINGLETS_ID } from '../../apoptosis/populations.ts';
import { readySummary } from '../../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { ApoptosisRun } from '../../../workers/api.ts';
import { formatCount, formatPercent } from '../format.ts';
import type { LiveRow } from './liveRows.ts';
import { QuadrantScope } from './QuadrantScope.tsx';
import { ReviewPlot } from './ReviewPlot.tsx';
import { useQuadrantScope } from './useQuadrantScope.ts';

/**
 * Step 2: one sample at a time, the three plots a FlowJo user checks: the Cells gate on FSC × SSC, the Singlets
 * gate on FSC-A × FSC-H (or -W) of the cells (when the files have a pulse pair), and the quadrant on compensated
 * Annexin V × PI of the singlets (else of the cells), all editable, with the sample's live percentages and warnings.
 */
export function SampleReview({ run, rows }: { run: ApoptosisRun; rows: readonly LiveRow[] }) {
  const store = useStoreApi();
  const selected = useAppStore((s) => s.selectedSampleId);
  // Analysed samples that are still open and gated with the analysis's gates.
  const tubes = rows.flatMap((r) => (r.kind === 'result' ? [{ name: r.file, sampleId: r.sampleId }] : []));
  const tube = tubes.find((t) => t.sampleId === selected) ?? null;
  const reviewing = tube !== null;
  const firstSampleId = tubes[0]?.sampleId;
  // The reviewed sample is the app's selected one: the gating sync re-gates it first while a gate is dragged.
  useEffect(() => {
    if (!reviewing && firstSampleId) store.getState().selectSample(firstSampleId);
  }, [reviewing, firstSampleId, store]);
  const summary = useAppStore((s) => readySummary(s.samples.find((e) => e.id === tube?.sampleId)));
  if (!tube || !summary) return null;
  return (
    <section className="apoptosis-step" aria-labelledby="apoptosis-review-heading">
      <h3 id="apoptosis-review-heading">2. Review each sample</h3>
      <label className="inline-field">
        Sample to review
        <select value={tube.sampleId} onChange={(event) => store.getState().selectSample(event.currentTarget.value)}>
          {tubes.map((t) => (
            <option key={t.sampleId} value={t.sampleId}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <ReviewPlots key={tube.sampleId} run={run} sampleId={tube.sampleId} file={tube.name} datasetKey={`${tube.sampleId}/${summary.activeDataset}`} channels={summary.datasets[summary.activeDataset].channels} row={rows.find((r) => r.sampleId === tube.sampleId) ?? null} />
    </section>
  );
}

interface ReviewPlotsProps {
  run: ApoptosisRun;
  sampleId: string;
  file: string;
  datasetKey: string;
  channels: readonly { name: string; display: string }[];
  row: LiveRow | null;
}

function ReviewPlots({ run, sampleId, file, datasetKey, channels, row }: ReviewPlotsProps) {
  const { scatter, fluorescence } = run;
  const pair = scatter.singletPulse;
  const compensation = run.analysis.compensation.ref;
  const display = (name: string) => channels.find((c) => c.name === name)?.display ?? name;
  const scope = useQuadrantScope(sampleId, file);
  const common = { sampleId, fileName: file, datasetKey, display };
  return (
    <div className="review">
      <div className="review-plots">
        <ReviewPlot {...common} title="Cells" population={null} populationName="All events" x={{ channel: scatter.fsc, compensation: 'uncompensated' }} y={{ channel: scatter.ssc, compensation: 'uncompensated' }} />
        {pair && <ReviewPlot {...common} title="Singlets" population={CELLS_ID} populationName="Cells" x={{ channel: pair.area, compensation: 'uncompensated' }} y={{ channel: pair.pulse, compensation: 'uncompensated' }} />}
        <ReviewPlot
          {...common}
          title="Annexin V × PI (compensated)"
          population={pair ? SINGLETS_ID : CELLS_ID}
          populationName={pair ? 'Singlets' : 'Cells'}
          x={{ channel: fluorescence.annexin, compensation }}
          y={{ channel: fluorescence.pi, compensation }}
          onEditFinished={scope.onEditFinished}
        />
      </div>
      {scope.moved && <QuadrantScope moved={scope.moved} />}
      <SampleFigures file={file} row={row} />
    </div>
  );
}

function SampleFigures({ file, row }: { file: string; row: LiveRow | null }) {
  if (!row) return null;
  if (row.kind === 'problem') return <p role="alert" className="error">{row.message}</p>;
  const { counts, percent, singlets, cells, percentOf, thresholdsOverridden, warnings } = row.row;
  return (
    <div className="review-figures">
      <table aria-label={`Populations of ${file}`} aria-busy={!row.current}>
        <thead>
          <tr>
            <th scope="col">Population</th>
            <th scope="col">Count</th>
            <th scope="col">% of {percentOf}</th>
          </tr>
        </thead>
        <tbody>
          {APOPTOSIS_POPULATION_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">{APOPTOSIS_POPULATIONS[key].name}</th>
              <td className="number">{formatCount(counts[key])}</td>
              <td className="number">{formatPercent(percent[key])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{percentOf === 'singlets' ? 'Singlets' : 'Cells'}</th>
            <td className="number">{formatCount(singlets ?? cells)}</td>
            <td className="number">{formatPercent(100)}</td>
          </tr>
        </tfoot>
      </table>
      <div>
        {row.pending ? (
          <p className="flag">The quadrant is moved here until you say where it applies: all samples, or only this one (then flagged as adjusted).</p>
        ) : (
          thresholdsOverridden && <p className="flag">This sample has its own quadrant centre: it is flagged as adjusted in the results.</p>
        )}
        {warnings.length > 0 && (
          <ul className="apoptosis-warnings" aria-label={`Warnings about ${file}`}>
            {warnings.map((w) => (
              <li key={w.code + w.message} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
