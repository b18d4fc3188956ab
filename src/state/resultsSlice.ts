import type { StateCreator } from 'zustand';
import type { GatingStrategy } from '../gating/types.ts';
import type { Failure, PopulationCounts, SampleId } from '../../workers/api.ts';

export interface SampleGatingResult {
  /** The strategy these counts belong to (compare by reference to know whether they are current). */
  strategy: GatingStrategy;
  counts: PopulationCounts[];
}

/** What re-gating one sample gave: its counts, or why there are none. */
export type GatingOutcome = { kind: 'counts'; result: SampleGatingResult } | { kind: 'error'; error: Failure };

export interface ResultsSlice {
  gatingResults: Record<SampleId, SampleGatingResult>;
  gatingErrors: Record<SampleId, Failure>;
  /** Several samples' outcomes as one update (the gating sync batches them, so 96 tubes re-gated render once or twice). */
  setGatingOutcomes(outcomes: ReadonlyMap<SampleId, GatingOutcome>): void;
}

export const createResultsSlice: StateCreator<ResultsSlice> = (set) => ({
  gatingResults: {},
  gatingErrors: {},
  setGatingOutcomes: (outcomes) =>
    set((s) => {
      const gatingResults = { ...s.gatingResults };
      const gatingErrors = { ...s.gatingErrors };
      for (const [id, outcome] of outcomes) {
        if (outcome.kind === 'counts') {
          gatingResults[id] = outcome.result;
          delete gatingErrors[id];
        } else {
          gatingErrors[id] = outcome.error;
          // The counts of the gates before the failed ones are dropped: no stale number beside an error.
          delete gatingResults[id];
        }
      }
      return { gatingResults, gatingErrors };
    }),
});
