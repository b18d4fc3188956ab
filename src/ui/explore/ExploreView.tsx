import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { fileCompensationFor } from '../../analysis/axes.ts';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import { readySummary } from '../../state/samplesSlice.ts';
import { useAppStore } from '../../state/store.ts';
import type { DatasetSummary, SampleId } from '../../../workers/api.ts';
import { GateEditor } from '../gating/GateEditor.tsx';
import { GatesFiles } from '../gating/GatesFiles.tsx';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { PopulationTree } from '../gating/PopulationTree.tsx';
import { StatisticsPanel } from '../gating/StatisticsPanel.tsx';
import { defaultHistogramChannel, defaultScatterChannels } from './defaultChannels.ts';
import { DensityCard } from './DensityCard.tsx';
import { HistogramCard } from './HistogramCard.tsx';
import { useAxis } from './useAxis.ts';

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
  const xAxis = useAxis(sampleId, xChannel, compensation(xChannel));
  const yAxis = useAxis(sampleId, yChannel, compensation(yChannel));
  const hAxis = useAxis(sampleId, histogramChannel, compensation(histogramChannel));
  const display = (name: string) => dataset.channels.find((c) => c.name === name)?.display ?? name;
  // Plots follow the strategy the worker has confirmed, keyed by the plotted population's lineage only, so moving
  // a child gate never re-bins its parent's plot.
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const chosenPopulation = useAppStore((s) => s.plottedPopulation);
  const plotted = result?.counts.find((p) => p.id === chosenPopulation) ?? null;
  const population = plotted?.id ?? null;
  const revision = `${datasetKey}|${result ? lineageKey(result.strategy, population) : 'all events'}`;
  const populationName = plotted?.name ?? 'All events';
  const [drawn, setDrawn] = useState(false);

  return (
    <div className="explore">
      <section className="plots" aria-label={`Plots of ${fileName}`}>
        <div className="page-actions">
          <HistoryButtons />
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
          enabled={drawn}
        />
      </aside>
    </div>
  );
}
