import type { ReactNode } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import type { PopulationId } from '../../gating/types.ts';
import { DensityPlot, type PlotScales } from '../../plots/DensityPlot.tsx';
import { useAppStore } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { useWorkerQuery } from '../useWorkerQuery.ts';
import { PLOT_WIDTH } from './displayRange.ts';
import { useAxisTitle } from '../axisTitle.ts';

/** FlowJo-like resolution: 256 bins per axis. */
const DENSITY_BINS = 256;
const PLOT_HEIGHT = 380;
const keepSelecting = () => undefined;

interface GatedDensityProps {
  sampleId: SampleId;
  datasetKey: string;
  /** Whose events are plotted (null: all); its child gates are drawn and edited. */
  population: PopulationId | null;
  populationName: string;
  x: AxisSpec;
  y: AxisSpec;
  display(channel: string): string;
  title: string;
  children?: ReactNode;
}

/** A density plot of one population on linear axes with the gates below it, editable with the select tool. */
export function GatedDensity({ sampleId, datasetKey, population, populationName, x, y, display, title, children }: GatedDensityProps) {
  const axisTitleOf = useAxisTitle(sampleId);
  // Plots follow the gating the worker confirmed, keyed by the plotted population's lineage only.
  const strategy = useAppStore((s) => s.gatingResults[sampleId]?.strategy);
  const known = population === null || (strategy?.gates.some((g) => g.id === population) ?? false);
  const lineage = strategy ? lineageKey(strategy, population) : 'all events';
  const density = useWorkerQuery(known ? JSON.stringify(['density', datasetKey, lineage, x, y]) : null, (worker) =>
    worker.density({ sampleId, population, x, y, bins: DENSITY_BINS }),
  );
  const overlay = (scales: PlotScales) => (
    <GateOverlay sampleId={sampleId} population={population} x={x} y={y} scales={scales} tool="select" onToolChange={keepSelecting} channelLabel={display} />
  );
  return (
    <div className="plot-card">
      <h3>{title}</h3>
      {density.error && (
        <p role="alert" className="error">
          {density.error}
        </p>
      )}
      <DensityPlot
        label={`${display(x.channel)} vs ${display(y.channel)} of ${populationName}`}
        grid={density.data}
        x={x}
        y={y}
        xLabel={axisTitleOf(x)}
        yLabel={axisTitleOf(y)}
        overlay={overlay}
        width={PLOT_WIDTH}
        height={PLOT_HEIGHT}
      />
      {children}
    </div>
  );
}
