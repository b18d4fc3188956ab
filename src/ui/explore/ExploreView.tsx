import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import { readySummary } from '../../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { type HistogramScales, HistogramPlot } from '../../plots/HistogramPlot.tsx';
import type { DatasetSummary, SampleId } from '../../../workers/api.ts';
import { useClient } from '../context.ts';
import { GateEditor } from '../gating/GateEditor.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { GateToolbar } from '../gating/GateToolbar.tsx';
import { HistoryButtons } from '../gating/HistoryButtons.tsx';
import { PopulationTree } from '../gating/PopulationTree.tsx';
import { StatisticsPanel } from '../gating/StatisticsPanel.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { ChannelPicker } from './ChannelPicker.tsx';
import { defaultHistogramChannel, defaultScatterChannels } from './defaultChannels.ts';
import { changeAxisKind, useAxis } from './useAxis.ts';
import { DENSITY_TOOLS, HISTOGRAM_TOOLS, type ToolKind } from '../../tools/tool.ts';

/** Bins per axis of density grids: FlowJo-like resolution, 256 KB per grid. */
const DENSITY_BINS = 256;
const HISTOGRAM_BINS = 256;

/** Any channel of any sample: a density plot of two channels and a histogram of a third. */
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
  const client = useClient();
  const store = useStoreApi();
  const names = new Set(dataset.channels.map((c) => c.name));
  const chosen = useAppStore(useShallow((s) => ({ x: s.xChannel, y: s.yChannel, h: s.histogramChannel })));
  const defaults = defaultScatterChannels(dataset.channels);
  const xChannel = chosen.x && names.has(chosen.x) ? chosen.x : defaults.x;
  const yChannel = chosen.y && names.has(chosen.y) ? chosen.y : defaults.y;
  const histogramChannel = chosen.h && names.has(chosen.h) ? chosen.h : defaultHistogramChannel(dataset.channels);
  const compensation = 'FCS';
  const xAxis = useAxis(sampleId, xChannel, compensation);
  const yAxis = useAxis(sampleId, yChannel, compensation);
  const hAxis = useAxis(sampleId, histogramChannel, compensation);
  const display = (name: string) => dataset.channels.find((c) => c.name === name)?.display ?? name;
  // Plots follow the strategy the worker has confirmed, keyed by the plotted population's lineage only.
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const chosenPopulation = useAppStore((s) => s.plottedPopulation);
  const plotted = result?.counts.find((p) => p.id === chosenPopulation) ?? null;
  const population = plotted?.id ?? null;
  const lineage = result ? lineageKey(result.strategy, population) : 'all events';
  const populationName = plotted?.name ?? 'All events';
  const [densityTool, setDensityTool] = useState<ToolKind>('select');
  const [histogramTool, setHistogramTool] = useState<ToolKind>('select');
  const densityOverlay = (scales: PlotScales) => (
    <GateOverlay
      key={densityTool}
      sampleId={sampleId}
      population={population}
      x={xAxis!}
      y={yAxis!}
      scales={scales}
      tool={densityTool}
      onToolChange={setDensityTool}
      channelLabel={display}
    />
  );
  const histogramOverlay = (scales: HistogramScales) => (
    <GateOverlay
      key={histogramTool}
      sampleId={sampleId}
      population={population}
      x={hAxis!}
      y={null}
      scales={scales}
      tool={histogramTool}
      onToolChange={setHistogramTool}
      channelLabel={display}
    />
  );

  const density = useWorkerQuery(
    xAxis && yAxis ? JSON.stringify(['density', datasetKey, lineage, xAxis, yAxis]) : null,
    (worker) => worker.density({ sampleId, population, x: xAxis!, y: yAxis!, bins: DENSITY_BINS }),
  );
  const histogram = useWorkerQuery(
    hAxis ? JSON.stringify(['histogram', datasetKey, lineage, hAxis]) : null,
    (worker) => worker.histogram({ sampleId, population, axis: hAxis!, bins: HISTOGRAM_BINS }),
  );

  return (
    <div className="explore">
      <section className="plots" aria-label={`Plots of ${fileName}`}>
        <HistoryButtons />
        <div className="plot-card">
          <div className="plot-controls">
            <ChannelPicker
              name="X axis"
              channels={dataset.channels}
              channel={xChannel}
              axis={xAxis}
              onChannel={(x) => store.getState().setChannels({ xChannel: x })}
              onKind={(kind) => xAxis && void changeAxisKind(client, store, sampleId, xAxis, kind)}
            />
            <ChannelPicker
              name="Y axis"
              channels={dataset.channels}
              channel={yChannel}
              axis={yAxis}
              onChannel={(y) => store.getState().setChannels({ yChannel: y })}
              onKind={(kind) => yAxis && void changeAxisKind(client, store, sampleId, yAxis, kind)}
            />
            <GateToolbar label="Gate tools of the density plot" tools={DENSITY_TOOLS} value={densityTool} onChange={setDensityTool} />
          </div>
          {density.error && <p role="alert" className="error">{density.error}</p>}
          {xAxis && yAxis && (
            <DensityPlot
              label={`${display(xChannel)} vs ${display(yChannel)} of ${populationName}`}
              grid={density.data}
              x={xAxis}
              y={yAxis}
              xLabel={display(xChannel)}
              yLabel={display(yChannel)}
              overlay={densityOverlay}
            />
          )}
        </div>
        <div className="plot-card">
          <div className="plot-controls">
            <ChannelPicker
              name="Histogram"
              channels={dataset.channels}
              channel={histogramChannel}
              axis={hAxis}
              onChannel={(h) => store.getState().setChannels({ histogramChannel: h })}
              onKind={(kind) => hAxis && void changeAxisKind(client, store, sampleId, hAxis, kind)}
            />
            <GateToolbar label="Gate tools of the histogram" tools={HISTOGRAM_TOOLS} value={histogramTool} onChange={setHistogramTool} />
          </div>
          {histogram.error && <p role="alert" className="error">{histogram.error}</p>}
          {hAxis && histogram.data && (
            <HistogramPlot
              label={`Histogram of ${display(histogramChannel)} of ${populationName}`}
              series={[{ name: fileName, counts: histogram.data.counts, colour: '#3565a8' }]}
              axis={hAxis}
              xLabel={display(histogramChannel)}
              overlay={histogramOverlay}
            />
          )}
        </div>
      </section>
      <aside className="side-panels">
        <PopulationTree sampleId={sampleId} eventCount={dataset.eventCount} />
        <GateEditor sampleId={sampleId} />
        <StatisticsPanel
          sampleId={sampleId}
          revision={`${datasetKey}|${lineage}`}
          population={population}
          populationName={populationName}
          channels={dataset.channels}
          plotted={[xChannel, yChannel, histogramChannel]}
          enabled={density.data !== null}
        />
      </aside>
    </div>
  );
}
