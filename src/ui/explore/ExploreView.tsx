import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { fileCompensationFor } from '../../analysis/axes.ts';
import { suggestDnaChannels } from '../../cellcycle/dnaChannels.ts';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import { readySummary } from '../../state/samplesSlice.ts';
import { useAppStore } from '../../state/store.ts';
import type { DatasetSummary, SampleId } from '../../../workers/api.ts';
import { GateEditor } from '../gating/GateEditor.tsx';
import { GatesFiles } from '../gating/GatesFiles.tsx';
import { GroupPicker } from '../gating/GroupPicker.tsx';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { PopulationTree } from '../gating/PopulationTree.tsx';
import { StatisticsPanel } from '../gating/StatisticsPanel.tsx';
import { defaultHistogramChannel, defaultScatterChannels } from './defaultChannels.ts';
import { DensityCard } from './DensityCard.tsx';
import { HistogramCard } from './HistogramCard.tsx';
import { useQuietAfter } from '../useQuietAfter.ts';
import { useAxis } from './useAxis.ts';

/** How long the page must be left alone after the first plot before the rest of the page is computed. */
const QUIET_MS = 600;

/** Any channel of any sample: a two-parameter plot, a histogram, the population tree, gates and statistics. */
export function ExploreView() {
  const sampleId = useAppStore((s) => s.selectedSampleId);
  const summary = useAppStore((s) => readySummary(s.samples.find((e) => e.id === s.selectedSampleId)));
  if (!sampleId || !summary) return <p className="hint">Select a sample to plot it.</p>;
  const dataset = summary.datasets[summary.activeDataset];
  return <ExplorePlots sampleId={sampleId} datasetKey={`${sampleId}/${summary.activeDataset}`} dataset={dataset} fileName={summary.fileName} />;
}

interface ExplorePlotsProps {
  sampleId: SampleId;
  /** Changes when another data set of the file is analysed. */
  datasetKey: string;
  dataset: DatasetSummary;
  fileName: string;
}

function ExplorePlots({ sampleId, datasetKey, dataset, fileName }: ExplorePlotsProps) {
  const names = new Set(dataset.channels.map((c) => c.name));
  const chosen = useAppStore(useShallow((s) => ({ x: s.xChannel, y: s.yChannel, h: s.histogramChannel })));
  const defaults = defaultScatterChannels(dataset.channels);
  const xChannel = chosen.x && names.has(chosen.x) ? chosen.x : defaults.x;
  const yChannel = chosen.y && names.has(chosen.y) ? chosen.y : defaults.y;
  const histogramChannel = chosen.h && names.has(chosen.h) ? chosen.h : defaultHistogramChannel(dataset.channels);
  const compensation = (channel: string) => fileCompensationFor(channel, dataset.spillover);
  // DNA content (and its pulse width) of a cell-cycle tube is read on a linear axis, as in the cell-cycle view.
  const assay = useAppStore((s) => s.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null);
  const dna = assay === 'cellCycle' ? suggestDnaChannels(dataset.channels) : null;
  const kindOf = (channel: string) => (channel === dna?.dna || channel === dna?.pulse?.channel ? 'linear' : undefined);
  const xAxis = useAxis(sampleId, xChannel, compensation(xChannel), true, kindOf(xChannel));
  const yAxis = useAxis(sampleId, yChannel, compensation(yChannel), true, kindOf(yChannel));
  // The first plot waits for nothing it does not show, and what it does not show waits for the user: the histogram's
  // axis is fitted once the density is drawn and the user has left the page alone for a moment, so an axis changed
  // right after loading is answered as quickly as one changed later.
  const [drawn, setDrawn] = useState(false);
  const [histogramDrawn, setHistogramDrawn] = useState(false);
  const quiet = useQuietAfter(drawn, QUIET_MS, datasetKey);
  const hAxis = useAxis(sampleId, histogramChannel, compensation(histogramChannel), quiet, kindOf(histogramChannel));
  const display = (name: string) => dataset.channels.find((c) => c.name === name)?.display ?? name;
  // Plots follow the strategy the worker has confirmed, keyed by the plotted population's lineage only, so moving
  // a child gate (or new counts arriving) re-renders none of the plots.
  const { population, populationName, lineage } = useAppStore(
    useShallow((s) => {
      const result = s.gatingResults[sampleId];
      const plotted = result?.counts.find((p) => p.id === s.plottedPopulation) ?? null;
      const id = plotted?.id ?? null;
      return { population: id, populationName: plotted?.name ?? 'All events', lineage: result ? lineageKey(result.strategy, id) : 'all events' };
    }),
  );
  const revision = `${datasetKey}|${lineage}`;

  return (
    <div className="explore">
      <section className="plots" aria-label={`Plots of ${fileName}`}>
        <div className="page-actions">
          <HistoryButtons />
          <GroupPicker sampleId={sampleId} />
          <GatesFiles sampleId={sampleId} />
        </div>
        <DensityCard
          sampleId={sampleId}
          revision={revision}
          population={population}
          populationName={populationName}
          channels={dataset.channels}
          x={{ channel: xChannel, axis: xAxis }}
          y={{ channel: yChannel, axis: yAxis }}
          display={display}
          onDrawn={setDrawn}
        />
        <HistogramCard
          sampleId={sampleId}
          fileName={fileName}
          revision={revision}
          population={population}
          populationName={populationName}
          channels={dataset.channels}
          channel={histogramChannel}
          axis={hAxis}
          display={display}
          onDrawn={setHistogramDrawn}
        />
      </section>
      <aside className="side-panels">
        <PopulationTree sampleId={sampleId} eventCount={dataset.eventCount} />
        <GateEditor sampleId={sampleId} />
        <StatisticsPanel
          sampleId={sampleId}
          revision={revision}
          population={population}
          populationName={populationName}
          channels={dataset.channels}
          plotted={[xChannel, yChannel, histogramChannel]}
          enabled={quiet && histogramDrawn}
        />
      </aside>
    </div>
  );
}
