import { type ReactNode, type Ref, useEffect, useMemo, useRef, useState } from 'react';
import type { AxisSpec, BivariateKind } from '../analysis/axes.ts';
import type { DensityGrid } from '../../workers/api.ts';
import { axisScale, type AxisScale } from './axisScale.ts';
import { densityPalette } from './colorScale.ts';
import { type ContourSet, equalProbabilityContours } from './contours.ts';
import { plotFrame } from './frame.ts';
import { PlotAxes } from './PlotAxes.tsx';
import { FaultBoundary } from '../ui/boundary/FaultBoundary.tsx';

/** Dots and contour outliers: the app's ink colour, opaque, as ABGR for ImageData. */
const DOT_PIXEL = (255 << 24) | (0x30 << 16) | (0x24 << 8) | 0x1d;

export interface PlotScales {
  x: AxisScale;
  y: AxisScale;
}

interface DensityPlotProps {
  /** Accessible name of the plot, e.g. "Annexin V vs PI density plot of sample 3". */
  label: string;
  grid: DensityGrid | null;
  kind?: BivariateKind;
  x: AxisSpec;
  y: AxisSpec;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** SVG drawn over the events (gates, labels), in the plot's pixel space, in its own interactive layer. */
  overlay?: (scales: PlotScales) => ReactNode;
  /** The <figure>, for figure export. */
  ref?: Ref<HTMLElement>;
}

/** Pseudocolour density of a binned grid on canvas, with D3 axes and an SVG overlay; a fault stays inside the plot. */
export function DensityPlot(props: DensityPlotProps) {
  return (
    <FaultBoundary what={`The plot ${props.label}`} size="plot">
      <DensityFigure {...props} />
    </FaultBoundary>
  );
}

function DensityFigure({ label, grid, kind = 'density', x, y, xLabel, yLabel, width = 440, height = 420, overlay, ref }: DensityPlotProps) {
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

  const contourSet = useMemo(() => (kind === 'contour' && grid ? equalProbabilityContours(grid.counts, grid.bins) : null), [kind, grid]);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !grid) return;
    const { bins, counts } = grid;
    const image = new ImageData(bins, bins);
    const pixels = new Uint32Array(image.data.buffer);
    const colourOf = cellColours(kind, grid, contourSet);
    for (let row = 0; row < bins; row++) {
      // Grid row 0 is the lowest y; image row 0 is the top.
      const target = (bins - 1 - row) * bins;
      const source = row * bins;
      for (let col = 0; col < bins; col++) pixels[target + col] = counts[source + col] === 0 ? 0 : colourOf(source + col);
    }
    const tile = new OffscreenCanvas(bins, bins);
    tile.getContext('2d')?.putImageData(image, 0, 0);
    context.clearRect(0, 0, frame.width, frame.height);
    context.imageSmoothingEnabled = false;
    context.drawImage(tile, frame.left, frame.top, frame.innerWidth, frame.innerHeight);
    const id = requestAnimationFrame(() => setDrawn((n) => n + 1));
    return () => cancelAnimationFrame(id);
  }, [grid, kind, contourSet, frame.width, frame.height, frame.left, frame.top, frame.innerWidth, frame.innerHeight]);

  return (
    <figure ref={ref} className="plot" aria-label={label} data-drawn={drawn} data-events={grid?.total ?? 0}>
      <canvas ref={canvas} width={width} height={height} aria-hidden="true" />
      <svg className="plot-image" width={width} height={height} role="img" aria-label={`${label}: ${grid ? `${grid.total.toLocaleString('en-US')} events` : 'loading'}`}>
        <rect className="plot-area" x={frame.left} y={frame.top} width={frame.innerWidth} height={frame.innerHeight} />
        {contourSet && grid && <ContourLines contours={contourSet} bins={grid.bins} frame={frame} />}
        <PlotAxes x={scales.x} y={scales.y} frame={frame} xLabel={xLabel} yLabel={yLabel} />
      </svg>
      {overlay && (
        <svg className="plot-overlay" width={width} height={height} role="group" aria-label={`Gates on ${label}`}>
          {overlay(scales)}
        </svg>
      )}
      {grid !== null && grid.offScale > 0 && (
        <figcaption className="off-scale">{grid.offScale.toLocaleString('en-US')} events outside the axis ranges, piled at the edges</figcaption>
      )}
    </figure>
  );
}

/** Colour of each non-empty grid cell for the chosen kind. */
function cellColours(kind: BivariateKind, grid: DensityGrid, contours: ContourSet | null): (cell: number) => number {
  switch (kind) {
    case 'density': {
      const palette = densityPalette(grid.maxCount);
      return (cell) => palette[grid.counts[cell]];
    }
    case 'dot':
      return () => DOT_PIXEL;
    case 'contour': {
      // Only the events outside the outermost contour are drawn, as dots (FlowJo's "contour with outliers").
      const smoothed = contours?.smoothed;
      const threshold = contours?.outlierThreshold ?? Number.POSITIVE_INFINITY;
      return (cell) => (smoothed && smoothed[cell] < threshold ? DOT_PIXEL : 0);
    }
    default: {
      const unknown: never = kind;
      throw new Error(`unknown plot kind ${String(unknown)}`);
    }
  }
}

/** Contour rings drawn in SVG (so exported figures keep them as vectors), grid row 0 at the bottom. */
function ContourLines({ contours, bins, frame }: { contours: ContourSet; bins: number; frame: ReturnType<typeof plotFrame> }) {
  const sx = frame.innerWidth / bins;
  const sy = frame.innerHeight / bins;
  const ring = (points: number[][]) =>
    `M${points.map(([col, row]) => `${(frame.left + col * sx).toFixed(1)},${(frame.top + frame.innerHeight - row * sy).toFixed(1)}`).join('L')}Z`;
  return (
    <g className="contours">
      {contours.levels.map((level, k) => (
        <path key={contours.enclosed[k]} d={level.coordinates.flatMap((polygon) => polygon.map(ring)).join('')} />
      ))}
    </g>
  );
}
