import { schemeTableau10 } from 'd3';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import type { PopulationId } from '../../gating/types.ts';
import { type HistogramScales, HistogramPlot } from '../../plots/HistogramPlot.tsx';
import { type AppState, useAppStore, useStoreApi } from '../../state/store.ts';
import { HISTOGRAM_TOOLS, type ToolKind } from '../../tools/tool.ts';
import type { ChannelSummary, SampleId } from '../../../workers/api.ts';
import { useClient } from '../context.ts';
import { FigureExport } from '../figure/FigureExport.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { GateToolbar } from '../gating/GateToolbar.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { ChannelPicker } from './ChannelPicker.tsx';
import { changeAxisKind } from './useAxis.ts';
import { useAxisTitle } from '../axisTitle.ts';

const BINS = 256;
/** Overlays beyond this many series stop being readable. */
const MAX_OVERLAYS = 6;

/** One histogram drawn: a sample's population (null: all events), keyed by its lineage so it is re-binned only when that changes. */
interface Series {
  id: SampleId;
  fileName: string;
  population: PopulationId | null;
  lineage: string;
}

/** Samples that could be overlaid; the lineage (what decides their events) only of those that are. */
function otherSeries(state: AppState, sampleId: SampleId, channel: string, population: PopulationId | null, overlaid: readonly SampleId[]): Series[] {
  return state.samples.flatMap((e) => {
    if (e.id === sampleId || e.status.kind !== 'ready') return [];
    const summary = e.status.summary;
    if (!summary.datasets[summary.activeDataset].channels.some((c) => c.name === channel)) return [];
    const result = state.gatingResults[e.id];
    const has = population !== null && result?.counts.some((p) => p.id === population);
    const lineage = result && overlaid.includes(e.id) ? lineageKey(result.strategy, has ? population : null) : '';
    return [{ id: e.id, fileName: e.fileName, population: has ? population : null, lineage }];
  });
}

interface HistogramCardProps {
  sampleId: SampleId;
  fileName: string;
  revision: string;
  population: PopulationId | null;
  populationName: string;
  channels: ChannelSummary[];
  channel: string;
  axis: AxisSpec | null;
  display(channel: string): string;
  /** Tells the page when the histogram has arrived (statistics wait for it). */
  onDrawn?(drawn: boolean): void;
}

/** The histogram of the explore page, with gates, overlays of other samples (same population) and figure export. */
export function HistogramCard({ sampleId, fileName, revision, population, populationName, channels, channel, axis, display, onDrawn }: HistogramCardProps) {
  const axisTitleOf = useAxisTitle(sampleId);
  const client = useClient();
  const store = useStoreApi();
  const modeId = useId();
  const figure = useRef<HTMLElement>(null);
  const [tool, setTool] = useState<ToolKind>('select');
  const [mode, setMode] = useState<'count' | 'percentOfMax'>('count');
  const [overlaid, setOverlaid] = useState<SampleId[]>([]);
  // Other ready samples that have the channel: their population of the same id (if gated) or all events. Selected as
  // a string, so gating changes that leave these series as they are do not re-render the histogram.
  const othersKey = useAppStore((s) => JSON.stringify(otherSeries(s, sampleId, channel, population, overlaid)));
  const others = useMemo(() => JSON.parse(othersKey) as Series[], [othersKey]);
  const series = useMemo(
    () => [{ id: sampleId, fileName, population, lineage: revision }, ...others.filter((o) => overlaid.includes(o.id))],
    [sampleId, fileName, population, revision, others, overlaid],
  );
  const histograms = useWorkerQuery(axis ? JSON.stringify(['histograms', axis, series]) : null, (worker) =>
    Promise.all(series.map((s) => worker.histogram({ sampleId: s.id, population: s.population, axis: axis!, bins: BINS }))),
  );
  const drawnOnce = histograms.data !== null;
  useEffect(() => onDrawn?.(drawnOnce), [drawnOnce, onDrawn]);
  const label = `Histogram of ${display(channel)} of ${populationName}`;
  const drawn = useMemo(() => {
    const names = (s: Series) => (s.population === population ? s.fileName : `${s.fileName} (all events)`);
    const data = histograms.data;
    if (!data || data.length !== series.length) return null;
    return data.map((h, k) => ({ name: names(series[k]), counts: h.counts, colour: schemeTableau10[k % 10] }));
  }, [histograms.data, series, population]);

  const gates = (scales: HistogramScales) =>
    axis && (
      <GateOverlay key={tool} sampleId={sampleId} population={population} x={axis} y={null} scales={scales} tool={tool} onToolChange={setTool} channelLabel={display} />
    );

  return (
    <div className="plot-card">
      <div className="plot-controls">
        <ChannelPicker
          name="Histogram"
          channels={channels}
          channel={channel}
          axis={axis}
          onChannel={(h) => store.getState().setChannels({ histogramChannel: h })}
          onKind={(kind) => axis && void changeAxisKind(client, store, sampleId, axis, kind)}
          onRange={(domain) => axis && store.getState().setAxis({ ...axis, domain })}
        />
        <span className="control-pair">
          <label htmlFor={modeId}>Height</label>
          <select id={modeId} value={mode} onChange={(e) => setMode(e.currentTarget.value as typeof mode)}>
            <option value="count">Events</option>
            <option value="percentOfMax">% of maximum</option>
          </select>
        </span>
        {others.length > 0 && (
          <details className="overlay-picker">
            <summary>Overlay samples ({overlaid.length})</summary>
            <fieldset>
              <legend>Samples drawn over this histogram</legend>
              {others.map((o) => (
                <label key={o.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={overlaid.includes(o.id)}
                    disabled={!overlaid.includes(o.id) && overlaid.length >= MAX_OVERLAYS}
                    onChange={(e) => {
                      // Read the event now: React clears currentTarget before the updater runs.
                      const checked = e.currentTarget.checked;
                      setOverlaid((ids) => (checked ? [...ids, o.id] : ids.filter((id) => id !== o.id)));
                    }}
                  />
                  {o.fileName}
                </label>
              ))}
            </fieldset>
          </details>
        )}
        <GateToolbar label="Gate tools of the histogram" tools={HISTOGRAM_TOOLS} value={tool} onChange={setTool} />
        <FigureExport figure={figure} label={label} subject={fileName} />
      </div>
      {histograms.error && (
        <p role="alert" className="error">
          {histograms.error}
        </p>
      )}
      {axis && histograms.data && drawn && (
        <HistogramPlot
          ref={figure}
          label={label}
          series={drawn}
          mode={mode}
          axis={axis}
          xLabel={axisTitleOf(axis)}
          offScale={histograms.data[0].below + histograms.data[0].above}
          overlay={gates}
        />
      )}
    </div>
  );
}
