import { area, curveStepAfter, line } from 'd3';
import { type ReactNode, type Ref, useMemo } from 'react';
import type { AxisSpec } from '../analysis/axes.ts';
import { axisScale, type AxisScale } from './axisScale.ts';
import { plotFrame } from './frame.ts';
import { PlotAxes } from './PlotAxes.tsx';
import { FaultBoundary } from '../ui/boundary/FaultBoundary.tsx';

export interface HistogramSeries {
  name: string;
  /** Counts per bin over the axis's visible range (equal bins in display space). */
  counts: ArrayLike<number>;
  colour: string;
}

export interface HistogramScales {
  x: AxisScale;
  y: AxisScale;
  /** Pixel x of the left edge of bin k. */
  binEdge(k: number): number;
}

interface HistogramPlotProps {
  label: string;
  series: HistogramSeries[];
  axis: AxisSpec;
  xLabel: string;
  /** 'count' draws counts; 'percentOfMax' scales each series to its own maximum (overlays of unequal sizes). */
  mode?: 'count' | 'percentOfMax';
  width?: number;
  height?: number;
  /** SVG drawn over the histogram (gates, labels), in the plot's pixel space, in its own interactive layer. */
  overlay?: (scales: HistogramScales) => ReactNode;
  /** Events outside the axis range (piled into the edge bins), reported under the plot. */
  offScale?: number;
  /** The <figure>, for figure export. */
  ref?: Ref<HTMLElement>;
}

/** 1-D histogram(s): filled for a single series, outlined for overlays, with D3 axes and an SVG overlay; a fault stays inside the plot. */
export function HistogramPlot(props: HistogramPlotProps) {
  return (
    <FaultBoundary what={`The plot ${props.label}`} size="plot">
      <HistogramFigure {...props} />
    </FaultBoundary>
  );
}

function HistogramFigure({ label, series, axis, xLabel, mode = 'count', width = 440, height = 300, overlay, offScale = 0, ref }: HistogramPlotProps) {
  const frame = plotFrame(width, height);
  const heights = useMemo(
    () =>
      series.map((s) => {
        const values = Array.from(s.counts);
        const max = Math.max(1, ...values);
        return mode === 'percentOfMax' ? values.map((v) => (100 * v) / max) : values;
      }),
    [series, mode],
  );
  const top = Math.max(1, ...heights.flat()) * 1.05;
  const bins = series[0]?.counts.length ?? 1;
  // Keyed by numbers, not by the series arrays: new arrays with the same extent keep the scales, so the D3 axes are
  // not rebuilt.
  const scales = useMemo<HistogramScales>(() => {
    const x = axisScale(axis, [frame.left, frame.left + frame.innerWidth]);
    const y = axisScale({ channel: '', compensation: 'uncompensated', scale: null, domain: [0, top] }, [frame.top + frame.innerHeight, frame.top]);
    return { x, y, binEdge: (k) => frame.left + (k * frame.innerWidth) / bins };
  }, [axis, top, bins, frame.left, frame.top, frame.innerWidth, frame.innerHeight]);
  const filled = series.length === 1;
  const paths = useMemo(
    () =>
      heights.map((h) => {
        const points: [number, number][] = h.map((v, k) => [scales.binEdge(k), scales.y.toPixel(v)]);
        points.push([scales.binEdge(h.length), scales.y.toPixel(h[h.length - 1] ?? 0)]);
        return filled
          ? area<[number, number]>().x((p) => p[0]).y0(scales.y.toPixel(0)).y1((p) => p[1]).curve(curveStepAfter)(points)
          : line<[number, number]>().x((p) => p[0]).y((p) => p[1]).curve(curveStepAfter)(points);
      }),
    [heights, scales, filled],
  );
  const total = useMemo(() => series.reduce((sum, s) => sum + Array.from(s.counts).reduce((a, b) => a + b, 0), 0), [series]);

  return (
    <figure ref={ref} className="plot" aria-label={label} data-events={total}>
      <svg
        className="plot-image"
        width={width}
        height={height}
        role="img"
        aria-label={`${label}: ${total.toLocaleString('en-US')} events${series.length > 1 ? ` in ${series.length} overlaid series: ${series.map((s) => s.name).join(', ')}` : ''}`}
      >
        <rect className="plot-area" x={frame.left} y={frame.top} width={frame.innerWidth} height={frame.innerHeight} />
        {paths.map((d, k) => (
          <path key={series[k].name} d={d ?? ''} className={filled ? 'histogram-fill' : 'histogram-line'} style={{ color: series[k].colour }} />
        ))}
        <PlotAxes x={scales.x} y={scales.y} frame={frame} xLabel={xLabel} yLabel={mode === 'count' ? 'Events per bin' : '% of the tallest bin'} />
        {series.length > 1 && (
          <g className="legend" transform={`translate(${frame.left + frame.innerWidth - 8},${frame.top + 14})`}>
            {series.map((s, k) => (
              <text key={s.name} y={k * 14} textAnchor="end" style={{ fill: s.colour }}>
                {s.name}
              </text>
            ))}
          </g>
        )}
      </svg>
      {overlay && (
        <svg className="plot-overlay" width={width} height={height} role="group" aria-label={`Gates on ${label}`}>
          {overlay(scales)}
        </svg>
      )}
      {offScale > 0 && <figcaption className="off-scale">{offScale.toLocaleString('en-US')} events outside the axis range, piled at the edges</figcaption>}
    </figure>
  );
}
