import { selectInPolygon } from '../gating/regions.ts';
import { binDnaContent } from './dnaHistogram.ts';
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

/** The automatic path from events to a fit: suggested singlet gate, histogram of singlets, fit, quality flags. */
export interface DnaSampleAnalysis {
  singletGate: SingletGateSuggestion | null;
  /** Indices of the events inside the singlet gate (all parent events without a gate). */
  singlets: Uint32Array;
  histogram: DnaHistogram;
  fit: CellCycleFit;
  /** Doublets by the gate and by the aggregate model on all parent events; null without a singlet gate. */
  doublets: DoubletEvidence | null;
  flags: QualityFlag[];
}

/**
 * Suggests the singlet band, fits the DNA histogram of the singlets, and checks the gate's doublet estimate against
 * the aggregate model fitted to all parent events (Wersto et al., Cytometry 2001;46:296, found the two can differ
 * several-fold). Throws a RangeError from the gate or the fit when the data cannot be analysed.
 */
export function analyseDnaSample(input: DnaSampleInput): DnaSampleAnalysis {
  const { dna, pulse, events, maxValue, binCount, options } = input;
  const parent = events ?? Uint32Array.from({ length: dna.length }, (_, i) => i);
  if (!pulse) {
    const histogram = binDnaContent(dna, parent, binCount, maxValue);
    const fit = fitCellCycle(histogram, options);
    return { singletGate: null, singlets: parent, histogram, fit, doublets: null, flags: assessCellCycleFit(fit) };
  }
  const singletGate = suggestSingletGate(dna, pulse.values, pulse.kind, parent);
  const singlets = selectInPolygon(parent, dna, pulse.values, singletGate.vertices, new Uint32Array(parent.length));
  const histogram = binDnaContent(dna, singlets, binCount, maxValue);
  const fit = fitCellCycle(histogram, options);
  const allEvents = fitCellCycle(binDnaContent(dna, parent, binCount, maxValue), { ...options, aggregates: 'doublets' });
  const doublets: DoubletEvidence = {
    gatePercent: 100 * doubletSideFraction(singletGate, dna, pulse.values, parent),
    modelPercent: allEvents.aggregatesPercent,
  };
  return { singletGate, singlets, histogram, fit, doublets, flags: assessCellCycleFit(fit, doublets) };
}
