import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { AxisScale } from './axisScale.ts';
import { formatTickLabel } from './ticks.ts';

interface PlotAxesProps {
  x: AxisScale;
  y: AxisScale;
  /** Pixel offsets of the plot area inside the SVG (tick pixels are already absolute). */
  left: number;
  top: number;
  xLabel: string;
  yLabel: string;
}

/** D3-drawn axes (major labelled ticks, minor unlabelled ones) with axis titles, in SVG. */
export function PlotAxes({ x, y, left, top, xLabel, yLabel }: PlotAxesProps) {
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

  return (
    <g className="plot-axes">
      <g ref={xAxis} transform={`translate(0,${top + height})`} />
      <g ref={yAxis} transform={`translate(${left},0)`} />
      <text className="axis-title" x={left + width / 2} y={top + height + 36} textAnchor="middle">
        {xLabel}
      </text>
      <text className="axis-title" transform={`translate(${left - 46},${top + height / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}
