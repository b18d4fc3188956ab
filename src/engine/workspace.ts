/**
 * The app's state as a workspace (src/analysis/workspace.ts) and back: for workspace files, and for the sessions
 * autosaved in this browser (src/engine/sessions.ts).
 */
import type { GatingDocument } from '../analysis/gatingDocument.ts';
import { remapIds, sampleKey, type Workspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceError } from '../analysis/workspace.ts';
import { parseGatingStrategy } from '../gating/strategyJson.ts';
import type { PopulationId } from '../gating/types.ts';
import type { ApoptosisRunRecord, ApoptosisSetup } from '../state/apoptosisSlice.ts';
import type { CellCycleChannels, CellCycleRun } from '../state/cellCycleSlice.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { ViewSlice } from '../state/viewSlice.ts';
import { savedModelOptions } from '../cellcycle/modelOptions.ts';
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

/**
 * Opens a workspace into the session: its files (already open ones are reused, others are reopened from their URL or
 * as kept in this browser), then its gates, sample sheet, views and analyses. Resolves to a sentence for the user.
 */
export async function openWorkspace(workspace: Workspace, client: CytometryClient, store: AppStore): Promise<string> {
  const saved = readSavedState(workspace.state);
  const ids = await openWorkspaceSamples(workspace.samples, client, store);
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
  const missing = workspace.samples.filter((s) => !ids.has(s.key)).map((s) => s.fileName);
  const opened = `${ids.size} ${ids.size === 1 ? 'file' : 'files'}`;
  return missing.length === 0
    ? `Opened the workspace with its ${opened}.`
    : `Opened the workspace with ${opened}; ${missing.length} could not be found (${missing.join(', ')}): open them, then open the workspace again.`;
}

export function workspaceFileText(state: AppState): string {
  return JSON.stringify(captureWorkspace(state), null, 1);
}
