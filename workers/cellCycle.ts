/**
 * The worker's side of the PI DNA cell-cycle analysis: reads a sample's columns and runs the pure pipeline with the
 * CLI's histogram (src/cellcycle dnaChannels), so the app and `flowfate cellcycle` give the same numbers.
 */
import { channelTop } from '../src/analysis/axes.ts';
import type { ChannelRef, SampleSession } from '../src/analysis/sampleSession.ts';
import { suggestCellsGate } from '../src/apoptosis/cellsGate.ts';
import { analyseDnaSample, fitDnaSinglets } from '../src/cellcycle/analyseDnaSample.ts';
import { CellCycleError, cellCycleFailureMessage } from '../src/cellcycle/cellCycleError.ts';
import { CompensationError } from '../src/compensation/types.ts';
import { GatingStrategyError } from '../src/gating/types.ts';
import { DNA_HISTOGRAM_BINS, dnaHistogramTop } from '../src/cellcycle/dnaChannels.ts';
import { onScaleEvents } from '../src/cellcycle/dnaHistogram.ts';
import { gateDoubletFraction } from '../src/cellcycle/singletGate.ts';
import { selectInPolygon } from '../src/gating/regions.ts';
import type { CellCycleAnalysis, CellCycleAnalysisRequest, CellCycleFitRequest, CellCycleFitResult, DnaChannelRefs } from './api.ts';

function channelOf(session: SampleSession, { channel }: ChannelRef) {
  const found = session.dataset.channels.find((c) => c.name === channel);
  if (!found) throw new CellCycleError('no-channel', `The channel "${channel}" is not in this data set: choose the DNA channel again.`);
  return found;
}

/**
 * Runs a cell-cycle step so that it fails only in words about the file: the pipeline's own sentences (CellCycleError,
 * a gate or matrix that cannot be used) pass through; anything else is a defect, reported without its internal text.
 */
function inWords<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CellCycleError || error instanceof GatingStrategyError || error instanceof CompensationError) throw error;
    throw new CellCycleError('unexpected', cellCycleFailureMessage(error));
  }
}

/** The suggested FSC/SSC cells gate and the events inside it. */
function cellsOf(session: SampleSession, scatter: NonNullable<DnaChannelRefs['scatter']>) {
  const fsc = session.values(scatter.fsc);
  const ssc = session.values(scatter.ssc);
  const gate = suggestCellsGate(fsc, ssc, null, [channelTop(channelOf(session, scatter.fsc)), channelTop(channelOf(session, scatter.ssc))]);
  const all = session.evaluator.indices(null);
  return { gate, events: selectInPolygon(all, fsc, ssc, gate.vertices, new Uint32Array(all.length)) };
}

/** Suggested gates, histogram of the singlets and the fit; throws RangeError when the sample cannot be analysed. */
export function analyseCellCycleSample(session: SampleSession, request: CellCycleAnalysisRequest): CellCycleAnalysis {
  return inWords(() => analyse(session, request));
}

function analyse(session: SampleSession, { channels, options }: CellCycleAnalysisRequest): CellCycleAnalysis {
  const cells = channels.scatter && cellsOf(session, channels.scatter);
  const pulse = channels.pulse && { values: session.values(channels.pulse.ref), kind: channels.pulse.kind };
  const maxValue = dnaHistogramTop(channelOf(session, channels.dna));
  const analysis = analyseDnaSample({ dna: session.values(channels.dna), pulse, events: cells?.events ?? null, maxValue, binCount: DNA_HISTOGRAM_BINS, options });
  const { singletGate, histogram, fit, doublets, offScale, flags } = analysis;
  return { cellsGate: cells?.gate ?? null, singletGate, histogram, fit, doublets, offScale, flags };
}

/** The fit of the singlet gate's events as the session is gated now; throws like analyseCellCycleSample. */
export function fitCellCycleSample(session: SampleSession, request: CellCycleFitRequest): CellCycleFitResult {
  return inWords(() => refit(session, request));
}

function refit(session: SampleSession, { channels, options, cells, singletGate }: CellCycleFitRequest): CellCycleFitResult {
  const dna = session.values(channels.dna);
  const parent = cells === null ? null : session.evaluator.indices(cells);
  const common = { dna, parent, maxValue: dnaHistogramTop(channelOf(session, channels.dna)), binCount: DNA_HISTOGRAM_BINS, options };
  if (!singletGate || !channels.pulse) return fitDnaSinglets({ ...common, singlets: parent ?? session.evaluator.indices(null), gateDoubletPercent: null });
  // Counted over the events on the DNA axis, as the analysis that suggested the band counted them.
  const onScale = onScaleEvents(dna, parent, DNA_HISTOGRAM_BINS, common.maxValue).events;
  const doubletFraction = gateDoubletFraction(singletGate.shape, singletGate.suggestion, dna, session.values(channels.pulse.ref), onScale);
  return fitDnaSinglets({ ...common, singlets: session.evaluator.indices(singletGate.population), gateDoubletPercent: 100 * doubletFraction });
}
