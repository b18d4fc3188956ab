/**
 * Autosaving one page's session: 0.8 s after the last change, and at once when the page is hidden or left (a tab
 * switched, closed or reloaded), so the last edit is never lost. It never waits for files still opening: those are
 * left out of the save (captureWorkspace) until they are ready.
 *
 * An IndexedDB write started while a page unloads is dropped by Chromium (measured: 0 of 5 reloads), so the save
 * made on leaving also goes to localStorage, which is written at once; the next page moves it into IndexedDB
 * (replayJournal) when it is newer than what IndexedDB holds. A timed save still being written when the page is left
 * would be dropped the same way (on a busy machine it often is), so leaving journals it too.
 */
import { readSavedSession, sessionKey } from '../analysis/savedSessions.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { storageRefusal, type TextStore } from './browserStorage.ts';
import { captureWorkspace } from './workspace.ts';

const AUTOSAVE_DELAY_MS = 800;
const JOURNAL_PREFIX = 'flowfate-journal:';
/** Store fields captureWorkspace reads: a change to any of them is autosaved. */
const SAVED_FIELDS: readonly (keyof AppState)[] = [
  'samples', 'committedGating', 'activeView', 'selectedSampleId', 'xChannel', 'yChannel', 'histogramChannel', 'axes', 'autoAxisFits', 'bivariateKind',
  'plottedPopulation', 'apoptosisSetup', 'apoptosisRun', 'cellCycleChannels', 'cellCycleOptions', 'cellCycleRun', 'experimentName',
];

export interface Autosave {
  /** The storage key this page saves into. */
  readonly key: string;
  /** Saves now; resolves to false (after telling the user) when the browser refused to store it. */
  saveNow(): Promise<boolean>;
  /**
   * Holds saves back while a kept session is being restored into this page: a pending edit is saved first, and
   * leaving the page meanwhile saves nothing (a half-restored session, without its gates, would otherwise become the
   * newest one offered; the kept session stays whole until the restore has been saved).
   */
  pause(): void;
  resume(): void;
}

/** A random session id: crypto.randomUUID needs a secure context, getRandomValues does not. */
function newSessionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function startAutosave(store: AppStore, storage: TextStore): Autosave {
  const key = sessionKey(newSessionId());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let paused = false;
  let stored = false;
  /** The newest save handed to IndexedDB that it has not confirmed yet. */
  let unconfirmed: string | null = null;
  let persistenceAsked = false;

  const save = async (leaving: boolean): Promise<boolean> => {
    clearTimeout(timer);
    timer = undefined;
    dirty = false;
    const workspace = captureWorkspace(store.getState());
    try {
      if (workspace.samples.length > 0) {
        stored = true;
        const text = JSON.stringify(workspace);
        unconfirmed = text;
        if (leaving) writeJournal(key, text);
        await storage.write(key, text);
        // Writes of one connection land in the order they were made: once the newest has, the journal is not needed.
        if (unconfirmed === text) {
          unconfirmed = null;
          localStorage.removeItem(`${JOURNAL_PREFIX}${key}`);
        }
        store.getState().setAutosavedAt(workspace.savedAt);
        if (!persistenceAsked) {
          persistenceAsked = true;
          // Asks the browser not to clear the site's storage when space runs low (it may say no).
          void navigator.storage?.persist?.().catch(() => false);
        }
      } else if (stored) {
        // Every file was closed: there is no session left to keep.
        stored = false;
        await storage.remove(key);
      }
      return true;
    } catch (error) {
      store.getState().setWorkspaceMessage({ error: true, text: `Your work could not be saved in this browser: ${storageRefusal(error)}. Use Save workspace to keep it in a file.` });
      return false;
    }
  };

  const schedule = () => {
    dirty = true;
    if (paused) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save(false), AUTOSAVE_DELAY_MS);
  };
  store.subscribe((state, before) => {
    if (SAVED_FIELDS.some((field) => state[field] !== before[field])) schedule();
  });
  const flush = () => {
    if (dirty && !paused) void save(true);
    else if (unconfirmed !== null) writeJournal(key, unconfirmed);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  addEventListener('pagehide', flush);

  return {
    key,
    saveNow: () => save(false),
    pause: () => {
      if (dirty) void save(false);
      paused = true;
    },
    resume: () => {
      paused = false;
      if (dirty) schedule();
    },
  };
}

/** Keeps a save in localStorage (written at once, unlike IndexedDB while a page unloads); best effort when it is full. */
function writeJournal(key: string, text: string): void {
  try {
    localStorage.setItem(`${JOURNAL_PREFIX}${key}`, text);
  } catch {
    // Over the quota (a very large session): IndexedDB alone then.
  }
}

/**
 * Moves saves made while pages were left into IndexedDB where they are newer than what it holds, and drops the others;
 * a newer FlowFate's saves stay for that version.
 */
export async function replayJournal(storage: TextStore): Promise<void> {
  const journal = Object.keys(localStorage).filter((name) => name.startsWith(JOURNAL_PREFIX));
  if (journal.length === 0) return;
  const records = await storage.readAll();
  for (const name of journal) {
    const key = name.slice(JOURNAL_PREFIX.length);
    const text = localStorage.getItem(name);
    const saved = text === null ? null : readSavedSession(key, text);
    // A newer FlowFate's save is left for that version to take.
    if (saved?.kind === 'newer') continue;
    const stored = records.has(key) ? readSavedSession(key, records.get(key)) : null;
    const newer = saved?.kind === 'restorable' && (stored?.kind !== 'restorable' || saved.savedAt > stored.savedAt);
    if (newer && text !== null) await storage.write(key, text);
    localStorage.removeItem(name);
  }
}
