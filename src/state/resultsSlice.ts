import type { StateCreator } from 'zustand';
import type { GatingStrategy } from '../gating/types.ts';
import type { Failure, PopulationCounts, SampleId } from '../../workers/api.ts';

export interface SampleGatingResult {
  /** The strategy these counts belong to (compare by reference to know whether they are current). */
  strategy: GatingStrategy;
  counts: PopulationCounts[];
}

export interface ResultsSlice {
  gatingResults: Record<SampleId, SampleGatingResult>;
  gatingErrors: Record<SampleId, Failure>;
  setGatingResult(id: SampleId, result: SampleGatingResult): void;
  setGatingError(id: SampleId, error: Failure | null): void;
}

export const createResultsSlice: StateCreator<ResultsSlice> = (set) => ({
  gatingResults: {},
  gatingErrors: {},
  setGatingResult: (id, result) =>
    set((s) => {
      const { [id]: _cleared, ...errors } = s.gatingErrors;
      return { gatingResults: { ...s.gatingResults, [id]: result }, gatingErrors: errors };
    }),
  setGatingError: (id, error) =>
    set((s) => {
      const { [id]: _cleared, ...errors } = s.gatingErrors;
      return { gatingErrors: error ? { ...errors, [id]: error } : errors };
    }),
});
