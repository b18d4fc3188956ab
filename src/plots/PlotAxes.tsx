import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { AxisScale } from './axisScale.ts';
import { fitAxisTitle } from './axisTitleFit.ts';
import type { PlotFrame } from './frame.ts';
import { textWidth } from './textWidth.ts';
import { formatTickLabel } from './ticks.ts';

/** .plot-axes .axis-title's font size (app.css). */
const TITLE_SIZE = 12;
const sized = (size: number) => (size === TITLE_SIZE ? undefined : { fontSize: `${size}px` });

interface PlotAxesProps {
  x: AxisScale;
  y: AxisScale;
  /** The SVG and its plot area (tick pixels are already absolute). */
  frame: PlotFrame;
  xLabel: string;
  yLabel: string;
}

/**
 * D3-drawn axes (major labelled ticks, minor unlabelled ones) with axis titles, in SVG. A title longer than its
 * axis moves along it, or is set smaller, rather than being cut by the figure's edge (a small figure, a long name).
 */
export function PlotAxes({ x, y, frame, xLabel, yLabel }: PlotAxesProps) {
  const { left, top } = frame;
  const xAxis = useRef<SVGGElement>(null);
  const yAxis = useRef<SVGGElement>(null);
  const height = Math.abs(y.range[0] - y.range[1]);
  const width = Math.abs(x.range[1] - x.range[0]);

  useEffect(() => {
    const pixels = (a: AxisScale) => scaleLinear().domain(a.range).range(a.range);
    const labelled = (a: AxisScale) => a.ticks.filter((t) => t.label !== null);
    const minor = (a: AxisScale) => a.ticks.filter((t) => t.label === null).map((t) => t.pixel);
    const labels = (a: AxisScale) => new Map(labelled(a).map((t) => [t.pixel, formatTickLabel(t.label as string)]));
    if (xAxis.current) {
      const g = select(xAxis.current);
      const names = labels(x);
      g.selectAll('*').remove();
      g.append('g').call(axisBottom(pixels(x)).tickValues(labelled(x).map((t) => t.pixel)).tickFormat((p) => names.get(p as number) ?? ''));
      g.append('g').attr('class', 'minor').call(axisBottom(pixels(x)).tickValues(minor(x)).tickSize(3).tickFormat(() => ''));
    }
    if (yAxis.current) {
      const g = select(yAxis.current);
      const names = labels(y);
      g.selectAll('*').remove();
      g.append('g').call(axisLeft(pixels(y)).tickValues(labelled(y).map((t) => t.pixel)).tickFormat((p) => names.get(p as number) ?? ''));
      g.append('g').attr('class', 'minor').call(axisLeft(pixels(y)).tickValues(minor(y)).tickSize(3).tickFormat(() => ''));
    }
  }, [x, y]);

  const xTitle = fitAxisTitle(textWidth(xLabel, `${TITLE_SIZE}px`), TITLE_SIZE, left, left + width, frame.width);
  const yTitle = fitAxisTitle(textWidth(yLabel, `${TITLE_SIZE}px`), TITLE_SIZE, top, top + height, frame.height);
  return (
    <g className="plot-axes">
      <g ref={xAxis} transform={`translate(0,${top + height})`} />
      <g ref={yAxis} transform={`translate(${left},0)`} />
      <text className="axis-title" x={xTitle.centre} y={top + height + 36} textAnchor="middle" style={sized(xTitle.size)}>
        {xLabel}
      </text>
      <text className="axis-title" transform={`translate(${left - 46},${yTitle.centre}) rotate(-90)`} textAnchor="middle" style={sized(yTitle.size)}>
        {yLabel}
      </text>
    </g>
  );
}
