import type { StateCreator } from 'zustand';
import type { DnaChannelNames } from '../cellcycle/dnaChannels.ts';
import { DEFAULT_MODEL_OPTIONS } from '../cellcycle/modelOptions.ts';
import type { SingletGateSuggestion } from '../cellcycle/singletGate.ts';
import type { CellCycleModelOptions } from '../cellcycle/types.ts';
import type { CellCycleFitResult, DnaChannelRefs, Failure, SampleId } from '../../workers/api.ts';

/** The channels of the analysis: DNA area and pulse (as the CLI takes them), and the optional cells gate's scatter. */
export interface CellCycleChannels extends DnaChannelNames {
  /** FSC-A and SSC-A ($PnN) of an FSC/SSC cells gate before the singlet gate; null starts from all events, like the CLI. */
  scatter: { fsc: string; ssc: string } | null;
}

/** What the last "Analyse all samples" made: the cell-cycle gates in the gating document come from it. */
export interface CellCycleRun {
  channels: CellCycleChannels;
  /** The channels as the gates and fits read them (with the compensation reference of the first sample's file). */
  refs: DnaChannelRefs;
  /** Sample id → its suggested singlet band (null without a pulse channel): an unedited band counts doublets by its line. */
  bands: Record<SampleId, SingletGateSuggestion | null>;
  /** Samples the analysis could not suggest gates for (they use the template's gates), with why. */
  failures: Record<SampleId, Failure>;
}

/** A sample's fit, for the gating, channels and options summarised by `key` (see fitKey.ts). */
export type CellCycleFitEntry = { key: string; result: CellCycleFitResult } | { key: string; error: Failure };

export type CellCycleStatus = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'failed'; message: string };

export interface CellCycleSlice {
  /** Channels picked by the user; null follows the suggestion from the files' $PnN/$PnS. */
  cellCycleChannels: CellCycleChannels | null;
  /** The model and constraints every sample is fitted with. */
  cellCycleOptions: CellCycleModelOptions;
  cellCycleRun: CellCycleRun | null;
  cellCycleStatus: CellCycleStatus;
  cellCycleFits: Record<SampleId, CellCycleFitEntry>;
  chooseCellCycleChannels(channels: CellCycleChannels | null): void;
  setCellCycleOptions(options: CellCycleModelOptions): void;
  setCellCycleStatus(status: CellCycleStatus): void;
  cellCycleFinished(run: CellCycleRun): void;
  setCellCycleFit(id: SampleId, entry: CellCycleFitEntry): void;
}

export const createCellCycleSlice: StateCreator<CellCycleSlice> = (set) => ({
  cellCycleChannels: null,
  cellCycleOptions: DEFAULT_MODEL_OPTIONS,
  cellCycleRun: null,
  cellCycleStatus: { kind: 'idle' },
  cellCycleFits: {},
  chooseCellCycleChannels: (channels) => set({ cellCycleChannels: channels }),
  setCellCycleOptions: (options) => set({ cellCycleOptions: options }),
  setCellCycleStatus: (status) => set({ cellCycleStatus: status }),
  cellCycleFinished: (run) => set({ cellCycleRun: run, cellCycleStatus: { kind: 'idle' } }),
  setCellCycleFit: (id, entry) => set((s) => ({ cellCycleFits: { ...s.cellCycleFits, [id]: entry } })),
});
