import type { PeakGeometry } from './cycleParameters.ts';
import { valleyBelowG1 } from './fitWindow.ts';
import { eventsBelow, phaseRangesFor } from './phaseRanges.ts';
import type { CellCycleFit, CellCycleModelOptions, ComponentCurves, DnaHistogram, FitParameterName, SecondPopulation } from './types.ts';

/** Modelled events per window bin for each component (the curves before they are placed on the whole histogram). */
export type WindowComponents = Omit<ComponentCurves, 'total'>;

/** Modelled events of one population's phases. */
export interface PhaseEvents {
  g1: number;
  s: number;
  g2m: number;
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
  /** The second population's phases; null with one population. */
  secondEvents: PhaseEvents | null;
  debrisModelled: boolean;
  /** G2/M position and CV had to be held because the histogram could not place them (Watson). */
  g2Held: boolean;
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
    debrisModelled: outcome.debrisModelled,
    g2Resolved: !outcome.g2Held && g2StandsOut(curves, geometry.mean2),
    secondPopulation: secondPopulationOf(outcome, binWidth),
    curves,
  };
}

/**
 * A G2/M peak is resolved when, at its mean, it is at least as high as everything else the model puts there
 * (S phase, aggregates, debris, a second population): below that it is a shoulder whose size the model infers.
 */
function g2StandsOut(curves: ComponentCurves, g2Mean: number): boolean {
  const bin = Math.floor(g2Mean);
  if (bin >= curves.g2m.length) return false;
  const others = curves.total[bin] - curves.g2m[bin];
  return curves.g2m[bin] > 0 && curves.g2m[bin] >= others;
}

function secondPopulationOf(outcome: FitOutcome, binWidth: number): SecondPopulation | null {
  const second = outcome.geometry.second;
  const events = outcome.secondEvents;
  if (!second || !events) return null;
  const total = events.g1 + events.s + events.g2m;
  return {
    g1Mean: second.mean1 * binWidth,
    g1CvPercent: (100 * second.sd1) / second.mean1,
    g2Mean: second.mean2 * binWidth,
    dnaIndex: second.mean1 / outcome.geometry.mean1,
    events: total,
    percentOfCells: percentOf(total, total + outcome.g1Events + outcome.sEvents + outcome.g2mEvents),
    g1Percent: percentOf(events.g1, total),
    sPercent: percentOf(events.s, total),
    g2mPercent: percentOf(events.g2m, total),
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
    second: place(components.second),
    total: new Float64Array(binCount),
  };
  for (let i = 0; i < binCount; i++) {
    curves.total[i] =
      curves.g1[i] + curves.s[i] + curves.g2m[i] + curves.subG1Shoulder[i] + curves.debris[i] + curves.aggregates[i] + curves.second[i];
  }
  return curves;
}
