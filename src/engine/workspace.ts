/**
 * The app's state as a workspace (src/analysis/workspace.ts) and back: for workspace files, and for the sessions
 * autosaved in this browser (src/engine/sessions.ts).
 */
import type { GatingDocument } from '../analysis/gatingDocument.ts';
import { remapIds, sampleKey, type Workspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceError, type WorkspaceSample } from '../analysis/workspace.ts';
import { parseGatingStrategy } from '../gating/strategyJson.ts';
import type { PopulationId } from '../gating/types.ts';
import type { ApoptosisRunRecord, ApoptosisSetup } from '../state/apoptosisSlice.ts';
import type { CellCycleChannels, CellCycleRun } from '../state/cellCycleSlice.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { ViewSlice } from '../state/viewSlice.ts';
import { savedModelOptions } from '../cellcycle/modelOptions.ts';
import { listForMessage } from '../fcs/warnings.ts';
import type { CellCycleModelOptions } from '../cellcycle/types.ts';
import type { CytometryClient } from './cytometryClient.ts';
import { openWorkspaceSamples } from './openSamples.ts';

/** Everything of the store a workspace keeps; counts, fits and plots are recomputed from it. */
export interface SavedState {
  gating: GatingDocument;
  view: Pick<ViewSlice, 'activeView' | 'selectedSampleId' | 'xChannel' | 'yChannel' | 'histogramChannel' | 'axes' | 'autoAxisFits' | 'bivariateKind'> & {
    plottedPopulation: PopulationId | null;
  };
  apoptosis: { setup: ApoptosisSetup; run: ApoptosisRunRecord | null };
  cellCycle: { channels: CellCycleChannels | null; options: CellCycleModelOptions; run: CellCycleRun | null };
  /** Absent in workspaces saved before experiments had a name. */
  experiment?: { name: string };
}

/**
 * The current session as a workspace. Samples that finished opening are named by their key; a restored sample still
 * opening (or that could not be opened) is kept as its workspace listed it; a new file still opening is left out.
 */
export function captureWorkspace(state: AppState): Workspace<SavedState> {
  const keys = new Map<string, string>();
  const samples = state.samples.flatMap((entry) => {
    if (entry.status.kind !== 'ready') {
      if (!entry.saved) return [];
      keys.set(entry.id, entry.saved.key);
      return [entry.saved];
    }
    const { fileName, byteLength, fingerprint, activeDataset } = entry.status.summary;
    const key = sampleKey(fileName, byteLength, fingerprint);
    keys.set(entry.id, key);
    return [{ key, fileName, byteLength, source: entry.source, annotation: entry.annotation, activeDataset }];
  });
  const saved: SavedState = {
    gating: state.committedGating,
    view: {
      activeView: state.activeView,
      selectedSampleId: state.selectedSampleId,
      xChannel: state.xChannel,
      yChannel: state.yChannel,
      histogramChannel: state.histogramChannel,
      axes: state.axes,
      autoAxisFits: state.autoAxisFits,
      bivariateKind: state.bivariateKind,
      plottedPopulation: state.plottedPopulation,
    },
    apoptosis: { setup: state.apoptosisSetup, run: state.apoptosisRun },
    cellCycle: { channels: state.cellCycleChannels, options: state.cellCycleOptions, run: state.cellCycleRun },
    experiment: { name: state.experimentName },
  };
  return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: new Date().toISOString(), samples, state: remapIds(saved, keys) };
}

function readSavedState(state: unknown): SavedState {
  const value = state as Partial<SavedState>;
  if (!value.gating || !value.view || !value.apoptosis || !value.cellCycle) throw new WorkspaceError('the workspace misses part of its saved state');
  try {
    parseGatingStrategy(value.gating.template);
  } catch (error) {
    throw new WorkspaceError(`the workspace's gates cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
  return value as SavedState;
}

/** What opening a workspace did, in words, and the files it could not find (the user is asked for them). */
export interface OpenedWorkspace {
  text: string;
  missing: WorkspaceSample[];
}

/**
 * Opens a workspace into the session: its files (already open ones are reused, others are taken from `files` the
 * user chose, or reopened from their URL or as kept in this browser), then its gates, sample sheet, views and
 * analyses. The files it cannot find are asked for once (the store's `missingFiles`); opening it again with them
 * completes it.
 */
export async function openWorkspace(workspace: Workspace, client: CytometryClient, store: AppStore, files: readonly File[] = []): Promise<OpenedWorkspace> {
  const saved = readSavedState(workspace.state);
  const ids = await openWorkspaceSamples(workspace.samples, client, store, files);
  const state = remapIds(saved, ids);
  const open = new Set(store.getState().samples.map((e) => e.id));
  store.getState().loadGating(state.gating);
  store.setState({
    ...state.view,
    selectedSampleId: state.view.selectedSampleId !== null && open.has(state.view.selectedSampleId) ? state.view.selectedSampleId : store.getState().selectedSampleId,
    apoptosisSetup: state.apoptosis.setup,
    apoptosisRun: state.apoptosis.run,
    cellCycleChannels: state.cellCycle.channels,
    cellCycleOptions: savedModelOptions(state.cellCycle.options),
    cellCycleRun: state.cellCycle.run,
    experimentName: state.experiment?.name ?? store.getState().experimentName,
  });
  const missing = workspace.samples.filter((s) => !ids.has(s.key));
  const all = workspace.samples.length;
  const its = `its ${all} ${all === 1 ? 'file' : 'files'}`;
  const text =
    missing.length === 0
      ? `Opened the workspace with ${its}.`
      : `Opened the workspace with ${ids.size} of ${its}; ${missing.length} ${missing.length === 1 ? 'is' : 'are'} not in this browser: ${listForMessage(missing.map((s) => s.fileName), 2)}.`;
  store.getState().setMissingFiles(missing.length > 0 ? { workspace, missing } : null);
  return { text, missing };
}

export function workspaceFileText(state: AppState): string {
  return JSON.stringify(captureWorkspace(state), null, 1);
}
