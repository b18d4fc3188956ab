/**
 * "Analyse all samples": the worker suggests each cell-cycle sample's singlet band and fits it (the CLI's pipeline and
 * defaults); the bands and the phase ranges of the fits become the experiment's cell-cycle gates as one undoable
 * change, the fits are kept, and from then on the gating sync and the fit sync follow every edit.
 */
import { setAssayGates, strategyForSample } from '../../analysis/gatingDocument.ts';
import { cellCycleGateTree, type SuggestedSampleGates } from '../../cellcycle/cellCycleGates.ts';
import { suggestPhaseRanges } from '../../cellcycle/phaseRanges.ts';
import { mapConcurrently } from '../../shared/mapConcurrently.ts';
import { type CytometryClient, WorkerFailedError } from '../../engine/cytometryClient.ts';
import type { CellCycleChannels, CellCycleFitEntry, CellCycleRun } from '../../state/cellCycleSlice.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import type { AppStore } from '../../state/store.ts';
import type { CellCycleAnalysis, Failure, SampleId } from '../../../workers/api.ts';
import { dnaChannelRefs, planFit } from './fitPlan.ts';

export function isCellCycleSample(entry: SampleEntry): boolean {
  return entry.status.kind === 'ready' && entry.annotation?.assay === 'cellCycle';
}

const untreatedFirst = (e: SampleEntry) => (e.annotation?.doseNm === 0 ? 0 : 1);

/** Ready cell-cycle samples, untreated ones (dose 0) first: the first analysed sample's gates become the template. */
export function cellCycleSamples(samples: readonly SampleEntry[]): SampleEntry[] {
  const ready = samples.filter(isCellCycleSample);
  return ready.toSorted((a, b) => untreatedFirst(a) - untreatedFirst(b));
}

/** Why a call stopped, in words: the engine's own sentence when it stopped, never an internal error's text. */
export function engineFailure(error: unknown): string {
  if (error instanceof WorkerFailedError) return `The analysis stopped: ${error.message}. Your gates are unchanged.`;
  return 'The cell-cycle analysis stopped on an unexpected problem; your gates are unchanged. Try again, and please report it if it persists.';
}

export async function analyseAllSamples(client: CytometryClient, store: AppStore, channels: CellCycleChannels): Promise<void> {
  const samples = cellCycleSamples(store.getState().samples);
  const { cellCycleOptions: options, setCellCycleStatus } = store.getState();
  const first = samples[0]?.status.kind === 'ready' ? samples[0].status.summary : null;
  const refs = dnaChannelRefs(channels, first?.datasets[first.activeDataset].spillover ?? null);
  const failures: Record<SampleId, Failure> = {};
  try {
    // A few samples at a time (client.parallelOpens), so that every worker is kept busy.
    let done = 0;
    setCellCycleStatus({ kind: 'running', done, total: samples.length });
    const results = await mapConcurrently(samples, client.parallelOpens, async (entry) => {
      const result = await client.call((worker) => worker.analyseCellCycle({ sampleId: entry.id, channels: refs, options }));
      setCellCycleStatus({ kind: 'running', done: ++done, total: samples.length });
      return result;
    });
    const analysed = samples.flatMap((entry, k): { sampleId: SampleId; analysis: CellCycleAnalysis }[] => {
      const result = results[k];
      if (result.ok) return [{ sampleId: entry.id, analysis: result.value }];
      failures[entry.id] = result.error;
      return [];
    });
    if (analysed.length === 0) {
      const reasons = samples.map((e) => `${e.fileName}: ${failures[e.id]?.message ?? 'not analysed'}`).join(' ');
      setCellCycleStatus({ kind: 'failed', message: samples.length === 0 ? 'There are no PI DNA samples to analyse.' : `No sample could be analysed. ${reasons}` });
      return;
    }
    const suggested = analysed.map(
      ({ sampleId, analysis }): SuggestedSampleGates => ({ sampleId, cells: analysis.cellsGate?.vertices ?? null, band: analysis.singletGate, ranges: suggestPhaseRanges(analysis.fit) }),
    );
    const { tree, perSample } = cellCycleGateTree(suggested, { dna: refs.dna, pulse: refs.pulse?.ref ?? null, scatter: refs.scatter });
    // setAssayGates refuses (RangeError) when a gate drawn elsewhere already uses a cell-cycle gate id.
    store.getState().changeGating((document) => setAssayGates(document, 'cellCycle', tree, perSample));
    const run: CellCycleRun = { channels, refs, bands: Object.fromEntries(analysed.map(({ sampleId, analysis }) => [sampleId, analysis.singletGate])), failures };
    keepFits(store, run, analysed);
    store.getState().cellCycleFinished(run);
  } catch (error) {
    setCellCycleStatus({ kind: 'failed', message: engineFailure(error) });
  }
}

/** The analysis's fits are the fits of the gates just written: keep them under the key the fit sync will compute. */
function keepFits(store: AppStore, run: CellCycleRun, analysed: readonly { sampleId: SampleId; analysis: CellCycleAnalysis }[]): void {
  const state = store.getState();
  for (const { sampleId, analysis } of analysed) {
    const entry = state.samples.find((e) => e.id === sampleId);
    if (entry?.status.kind !== 'ready') continue;
    const strategy = strategyForSample(state.gating, sampleId, 'cellCycle');
    const plan = planFit(sampleId, entry.status.summary.activeDataset, strategy, run, state.cellCycleOptions);
    const { histogram, fit, doublets, offScale, flags } = analysis;
    const kept: CellCycleFitEntry | null = plan && { key: plan.key, result: { histogram, fit, doublets, offScale, flags } };
    if (kept) state.setCellCycleFit(sampleId, kept);
  }
}
