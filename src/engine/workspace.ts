/**
 * Saving and reopening the user's work: what a workspace holds (src/analysis/workspace.ts), autosaving it in this
 * browser after every change, offering the previous session back on the next visit, and workspace files.
 */
import type { GatingDocument } from '../analysis/gatingDocument.ts';
import { parseWorkspace, remapIds, sampleKey, type Workspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, WorkspaceError } from '../analysis/workspace.ts';
import { parseGatingStrategy } from '../gating/strategyJson.ts';
import type { PopulationId } from '../gating/types.ts';
import type { ApoptosisRunRecord, ApoptosisSetup } from '../state/apoptosisSlice.ts';
import type { CellCycleChannels, CellCycleRun } from '../state/cellCycleSlice.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { ViewSlice } from '../state/viewSlice.ts';
import { savedModelOptions } from '../cellcycle/modelOptions.ts';
import type { CellCycleModelOptions } from '../cellcycle/types.ts';
import { deleteText, readText, writeText } from './browserStorage.ts';
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

/** The current session as a workspace (only samples that finished opening can be named by key). */
export function captureWorkspace(state: AppState): Workspace<SavedState> {
  const keys = new Map<string, string>();
  const samples = state.samples.flatMap((entry) => {
    if (entry.status.kind !== 'ready') return [];
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

/** Storage slots: the session being worked on, and the one found at start-up until the user decides. */
const CURRENT = 'current-session';
const PREVIOUS = 'previous-session';
const AUTOSAVE_DELAY_MS = 800;
/** Store fields captureWorkspace reads: a change to any of them is autosaved. */
const SAVED_FIELDS: readonly (keyof AppState)[] = [
  'samples', 'committedGating', 'activeView', 'selectedSampleId', 'xChannel', 'yChannel', 'histogramChannel', 'axes', 'autoAxisFits', 'bivariateKind',
  'plottedPopulation', 'apoptosisSetup', 'apoptosisRun', 'cellCycleChannels', 'cellCycleOptions', 'cellCycleRun', 'experimentName',
];

export interface WorkspacePersistence {
  /** Restores the previous visit's session into this one. */
  restorePrevious(): Promise<void>;
  /** Forgets the previous visit's session and its kept files. */
  discardPrevious(): Promise<void>;
}

/**
 * Autosaves the session after every change (once files have finished opening), and offers the previous visit's
 * session back. The previous session is moved aside at start-up, so nothing done now can overwrite it.
 */
export async function startWorkspacePersistence(client: CytometryClient, store: AppStore): Promise<WorkspacePersistence> {
  const found = await readText(CURRENT).catch(() => null);
  if (found) {
    await writeText(PREVIOUS, found).catch(() => undefined);
    await deleteText(CURRENT).catch(() => undefined);
  }
  const previous = (await readText(PREVIOUS).catch(() => null)) ?? null;
  let previousWorkspace: Workspace | null = null;
  if (previous) {
    try {
      previousWorkspace = parseWorkspace(previous);
      if (previousWorkspace.samples.length > 0) store.getState().setPreviousSession({ savedAt: previousWorkspace.savedAt, fileCount: previousWorkspace.samples.length });
    } catch {
      await deleteText(PREVIOUS).catch(() => undefined);
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    const state = store.getState();
    if (state.samples.some((e) => e.status.kind === 'loading')) return;
    const workspace = captureWorkspace(state);
    void (workspace.samples.length > 0 ? writeText(CURRENT, JSON.stringify(workspace)) : deleteText(CURRENT)).then(
      () => store.getState().setAutosavedAt(workspace.savedAt),
      () => undefined,
    );
    const kept = [...workspace.samples, ...(previousWorkspace?.samples ?? [])].filter((s) => s.source.kind === 'file').map((s) => s.key);
    void client.call((worker) => worker.forgetKeptFiles(kept)).catch(() => undefined);
  };
  store.subscribe((state, before) => {
    if (!SAVED_FIELDS.some((field) => state[field] !== before[field])) return;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });

  return {
    async restorePrevious() {
      const workspace = previousWorkspace;
      store.getState().setPreviousSession(null);
      if (!workspace) return;
      try {
        store.getState().setWorkspaceMessage({ error: false, text: await openWorkspace(workspace, client, store) });
      } catch (error) {
        store.getState().setWorkspaceMessage({ error: true, text: `The last session could not be restored: ${error instanceof Error ? error.message : String(error)}` });
      }
      previousWorkspace = null;
      await deleteText(PREVIOUS).catch(() => undefined);
    },
    async discardPrevious() {
      store.getState().setPreviousSession(null);
      previousWorkspace = null;
      await deleteText(PREVIOUS).catch(() => undefined);
      save();
    },
  };
}
