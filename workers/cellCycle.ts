/**
 * The worker's side of the PI DNA cell-cycle analysis: reads a sample's columns and runs the pure pipeline with the
 * CLI's histogram (src/cellcycle dnaChannels), so the app and `flowfate cellcycle` give the same numbers.
 */
import type { ChannelRef, SampleSession } from '../src/analysis/sampleSession.ts';
import { analyseDnaSample, fitDnaSinglets } from '../src/cellcycle/analyseDnaSample.ts';
import { DNA_HISTOGRAM_BINS, dnaHistogramTop } from '../src/cellcycle/dnaChannels.ts';
import { gateDoubletFraction } from '../src/cellcycle/singletGate.ts';
import type { CellCycleAnalysis, CellCycleAnalysisRequest, CellCycleFitRequest, CellCycleFitResult } from './api.ts';

function histogramTop(session: SampleSession, { channel }: ChannelRef): number {
  const found = session.dataset.channels.find((c) => c.name === channel);
  if (!found) throw new RangeError(`channel "${channel}" is not in this data set`);
  return dnaHistogramTop(found);
}

/** Suggested singlet band, histogram of its singlets and the fit; throws RangeError when the sample cannot be analysed. */
export function analyseCellCycleSample(session: SampleSession, { channels, options }: CellCycleAnalysisRequest): CellCycleAnalysis {
  const pulse = channels.pulse && { values: session.values(channels.pulse.ref), kind: channels.pulse.kind };
  const maxValue = histogramTop(session, channels.dna);
  const analysis = analyseDnaSample({ dna: session.values(channels.dna), pulse, events: null, maxValue, binCount: DNA_HISTOGRAM_BINS, options });
  const { singletGate, histogram, fit, doublets, flags } = analysis;
  return { singletGate, histogram, fit, doublets, flags };
}

/** The fit of the singlet gate's events as the session is gated now; throws like analyseCellCycleSample. */
export function fitCellCycleSample(session: SampleSession, { channels, options, singletGate }: CellCycleFitRequest): CellCycleFitResult {
  const dna = session.values(channels.dna);
  const common = { dna, parent: null, maxValue: histogramTop(session, channels.dna), binCount: DNA_HISTOGRAM_BINS, options };
  if (!singletGate || !channels.pulse) return fitDnaSinglets({ ...common, singlets: session.evaluator.indices(null), gateDoubletPercent: null });
  const doubletFraction = gateDoubletFraction(singletGate.shape, singletGate.suggestion, dna, session.values(channels.pulse.ref));
  return fitDnaSinglets({ ...common, singlets: session.evaluator.indices(singletGate.population), gateDoubletPercent: 100 * doubletFraction });
}
