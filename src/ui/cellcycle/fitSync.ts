/**
 * Keeps every cell-cycle sample's fit in step with its gating and the model options: whenever the gating the worker
 * confirmed for a sample changes its singlets (an edit of the band, a drag in progress), or the options change, the
 * sample is refitted in the worker (newest only, per sample) and the fit lands in the store. A sample whose confirmed
 * gating still lags the document's (the gating sync is on its way) waits for it, so no fit of superseded gates is made.
 */
import { strategyForSample } from '../../analysis/gatingDocument.ts';
import type { CytometryClient } from '../../engine/cytometryClient.ts';
import { createLatestOnly } from '../../engine/latestOnly.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import { engineFailure } from './analyseAll.ts';
import { planFit } from './fitPlan.ts';

export function startCellCycleFitSync(client: CytometryClient, store: AppStore): () => void {
  const schedule = createLatestOnly();
  const requested = new Map<string, string>();

  const sync = (state: AppState) => {
    const run = state.cellCycleRun;
    if (!run) return;
    for (const entry of state.samples) {
      const gated = state.gatingResults[entry.id];
      if (entry.status.kind !== 'ready' || entry.annotation?.assay !== 'cellCycle' || !gated) continue;
      const dataset = entry.status.summary.activeDataset;
      const plan = planFit(entry.id, dataset, gated.strategy, run, state.cellCycleOptions);
      const wanted = planFit(entry.id, dataset, strategyForSample(state.gating, entry.id, 'cellCycle'), run, state.cellCycleOptions);
      if (!plan || plan.key !== wanted?.key || state.cellCycleFits[entry.id]?.key === plan.key || requested.get(entry.id) === plan.key) continue;
      const id = entry.id;
      requested.set(id, plan.key);
      void schedule(id, () => client.call((worker) => worker.fitCellCycle(plan.request))).then(
        (result) => {
          if (!result) return;
          if (requested.get(id) === plan.key) requested.delete(id);
          store.getState().setCellCycleFit(id, result.ok ? { key: plan.key, result: result.value } : { key: plan.key, error: result.error });
        },
        (error: unknown) => {
          if (requested.get(id) === plan.key) requested.delete(id);
          store.getState().setCellCycleFit(id, { key: plan.key, error: { code: 'ENGINE', message: engineFailure(error) } });
        },
      );
    }
  };

  sync(store.getState());
  return store.subscribe((state, previous) => {
    const changed = state.gatingResults !== previous.gatingResults || state.gating !== previous.gating;
    if (changed || state.cellCycleOptions !== previous.cellCycleOptions || state.cellCycleRun !== previous.cellCycleRun) sync(state);
  });
}
