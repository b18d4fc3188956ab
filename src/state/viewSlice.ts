import type { StateCreator } from 'zustand';
import type { AxisSpec, BivariateKind } from '../analysis/axes.ts';
import type { SampleId } from '../../workers/api.ts';

/** The main views of the app (tabs). */
export type ViewId = 'explore' | 'apoptosis' | 'cellCycle';

export interface ViewSlice {
  activeView: ViewId;
  selectedSampleId: SampleId | null;
  /** $PnN of the explore plot's axes and of the histogram. */
  xChannel: string | null;
  yChannel: string | null;
  histogramChannel: string | null;
  /** One axis per channel for the whole experiment, so every sample is drawn on the same scale. */
  axes: Record<string, AxisSpec>;
  /** Channel → how many samples its axis was fitted to, while the axis is automatic (a user's choice removes it). */
  autoAxisFits: Record<string, number>;
  bivariateKind: BivariateKind;
  /** Set when the analysis engine itself failed; shown as a page-level alert. */
  engineError: string | null;
  showView(view: ViewId): void;
  selectSample(id: SampleId | null): void;
  setChannels(channels: Partial<Pick<ViewSlice, 'xChannel' | 'yChannel' | 'histogramChannel'>>): void;
  /** Sets a channel's axis: `fittedTo` samples when made automatically, absent when the user chose it. */
  setAxis(axis: AxisSpec, fittedTo?: number): void;
  setBivariateKind(kind: BivariateKind): void;
  setEngineError(message: string): void;
}

export const createViewSlice: StateCreator<ViewSlice> = (set) => ({
  activeView: 'explore',
  selectedSampleId: null,
  xChannel: null,
  yChannel: null,
  histogramChannel: null,
  axes: {},
  autoAxisFits: {},
  bivariateKind: 'density',
  engineError: null,
  showView: (view) => set({ activeView: view }),
  selectSample: (id) => set({ selectedSampleId: id }),
  setChannels: (channels) => set(channels),
  setAxis: (axis, fittedTo) =>
    set((s) => {
      const { [axis.channel]: _previous, ...fits } = s.autoAxisFits;
      return { axes: { ...s.axes, [axis.channel]: axis }, autoAxisFits: fittedTo === undefined ? fits : { ...fits, [axis.channel]: fittedTo } };
    }),
  setBivariateKind: (kind) => set({ bivariateKind: kind }),
  setEngineError: (message) => set({ engineError: message }),
});
