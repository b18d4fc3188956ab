import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { AxisSpec } from '../analysis/axes.ts';
import type { DensityGrid } from '../../workers/api.ts';
import { axisScale, type AxisScale } from './axisScale.ts';
import { densityPalette } from './colorScale.ts';
import { plotFrame } from './frame.ts';
import { PlotAxes } from './PlotAxes.tsx';

export interface PlotScales {
  x: AxisScale;
  y: AxisScale;
}

interface DensityPlotProps {
  /** Accessible name of the plot, e.g. "Annexin V vs PI density plot of sample 3". */
  label: string;
  grid: DensityGrid | null;
  x: AxisSpec;
  y: AxisSpec;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** SVG drawn over the events (gates, labels), in the plot's pixel space, in its own interactive layer. */
  overlay?: (scales: PlotScales) => ReactNode;
}

/** Pseudocolour density of a binned grid on canvas, with D3 axes and an SVG overlay. */
export function DensityPlot({ label, grid, x, y, xLabel, yLabel, width = 440, height = 420, overlay }: DensityPlotProps) {
  const frame = plotFrame(width, height);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(0);
  const scales = useMemo<PlotScales>(
    () => ({
      x: axisScale(x, [frame.left, frame.left + frame.innerWidth]),
      y: axisScale(y, [frame.top + frame.innerHeight, frame.top]),
    }),
    [x, y, frame.left, frame.top, frame.innerWidth, frame.innerHeight],
  );

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !grid) return;
    const { bins, counts, maxCount } = grid;
    const image = new ImageData(bins, bins);
    const pixels = new Uint32Array(image.data.buffer);
    const palette = densityPalette(maxCount);
    for (let row = 0; row < bins; row++) {
      // Grid row 0 is the lowest y; image row 0 is the top.
      const target = (bins - 1 - row) * bins;
      const source = row * bins;
      for (let col = 0; col < bins; col++) pixels[target + col] = palette[counts[source + col]];
    }
    const tile = new OffscreenCanvas(bins, bins);
    tile.getContext('2d')?.putImageData(image, 0, 0);
    context.clearRect(0, 0, frame.width, frame.height);
    context.imageSmoothingEnabled = false;
    context.drawImage(tile, frame.left, frame.top, frame.innerWidth, frame.innerHeight);
    const id = requestAnimationFrame(() => setDrawn((n) => n + 1));
    return () => cancelAnimationFrame(id);
  }, [grid, frame.width, frame.height, frame.left, frame.top, frame.innerWidth, frame.innerHeight]);

  return (
    <figure className="plot" aria-label={label} data-drawn={drawn} data-events={grid?.total ?? 0}>
      <canvas ref={canvas} width={width} height={height} aria-hidden="true" />
      <svg className="plot-image" width={width} height={height} role="img" aria-label={`${label}: ${grid ? `${grid.total.toLocaleString('en-US')} events` : 'loading'}`}>
        <rect className="plot-area" x={frame.left} y={frame.top} width={frame.innerWidth} height={frame.innerHeight} />
        <PlotAxes x={scales.x} y={scales.y} left={frame.left} top={frame.top} xLabel={xLabel} yLabel={yLabel} />
      </svg>
      {overlay && (
        <svg className="plot-overlay" width={width} height={height} role="group" aria-label={`Gates on ${label}`}>
          {overlay(scales)}
        </svg>
      )}
    </figure>
  );
}
