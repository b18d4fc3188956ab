import { useRef } from 'react';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import type { ChannelRef } from '../../analysis/sampleSession.ts';
import type { Gate, PopulationId } from '../../gating/types.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { useAppStore } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import { useAxis } from '../explore/useAxis.ts';
import { FigureExport } from '../figure/FigureExport.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { useAxisTitle } from '../axisTitle.ts';

/** Bins per axis: the Explore view's resolution. */
const DENSITY_BINS = 256;
const PLOT_WIDTH = 360;
const PLOT_HEIGHT = 340;

interface ReviewPlotProps {
  title: string;
  sampleId: SampleId;
  /** Names the exported figure. */
  fileName: string;
  /** Changes when another data set of the file is analysed. */
  datasetKey: string;
  population: PopulationId | null;
  populationName: string;
  x: ChannelRef;
  y: ChannelRef;
  display(channel: string): string;
  onEditFinished?(gate: Gate): boolean;
}

/**
 * One density plot of the guided analysis with its gates editable through the shared gate layer. It asks the
 * worker only once the sample's confirmed strategy has the plotted population and the axes' compensation.
 */
export function ReviewPlot({ title, sampleId, fileName, datasetKey, population, populationName, x, y, display, onEditFinished }: ReviewPlotProps) {
  const axisTitleOf = useAxisTitle(sampleId);
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const known = (ref: ChannelRef) => ref.compensation === 'FCS' || ref.compensation === 'uncompensated' || (result?.strategy.compensations[ref.compensation] !== undefined);
  const gated = population === null || result?.counts.some((c) => c.id === population) === true;
  const ready = result !== undefined && gated && known(x) && known(y);
  const xAxis = useAxis(sampleId, ready ? x.channel : null, x.compensation);
  const yAxis = useAxis(sampleId, ready ? y.channel : null, y.compensation);
  const lineage = result ? lineageKey(result.strategy, population) : 'all events';
  const density = useWorkerQuery(
    ready && xAxis && yAxis ? JSON.stringify(['density', datasetKey, lineage, xAxis, yAxis]) : null,
    (worker) => worker.density({ sampleId, population, x: xAxis!, y: yAxis!, bins: DENSITY_BINS }),
  );
  const overlay = (scales: PlotScales) =>
    xAxis &&
    yAxis && (
      <GateOverlay
        sampleId={sampleId}
        population={population}
        x={xAxis}
        y={yAxis}
        scales={scales}
        tool="select"
        // The review edits the analysis's gates only; the select tool never asks for another tool.
        onToolChange={() => undefined}
        channelLabel={display}
        onEditFinished={onEditFinished}
      />
    );
  const figure = useRef<HTMLElement>(null);
  const label = `${display(x.channel)} vs ${display(y.channel)} of ${populationName}`;
  return (
    <div className="plot-card">
      <h4>{title}</h4>
      <FigureExport figure={figure} label={label} subject={fileName} />
      {density.error && (
        <p role="alert" className="error">
          {density.error}
        </p>
      )}
      {xAxis && yAxis ? (
        <DensityPlot
          ref={figure}
          label={label}
          grid={density.data}
          x={xAxis}
          y={yAxis}
          xLabel={axisTitleOf(x)}
          yLabel={axisTitleOf(y)}
          width={PLOT_WIDTH}
          height={PLOT_HEIGHT}
          overlay={overlay}
        />
      ) : (
        <p className="hint plot-placeholder">{result && !gated ? `No ${populationName} gate on this sample now (undone or deleted): run the analysis again.` : 'Gating…'}</p>
      )}
    </div>
  );
}
