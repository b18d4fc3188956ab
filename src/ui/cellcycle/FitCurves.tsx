import { line } from 'd3';
import { useId } from 'react';
import type { ComponentCurves } from '../../cellcycle/types.ts';
import type { HistogramScales } from '../../plots/HistogramPlot.tsx';

export interface DrawnCurve {
  key: keyof ComponentCurves;
  colour: string;
  /** Modelled events per display bin. */
  values: Float64Array;
}

interface FitCurvesProps {
  curves: readonly DrawnCurve[];
  scales: HistogramScales;
  /** Display bins the model covers, [first, end). */
  span: [number, number];
  label: string;
}

/** The model's components as lines through the bin centres over the fitted window, clipped to the plot area. */
export function FitCurves({ curves, scales, span, label }: FitCurvesProps) {
  const clipId = useId();
  const [left, right] = scales.x.range;
  const [top, bottom] = [Math.min(...scales.y.range), Math.max(...scales.y.range)];
  const bins = Array.from({ length: span[1] - span[0] }, (_, i) => span[0] + i);
  const pathOf = (values: Float64Array) =>
    line<number>()
      .x((k) => (scales.binEdge(k) + scales.binEdge(k + 1)) / 2)
      .y((k) => scales.y.toPixel(values[k]))(bins) ?? '';
  return (
    <g className="fit-curves" role="img" aria-label={label}>
      <clipPath id={clipId}>
        <rect x={left} y={top} width={right - left} height={bottom - top} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        {curves.map((curve) => (
          <path key={curve.key} d={pathOf(curve.values)} style={{ color: curve.colour }} className={curve.key === 'total' ? 'fit-total' : 'fit-component'} />
        ))}
      </g>
    </g>
  );
}
