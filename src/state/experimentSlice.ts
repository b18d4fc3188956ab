import type { StateCreator } from 'zustand';
import type { MeasureKey } from '../experiment/measures.ts';

export interface ExperimentSlice {
  /** Names the experiment's exports (workbook, tables, figures); '' until the user or the demo names it. */
  experimentName: string;
  /** The percentage the Experiment view plots against concentration. */
  doseResponseMeasure: MeasureKey;
  setExperimentName(name: string): void;
  showDoseResponseOf(measure: MeasureKey): void;
}

export const createExperimentSlice: StateCreator<ExperimentSlice> = (set) => ({
  experimentName: '',
  doseResponseMeasure: 'viable',
  setExperimentName: (name) => set({ experimentName: name }),
  showDoseResponseOf: (measure) => set({ doseResponseMeasure: measure }),
});
