import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import { type ApoptosisSlice, createApoptosisSlice } from './apoptosisSlice.ts';
import { type CellCycleSlice, createCellCycleSlice } from './cellCycleSlice.ts';
import { createExperimentSlice, type ExperimentSlice } from './experimentSlice.ts';
import { createGatingSlice, type GatingSlice } from './gatingSlice.ts';
import { createResultsSlice, type ResultsSlice } from './resultsSlice.ts';
import { createSamplesSlice, type SamplesSlice } from './samplesSlice.ts';
import { createViewSlice, type ViewSlice } from './viewSlice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice.ts';

export type AppState = SamplesSlice & ViewSlice & GatingSlice & ResultsSlice & ApoptosisSlice & CellCycleSlice & ExperimentSlice & WorkspaceSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store; the app makes one, tests make their own. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSamplesSlice(...a),
    ...createViewSlice(...a),
    ...createGatingSlice(...a),
    ...createResultsSlice(...a),
    ...createApoptosisSlice(...a),
    ...createCellCycleSlice(...a),
    ...createExperimentSlice(...a),
    ...createWorkspaceSlice(...a),
  }));
}

export const StoreContext = createContext<AppStore | null>(null);

export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('the app store is used outside <StoreContext.Provider>');
  return store;
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
