/**
 * Keeps the worker's gating in step with the store: whenever a sample's strategy changes, it is sent to the worker
 * (newest only, per sample) and the counts come back into the store. During a drag only the sample on screen is
 * re-gated; the others follow when the edit is committed. Counts land in the store in batches (updateBatch.ts): a run
 * over 96 tubes renders a few times, a lone sample (a drag step) at once.
 */
import { strategyForSample } from '../analysis/gatingDocument.ts';
import type { GatingStrategy } from '../gating/types.ts';
import type { GatingOutcome } from '../state/resultsSlice.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { SampleId } from '../../workers/api.ts';
import type { CytometryClient } from './cytometryClient.ts';
import { createLatestOnly } from './latestOnly.ts';
import { createUpdateBatch } from './updateBatch.ts';

const BATCH_MS = 100;

export function startGatingSync(client: CytometryClient, store: AppStore): () => void {
  const schedule = createLatestOnly();
  const sent = new Map<string, GatingStrategy>();
  const outcomes = createUpdateBatch<SampleId, GatingOutcome>((batch) => store.getState().setGatingOutcomes(batch), BATCH_MS);
  const arrived = (id: SampleId, outcome: GatingOutcome | undefined) => outcomes.arrive(id, outcome);

  const sync = (state: AppState) => {
    const dragging = state.gating !== state.committedGating;
    for (const entry of state.samples) {
      if (entry.status.kind !== 'ready') continue;
      if (dragging && entry.id !== state.selectedSampleId) continue;
      // A data-set switch gives the sample a fresh session in the worker, so it counts as a new sample.
      const key = `${entry.id}/${entry.status.summary.activeDataset}`;
      const previous = sent.get(key);
      const strategy = strategyForSample(state.gating, entry.id, entry.annotation?.assay ?? null);
      if (previous === strategy || (previous && JSON.stringify(previous) === JSON.stringify(strategy))) continue;
      sent.set(key, strategy);
      const id = entry.id;
      outcomes.expect();
      void schedule(id, () => client.call((worker) => worker.applyStrategy(id, strategy))).then(
        (result) => arrived(id, result && (result.ok ? { kind: 'counts', result: { strategy, counts: result.value } } : { kind: 'error', error: result.error })),
        (error: unknown) => arrived(id, { kind: 'error', error: { code: 'ENGINE', message: error instanceof Error ? error.message : String(error) } }),
      );
    }
    for (const key of sent.keys()) if (!state.samples.some((e) => key.startsWith(`${e.id}/`))) sent.delete(key);
  };

  sync(store.getState());
  return store.subscribe((state, previous) => {
    if (state.gating !== previous.gating || state.samples !== previous.samples || state.committedGating !== previous.committedGating) sync(state);
  });
}
