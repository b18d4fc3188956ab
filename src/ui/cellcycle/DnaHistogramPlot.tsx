import { useMemo } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';
import { MODEL_NAMES } from '../../cellcycle/resultsTable.ts';
import type { PopulationId } from '../../gating/types.ts';
import { type HistogramScales, HistogramPlot } from '../../plots/HistogramPlot.tsx';
import type { CellCycleFitResult, SampleId } from '../../../workers/api.ts';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { sumBins } from './displayBins.ts';
import { type DrawnCurve, FitCurves } from './FitCurves.tsx';
import { FIT_COMPONENTS } from './fitComponents.ts';

/** Bins drawn: the 1,024 fitted channels summed in fours (pixels only; the fit used all 1,024). */
const DISPLAY_BINS = 256;
const keepSelecting = () => undefined;

interface DnaHistogramPlotProps {
  sampleId: SampleId;
  fileName: string;
  /** Linear DNA axis of the sample. */
  axis: AxisSpec;
  /** The singlets population the ranges divide (null: every event). */
  population: PopulationId | null;
  result: CellCycleFitResult;
  display(channel: string): string;
}

/** The DNA histogram of singlets with the fitted components over it and the sub-G1 | G0/G1 | S | G2/M range gates. */
export function DnaHistogramPlot({ sampleId, fileName, axis, population, result, display }: DnaHistogramPlotProps) {
  const { histogram, fit } = result;
  const factor = histogram.counts.length / DISPLAY_BINS;
  const drawn = useMemo(() => {
    const series = [{ name: 'Singlets', counts: sumBins(histogram.counts, factor), colour: '#8c96a3' }];
    const curves: DrawnCurve[] = FIT_COMPONENTS.map(({ key, colour }) => ({ key, colour, values: sumBins(fit.curves[key], factor) })).filter((c) =>
      c.values.some((v) => v > 0),
    );
    const span: [number, number] = [Math.floor(fit.window.startBin / factor), Math.ceil(fit.window.endBin / factor)];
    return { series, curves, span };
  }, [histogram, fit, factor]);
  // The histogram's own channels: 0 to the channel's range, as the fit binned it.
  const dnaAxis = useMemo<AxisSpec>(() => ({ ...axis, scale: null, domain: [0, histogram.binWidth * histogram.counts.length] }), [axis, histogram]);
  const shown = new Set(drawn.curves.map((c) => c.key));
  const label = `DNA histogram of singlets of ${fileName}`;
  const overlay = (scales: HistogramScales) => (
    <>
      <FitCurves curves={drawn.curves} scales={scales} span={drawn.span} label={`${MODEL_NAMES[fit.model]} fit over ${label}`} />
      <GateOverlay sampleId={sampleId} population={population} x={dnaAxis} y={null} scales={scales} tool="select" onToolChange={keepSelecting} channelLabel={display} />
    </>
  );
  return (
    <div className="plot-card">
      <h3>DNA content of singlets</h3>
      <HistogramPlot
        label={label}
        series={drawn.series}
        axis={dnaAxis}
        xLabel={display(axis.channel)}
        overlay={overlay}
      />
      <ul className="fit-legend" aria-label="Fitted components">
        {FIT_COMPONENTS.filter((c) => shown.has(c.key)).map((c) => (
          <li key={c.key}>
            <span className={c.key === 'total' ? 'swatch total' : 'swatch'} style={{ color: c.colour }} aria-hidden="true" />
            {c.name}
          </li>
        ))}
      </ul>
      <p className="hint">Drag a boundary between ranges (they stay contiguous) or type it under Gate; percentages are of singlets and follow at once.</p>
    </div>
  );
}
