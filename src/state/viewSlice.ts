import type { StateCreator } from 'zustand';
import type { AxisSpec, BivariateKind } from '../analysis/axes.ts';
import type { SampleId } from '../../workers/api.ts';

/** A message to the user about something they did; `detail` names the FCS keyword or file behind it. */
export interface Notice {
  error: boolean;
  text: string;
  detail?: string;
}

/** The app's dialogs: the keyboard shortcut sheet, the help on each assay's method, the one-minute tour. */
export type DialogId = 'shortcuts' | 'help' | 'tour';

/** The main views of the app (tabs). */
export type ViewId = 'explore' | 'sampleSheet' | 'apoptosis' | 'cellCycle' | 'experiment';

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
  /**
   * The group new gates drawn in Explore belong to: 'sample' (the selected sample's assay group), 'all' (every
   * sample) or a user group's id.
   */
  drawingGroup: string;
  /** Whether the side panel with the sample list is shown (collapsed, the plots get the room). */
  samplePanelOpen: boolean;
  /** The dialog shown over the page, if any. */
  openDialog: DialogId | null;
  /** The outcome of the last thing the user opened; successes go away by themselves. */
  notice: Notice | null;
  /** Set when the analysis engine itself failed; shown as a page-level alert. */
  engineError: string | null;
  showView(view: ViewId): void;
  selectSample(id: SampleId | null): void;
  setChannels(channels: Partial<Pick<ViewSlice, 'xChannel' | 'yChannel' | 'histogramChannel'>>): void;
  /** Sets a channel's axis: `fittedTo` samples when made automatically, absent when the user chose it. */
  setAxis(axis: AxisSpec, fittedTo?: number): void;
  setBivariateKind(kind: BivariateKind): void;
  setEngineError(message: string): void;
  setSamplePanelOpen(open: boolean): void;
  setDrawingGroup(choice: string): void;
  notify(notice: Notice | null): void;
  showDialog(dialog: DialogId | null): void;
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
  drawingGroup: 'sample',
  samplePanelOpen: true,
  notice: null,
  openDialog: null,
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
  setSamplePanelOpen: (open) => set({ samplePanelOpen: open }),
  setDrawingGroup: (choice) => set({ drawingGroup: choice }),
  notify: (notice) => set({ notice }),
  showDialog: (dialog) => set({ openDialog: dialog }),
});
