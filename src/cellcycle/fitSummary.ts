import type { PeakGeometry } from './cycleModel.ts';
import { valleyBelowG1 } from './fitWindow.ts';
import { eventsBelow, phaseRangesFor } from './phaseRanges.ts';
import type { CellCycleFit, CellCycleModelOptions, ComponentCurves, DnaHistogram, FitParameterName } from './types.ts';

/** Modelled events per window bin for each component. */
export interface WindowComponents {
  g1: Float64Array;
  s: Float64Array;
  g2m: Float64Array;
  subG1Shoulder: Float64Array;
  debris: Float64Array;
  aggregates: Float64Array;
}

/** What a model fit produced, in channel units, before it is turned into a user-facing CellCycleFit. */
export interface FitOutcome {
  histogram: DnaHistogram;
  options: CellCycleModelOptions;
  startBin: number;
  endBin: number;
  geometry: PeakGeometry;
  /** Degree of the fitted S-phase polynomial, null for Watson's model-free S phase. */
  sPhaseOrder: 0 | 1 | 2 | null;
  g1Events: number;
  sEvents: number;
  g2mEvents: number;
  debrisEvents: number;
  aggregateEvents: number;
  components: WindowComponents;
  chiSquare: number;
  /** Bins the χ² was summed over. */
  chiSquareBins: number;
  freeParameterCount: number;
  iterations: number;
  converged: boolean;
  parametersAtBounds: FitParameterName[];
}

/** Converts a fit to data units and percentages; sub-G1, debris and aggregates are % of all histogram events. */
export function summariseFit(outcome: FitOutcome): CellCycleFit {
  const { histogram, geometry, startBin, endBin } = outcome;
  const { binWidth } = histogram;
  let singlets = 0;
  for (const count of histogram.counts) singlets += count;
  const cyclingEvents = outcome.g1Events + outcome.sEvents + outcome.g2mEvents;
  const curves = fullLengthCurves(outcome.components, histogram.counts.length, startBin);
  let modelledEvents = 0;
  for (let i = startBin; i < endBin; i++) modelledEvents += curves.total[i];
  const ranges = phaseRangesFor(
    geometry.mean1 * binWidth,
    geometry.sd1 * binWidth,
    geometry.mean2 * binWidth,
    geometry.sd2 * binWidth,
    valleyBelowG1(histogram.counts, geometry.mean1, geometry.sd1) * binWidth,
  );
  const degreesOfFreedom = Math.max(outcome.chiSquareBins - outcome.freeParameterCount, 1);
  return {
    model: outcome.options.model,
    options: outcome.options,
    sPhaseOrder: outcome.sPhaseOrder,
    binWidth,
    window: { startBin, endBin },
    singlets,
    g1Percent: percentOf(outcome.g1Events, cyclingEvents),
    sPercent: percentOf(outcome.sEvents, cyclingEvents),
    g2mPercent: percentOf(outcome.g2mEvents, cyclingEvents),
    cyclingEvents,
    modelledEvents,
    g1Mean: geometry.mean1 * binWidth,
    g2Mean: geometry.mean2 * binWidth,
    g1CvPercent: (100 * geometry.sd1) / geometry.mean1,
    g2CvPercent: (100 * geometry.sd2) / geometry.mean2,
    g2g1Ratio: geometry.mean2 / geometry.mean1,
    phaseRanges: ranges,
    subG1Percent: percentOf(eventsBelow(histogram, ranges.subG1.max) - eventsBelow(histogram, ranges.subG1.min), singlets),
    debrisPercent: percentOf(outcome.debrisEvents, singlets),
    aggregatesPercent: percentOf(outcome.aggregateEvents, singlets),
    chiSquare: outcome.chiSquare,
    degreesOfFreedom,
    rcs: outcome.chiSquare / degreesOfFreedom,
    iterations: outcome.iterations,
    converged: outcome.converged,
    parametersAtBounds: outcome.parametersAtBounds,
    curves,
  };
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

function fullLengthCurves(components: WindowComponents, binCount: number, startBin: number): ComponentCurves {
  const place = (window: Float64Array) => {
    const full = new Float64Array(binCount);
    full.set(window, startBin);
    return full;
  };
  const curves: ComponentCurves = {
    g1: place(components.g1),
    s: place(components.s),
    g2m: place(components.g2m),
    subG1Shoulder: place(components.subG1Shoulder),
    debris: place(components.debris),
    aggregates: place(components.aggregates),
    total: new Float64Array(binCount),
  };
  for (let i = 0; i < binCount; i++) {
    curves.total[i] = curves.g1[i] + curves.s[i] + curves.g2m[i] + curves.subG1Shoulder[i] + curves.debris[i] + curves.aggregates[i];
  }
  return curves;
}
