import { useMemo, useRef } from 'react';
import type { AxisSpec } from '../../analysis/axes.ts';
import { MODEL_NAMES } from '../../cellcycle/resultsTable.ts';
import type { PopulationId } from '../../gating/types.ts';
import { type HistogramScales, HistogramPlot } from '../../plots/HistogramPlot.tsx';
import type { CellCycleFitResult, SampleId } from '../../../workers/api.ts';
import { FigureExport } from '../figure/FigureExport.tsx';
import { GateOverlay } from '../gating/GateOverlay.tsx';
import { sumBins } from './displayBins.ts';
import { type DnaDisplay, PLOT_WIDTH } from './displayRange.ts';
import { type DrawnCurve, FitCurves } from './FitCurves.tsx';
import { FIT_COMPONENTS } from './fitComponents.ts';
import { useAxisTitle } from '../axisTitle.ts';

const keepSelecting = () => undefined;

interface DnaHistogramPlotProps {
  sampleId: SampleId;
  fileName: string;
  /** Linear DNA axis of the sample. */
  axis: AxisSpec;
  /** The singlets population the ranges divide (null: every event). */
  population: PopulationId | null;
  result: CellCycleFitResult;
  /** How much of the axis to draw, at which resolution. */
  range: DnaDisplay;
  display(channel: string): string;
}

/** The DNA histogram of singlets with the fitted components over it and the sub-G1 | G0/G1 | S | G2/M range gates. */
export function DnaHistogramPlot({ sampleId, fileName, axis, population, result, range, display }: DnaHistogramPlotProps) {
  const axisTitleOf = useAxisTitle(sampleId);
  const { histogram, fit } = result;
  const { factor, shownBins, max } = range;
  const drawn = useMemo(() => {
    const shownPart = (values: Float64Array) => sumBins(values, factor).subarray(0, shownBins);
    const series = [{ name: 'Singlets', counts: shownPart(histogram.counts), colour: '#8c96a3' }];
    const curves: DrawnCurve[] = FIT_COMPONENTS.map(({ key, colour }) => ({ key, colour, values: shownPart(fit.curves[key]) })).filter((c) => c.values.some((v) => v > 0));
    const span: [number, number] = [Math.min(shownBins, Math.floor(fit.window.startBin / factor)), Math.min(shownBins, Math.ceil(fit.window.endBin / factor))];
    return { series, curves, span };
  }, [histogram, fit, factor, shownBins]);
  const figure = useRef<HTMLElement>(null);
  const dnaAxis = useMemo<AxisSpec>(() => ({ ...axis, scale: null, domain: [0, max] }), [axis, max]);
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
      <FigureExport figure={figure} label={`DNA histogram of singlets with the ${MODEL_NAMES[fit.model]} fit`} subject={fileName} />
      <HistogramPlot
        ref={figure}
        label={label}
        series={drawn.series}
        axis={dnaAxis}
        xLabel={axisTitleOf(axis)}
        overlay={overlay}
        width={PLOT_WIDTH}
      />
      <ul className="fit-legend" aria-label="Fitted components">
        {FIT_COMPONENTS.filter((c) => shown.has(c.key)).map((c) => (
          <li key={c.key}>
            <span className={c.key === 'total' ? 'swatch total' : 'swatch'} style={{ color: c.colour }} aria-hidden="true" />
            {c.name}
          </li>
        ))}
      </ul>
      <p className="hint">
        Range labels are % of singlets, as the table&rsquo;s &ldquo;% of singlets (range gate)&rdquo; columns. Drag a boundary between ranges (they stay
        contiguous) or type it under Gate; the numbers follow at once.
      </p>
    </div>
  );
}
