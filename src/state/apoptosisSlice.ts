import type { StateCreator } from 'zustand';
import { DEFAULT_PERCENTILE, type QuadrantThresholds } from '../apoptosis/thresholds.ts';
import type { ApoptosisRun } from '../../workers/api.ts';

/**
 * How the Annexin V and PI channels are compensated: automatically (each file's $SPILLOVER when all have one, else
 * the single-stain controls), each file's $SPILLOVER, the single-stain controls, a matrix typed in, or not at all.
 */
export type CompensationMode = 'auto' | 'file' | 'controls' | 'edited' | 'none';

/** The guided analysis's choices (roles, dose and time live on the sample sheet). */
export interface ApoptosisSetup {
  /** $PnN chosen by the user; null follows the suggestion. */
  annexinChannel: string | null;
  piChannel: string | null;
  compensation: CompensationMode;
  /** The edited matrix's two spill coefficients (fraction of the dye's signal read in the other detector). */
  editedSpill: { annexinIntoPi: number; piIntoAnnexin: number };
  /** Percentile of the negative controls at which the quadrant centre is placed. */
  percentile: number;
  /** Thresholds typed by the user for every sample (compensated data units); an axis left out comes from the data. Absent in older saved setups. */
  manualThresholds?: Partial<QuadrantThresholds>;
}

export interface ApoptosisRunRecord {
  run: ApoptosisRun;
  /** The setup the run was made from; the results are stale once the current setup's key differs. */
  setupKey: string;
}

export type ApoptosisStatus = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

export interface ApoptosisSlice {
  apoptosisSetup: ApoptosisSetup;
  /** The last successful run (its gates are in the gating document). */
  apoptosisRun: ApoptosisRunRecord | null;
  apoptosisStatus: ApoptosisStatus;
  changeApoptosisSetup(change: Partial<ApoptosisSetup>): void;
  apoptosisStarted(): void;
  apoptosisFinished(record: ApoptosisRunRecord): void;
  /** A failed run keeps the previous results. */
  apoptosisFailed(message: string): void;
}

export const createApoptosisSlice: StateCreator<ApoptosisSlice> = (set) => ({
  apoptosisSetup: { annexinChannel: null, piChannel: null, compensation: 'auto', editedSpill: { annexinIntoPi: 0, piIntoAnnexin: 0 }, percentile: DEFAULT_PERCENTILE },
  apoptosisRun: null,
  apoptosisStatus: { kind: 'idle' },
  changeApoptosisSetup: (change) => set((s) => ({ apoptosisSetup: { ...s.apoptosisSetup, ...change } })),
  apoptosisStarted: () => set({ apoptosisStatus: { kind: 'running' } }),
  apoptosisFinished: (record) => set({ apoptosisRun: record, apoptosisStatus: { kind: 'idle' } }),
  apoptosisFailed: (message) => set({ apoptosisStatus: { kind: 'failed', message } }),
});
