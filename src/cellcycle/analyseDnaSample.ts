import { selectInPolygon } from '../gating/regions.ts';
import { binDnaContent, onScaleEvents, type OffScaleEvents } from './dnaHistogram.ts';
import { fitCellCycle } from './fitCellCycle.ts';
import { assessCellCycleFit, type DoubletEvidence } from './qualityFlags.ts';
import { doubletSideFraction, suggestSingletGate, type SingletGateSuggestion, type SingletPulseParameter } from './singletGate.ts';
import type { CellCycleFit, CellCycleModelOptions, DnaHistogram, QualityFlag } from './types.ts';

export interface DnaSampleInput {
  /** DNA content (PI-A) of every event. */
  dna: Float32Array | Float64Array;
  /** PI-W or PI-H for the singlet gate; null fits all events without one. */
  pulse: { values: Float32Array | Float64Array; kind: SingletPulseParameter } | null;
  /** Parent population (e.g. an FSC/SSC cells gate), or null for every event. */
  events: Uint32Array | null;
  /** Top of the DNA axis in data units, usually the channel's $PnR. */
  maxValue: number;
  binCount: number;
  options: CellCycleModelOptions;
}

/** The fit of one sample's singlets: histogram, model, doublet evidence and quality flags. */
export interface SingletFit {
  histogram: DnaHistogram;
  fit: CellCycleFit;
  /** Doublets by the gate and by the aggregate model on all parent events; null without a singlet gate. */
  doublets: DoubletEvidence | null;
  /** Parent events off the DNA axis (piled at or below zero, or in the top channel), left out of every fit. */
  offScale: OffScaleEvents;
  flags: QualityFlag[];
}

/** The automatic path from events to a fit: suggested singlet gate, histogram of singlets, fit, quality flags. */
export interface DnaSampleAnalysis extends SingletFit {
  singletGate: SingletGateSuggestion | null;
  /** Indices of the events inside the singlet gate (all parent events without a gate). */
  singlets: Uint32Array;
}

export interface SingletFitInput {
  dna: Float32Array | Float64Array;
  /** Events entering the singlet gate, or null for every event. */
  parent: Uint32Array | null;
  /** Events inside the singlet gate (the parent's events when there is no gate). */
  singlets: Uint32Array;
  maxValue: number;
  binCount: number;
  options: CellCycleModelOptions;
  /** % of the parent's events the singlet gate left out as doublets; null when there is no singlet gate. */
  gateDoubletPercent: number | null;
}

/**
 * Leaves off-scale events out, suggests the singlet band on the rest, fits the DNA histogram of the singlets, and
 * checks the gate's doublet estimate against the aggregate model fitted to all parent events (Wersto et al.,
 * Cytometry 2001;46:296, found the two can differ several-fold). Throws a CellCycleError when the data cannot be
 * analysed.
 */
export function analyseDnaSample(input: DnaSampleInput): DnaSampleAnalysis {
  const { dna, pulse, events, maxValue, binCount, options } = input;
  // Saturated or empty pulses have no meaningful width or height either: they would pull the singlet band.
  const onScale = onScaleEvents(dna, events, binCount, maxValue).events;
  if (!pulse) {
    return { singletGate: null, singlets: onScale, ...fitDnaSinglets({ dna, parent: events, singlets: onScale, maxValue, binCount, options, gateDoubletPercent: null }) };
  }
  const singletGate = suggestSingletGate(dna, pulse.values, pulse.kind, onScale);
  const singlets = selectInPolygon(onScale, dna, pulse.values, singletGate.vertices, new Uint32Array(onScale.length));
  const gateDoubletPercent = 100 * doubletSideFraction(singletGate, dna, pulse.values, onScale);
  return { singletGate, singlets, ...fitDnaSinglets({ dna, parent: events, singlets, maxValue, binCount, options, gateDoubletPercent }) };
}

/**
 * Fits the DNA histogram of a sample's singlets, whichever gate chose them (the suggested band or one a user edited),
 * and, with a singlet gate, fits all parent events with the aggregate model for the doublet comparison. Off-scale
 * events are counted among the parent events and left out of both histograms. Throws a CellCycleError when the
 * histogram cannot be fitted.
 */
export function fitDnaSinglets(input: SingletFitInput): SingletFit {
  const { dna, parent, singlets, maxValue, binCount, options, gateDoubletPercent } = input;
  const { offScale } = onScaleEvents(dna, parent, binCount, maxValue);
  const histogram = binDnaContent(dna, singlets, binCount, maxValue);
  const fit = fitCellCycle(histogram, options);
  if (gateDoubletPercent === null) return { histogram, fit, doublets: null, offScale, flags: assessCellCycleFit(fit, { offScale }) };
  const allEvents = fitCellCycle(binDnaContent(dna, parent, binCount, maxValue), { ...options, aggregates: 'doublets' });
  const doublets: DoubletEvidence = { gatePercent: gateDoubletPercent, modelPercent: allEvents.aggregatesPercent };
  return { histogram, fit, doublets, offScale, flags: assessCellCycleFit(fit, { doublets, offScale }) };
}
