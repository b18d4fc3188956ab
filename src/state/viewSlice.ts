import type { StateCreator } from 'zustand';
import type { SampleId } from '../../workers/api.ts';

export interface ViewSlice {
  selectedSampleId: SampleId | null;
  /** $PnN of the explore plot's axes and of the histogram. */
  xChannel: string | null;
  yChannel: string | null;
  histogramChannel: string | null;
  /** Set when the analysis engine itself failed; shown as a page-level alert. */
  engineError: string | null;
  selectSample(id: SampleId | null): void;
  setChannels(channels: Partial<Pick<ViewSlice, 'xChannel' | 'yChannel' | 'histogramChannel'>>): void;
  setEngineError(message: string): void;
}

export const createViewSlice: StateCreator<ViewSlice> = (set) => ({
  selectedSampleId: null,
  xChannel: null,
  yChannel: null,
  histogramChannel: null,
  engineError: null,
  selectSample: (id) => set({ selectedSampleId: id }),
  setChannels: (channels) => set(channels),
  setEngineError: (message) => set({ engineError: message }),
});
