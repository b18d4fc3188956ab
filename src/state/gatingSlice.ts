import type { StateCreator } from 'zustand';
import { emptyGatingDocument, type GatingDocument, migrateGatingDocument } from '../analysis/gatingDocument.ts';
import type { GateId, PopulationId } from '../gating/types.ts';

/** Undo steps kept; a gating session rarely needs more, and each step shares structure with its neighbours. */
const HISTORY_LIMIT = 200;

export interface GatingSlice {
  /** What plots and counts show now (may be mid-drag). */
  gating: GatingDocument;
  /** The last recorded state: undo returns here first when a drag is under way. */
  committedGating: GatingDocument;
  past: GatingDocument[];
  future: GatingDocument[];
  /** Population whose events the plots show; null is all events. */
  plottedPopulation: PopulationId | null;
  selectedGateId: GateId | null;
  /**
   * Changes the gating. A transient change (each step of a drag) is shown but not recorded; the next
   * non-transient change records the whole edit as one undo step.
   */
  changeGating(change: (document: GatingDocument) => GatingDocument, options?: { transient?: boolean }): void;
  /** Replaces the whole document (opening a workspace, of this or an earlier version); clears the history. */
  loadGating(document: GatingDocument): void;
  undo(): void;
  redo(): void;
  plotPopulation(id: PopulationId | null): void;
  selectGate(id: GateId | null): void;
}

export const createGatingSlice: StateCreator<GatingSlice> = (set) => {
  const initial = emptyGatingDocument();
  return {
    gating: initial,
    committedGating: initial,
    past: [],
    future: [],
    plottedPopulation: null,
    selectedGateId: null,
    changeGating: (change, options) =>
      set((s) => {
        const next = change(s.gating);
        if (next === s.gating) return {};
        if (options?.transient) return { gating: next };
        return { gating: next, committedGating: next, past: [...s.past, s.committedGating].slice(-HISTORY_LIMIT), future: [] };
      }),
    loadGating: (saved) => {
      const document = migrateGatingDocument(saved);
      set({ gating: document, committedGating: document, past: [], future: [], selectedGateId: null, plottedPopulation: null });
    },
    undo: () =>
      set((s) => {
        if (s.gating !== s.committedGating) return { gating: s.committedGating };
        const previous = s.past.at(-1);
        if (!previous) return {};
        return { gating: previous, committedGating: previous, past: s.past.slice(0, -1), future: [s.committedGating, ...s.future] };
      }),
    redo: () =>
      set((s) => {
        const [next, ...rest] = s.future;
        if (!next) return {};
        return { gating: next, committedGating: next, past: [...s.past, s.committedGating], future: rest };
      }),
    plotPopulation: (id) => set({ plottedPopulation: id }),
    selectGate: (id) => set({ selectedGateId: id }),
  };
};
