import { useEffect, useId, useRef, useState } from 'react';
import type { AxisSpec, BivariateKind } from '../../analysis/axes.ts';
import type { PopulationId } from '../../gating/types.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { DENSITY_TOOLS, type ToolKind } from '../../tools/tool.ts';
import type { ChannelSummary, SampleId } from '../../../workers/api.ts';
import { useClient } from '../context.ts';
import { FigureExport } from '../figure/FigureExport.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { GateToolbar } from '../gating/GateToolbar.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { ChannelPicker } from './ChannelPicker.tsx';
import { changeAxisKind } from './useAxis.ts';
import { useAxisTitle } from '../axisTitle.ts';

/** Bins per axis: FlowJo-like resolution for density and contours (256 KB per grid); dots at about one per pixel. */
const BINS: Record<BivariateKind, number> = { density: 256, contour: 256, dot: 512 };
const KINDS: readonly { kind: BivariateKind; label: string }[] = [
  { kind: 'density', label: 'Pseudocolour density' },
  { kind: 'dot', label: 'Dot plot' },
  { kind: 'contour', label: 'Contour (10% probability) with outliers' },
];

interface DensityCardProps {
  sampleId: SampleId;
  /** Changes whenever the plotted events can change (data set, the plotted population's lineage). */
  revision: string;
  population: PopulationId | null;
  populationName: string;
  channels: ChannelSummary[];
  x: { channel: string; axis: AxisSpec | null };
  y: { channel: string; axis: AxisSpec | null };
  display(channel: string): string;
  /** Tells the page when the first grid has arrived (statistics wait for it). */
  onDrawn?(drawn: boolean): void;
}

/** The bivariate plot of the explore page: channel, scale and range pickers, plot kind, gates, figure export. */
export function DensityCard({ sampleId, revision, population, populationName, channels, x, y, display, onDrawn }: DensityCardProps) {
  const axisTitleOf = useAxisTitle(sampleId);
  const client = useClient();
  const store = useStoreApi();
  const kindId = useId();
  const figure = useRef<HTMLElement>(null);
  const [tool, setTool] = useState<ToolKind>('select');
  const kind = useAppStore((s) => s.bivariateKind);
  const fileName = useAppStore((s) => s.samples.find((e) => e.id === sampleId)?.fileName ?? '');
  const bins = BINS[kind];
  const grid = useWorkerQuery(x.axis && y.axis ? JSON.stringify(['density', revision, x.axis, y.axis, bins]) : null, (worker) =>
    worker.density({ sampleId, population, x: x.axis!, y: y.axis!, bins }),
  );
  const drawn = grid.data !== null;
  useEffect(() => onDrawn?.(drawn), [drawn, onDrawn]);
  const label = `${display(x.channel)} vs ${display(y.channel)} of ${populationName}`;
  const pickers = (
    [
      ['X axis', x, 'xChannel'],
      ['Y axis', y, 'yChannel'],
    ] as const
  ).map(([name, side, key]) => (
    <ChannelPicker
      key={name}
      name={name}
      channels={channels}
      channel={side.channel}
      axis={side.axis}
      onChannel={(channel) => store.getState().setChannels({ [key]: channel })}
      onKind={(axisKind) => side.axis && void changeAxisKind(client, store, sampleId, side.axis, axisKind)}
      onRange={(domain) => side.axis && store.getState().setAxis({ ...side.axis, domain })}
    />
  ));

  const gates = (scales: PlotScales) => (
    <GateOverlay
      key={tool}
      sampleId={sampleId}
      population={population}
      x={x.axis!}
      y={y.axis!}
      scales={scales}
      tool={tool}
      onToolChange={setTool}
      channelLabel={display}
    />
  );

  return (
    <div className="plot-card">
      <div className="plot-controls">
        {pickers}
        <span className="control-pair">
          <label htmlFor={kindId}>Show</label>
          <select id={kindId} value={kind} onChange={(e) => store.getState().setBivariateKind(e.currentTarget.value as BivariateKind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </span>
        <GateToolbar label="Gate tools of the density plot" tools={DENSITY_TOOLS} value={tool} onChange={setTool} />
        <FigureExport figure={figure} label={label} subject={fileName} />
      </div>
      {grid.error && (
        <p role="alert" className="error">
          {grid.error}
        </p>
      )}
      {x.axis && y.axis && (
        <DensityPlot
          ref={figure}
          label={label}
          grid={grid.data}
          kind={kind}
          x={x.axis}
          y={y.axis}
          xLabel={axisTitleOf(x.axis)}
          yLabel={axisTitleOf(y.axis)}
          overlay={gates}
        />
      )}
    </div>
  );
}
