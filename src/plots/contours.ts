/**
 * Equal-probability contours of a density grid, as FlowJo draws them by default: level k encloses the densest cells
 * holding (1 − k·step) of the events, so each band between contours holds the same share (`step`) of the events and
 * the outermost contour leaves `step` of them outside (drawn as outlier dots). The grid is blurred a little first so
 * the lines follow the population, not the binning noise.
 */
import { blur2, contours, type ContourMultiPolygon } from 'd3';

export interface ContourSet {
  /** Contour polygons in grid coordinates (0…bins), outermost first. */
  levels: ContourMultiPolygon[];
  /** Fraction of events enclosed by each level, outermost first (e.g. 0.9, 0.8, …). */
  enclosed: number[];
  /** The blurred grid the levels were drawn on. */
  smoothed: Float64Array;
  /** Smoothed density below which cells are outliers (outside the outermost contour). */
  outlierThreshold: number;
}

/** Blur radius in bins: enough to smooth single-event noise at 256 bins without merging separate populations. */
const BLUR_BINS = 1.5;

export function equalProbabilityContours(counts: ArrayLike<number>, bins: number, step = 0.1): ContourSet {
  const smoothed = Float64Array.from(counts);
  blur2({ data: smoothed, width: bins, height: bins }, BLUR_BINS);
  const sorted = smoothed.toSorted((a, b) => b - a);
  let total = 0;
  for (const v of sorted) total += v;
  const enclosed: number[] = [];
  const thresholds: number[] = [];
  if (total > 0) {
    for (let k = 1; k * step < 1 - 1e-9; k++) {
      const target = (1 - k * step) * total;
      let cumulative = 0;
      let i = 0;
      while (i < sorted.length && cumulative + sorted[i] < target) cumulative += sorted[i++];
      if (i < sorted.length && sorted[i] > 0) {
        thresholds.push(sorted[i]);
        enclosed.push(1 - k * step);
      }
    }
  }
  const generator = contours().size([bins, bins]).smooth(true);
  const values = Array.from(smoothed);
  const levels = thresholds.map((t) => generator.contour(values, t));
  return { levels, enclosed, smoothed, outlierThreshold: thresholds[0] ?? Number.POSITIVE_INFINITY };
}
