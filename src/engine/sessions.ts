/**
 * The sessions this browser keeps: each page autosaves its own (src/engine/autosave.ts), so two tabs never
 * overwrite each other; sessions from earlier visits and closed tabs are offered back (the newest five), and stay
 * untouched until the user restores or discards them; sessions this version cannot read are kept and explained.
 * Kept files (workers/keptFiles.ts) are removed only when no kept session lists them any more.
 */
import { chooseSessions, filesInUse, isSessionKey, readSavedSession, type SavedSession } from '../analysis/savedSessions.ts';
import { WORKSPACE_VERSION } from '../analysis/workspace.ts';
import type { AppStore } from '../state/store.ts';
import type { UnreadableSession } from '../state/workspaceSlice.ts';
import { replayJournal, startAutosave } from './autosave.ts';
import { openTextStore, storageRefusal, type TextStore } from './browserStorage.ts';
import type { CytometryClient } from './cytometryClient.ts';
import { failureWords } from './failureWords.ts';
import { takeTabSession } from './tabSessions.ts';
import { captureWorkspace, openWorkspace } from './workspace.ts';

/** A kept file younger than this stays even if no session lists it: another tab may not have saved its session yet. */
const KEPT_FILE_GRACE_MS = 60 * 60 * 1000;

export interface WorkspacePersistence {
  /** Opens a kept session into this page; once this page's own session holds it, the kept copy is let go. */
  restore(key: string): Promise<void>;
  /** Removes a kept session (the user's decision), then the kept files no session lists any more. */
  discard(key: string): Promise<void>;
}

async function readSessions(storage: TextStore): Promise<SavedSession[]> {
  const records = await storage.readAll();
  return [...records].filter(([key]) => isSessionKey(key)).map(([key, value]) => readSavedSession(key, value));
}

function describeUnreadable(session: Exclude<SavedSession, { kind: 'restorable' }>): UnreadableSession {
  return session.kind === 'newer'
    ? { key: session.key, savedAt: session.savedAt, reason: `it was saved by a newer FlowFate (workspace version ${session.version}; this one reads version ${WORKSPACE_VERSION}): open it there` }
    : { key: session.key, savedAt: null, reason: `it cannot be read (${session.reason})` };
}

/** Starts autosaving this page's session and offers the kept ones back (through the store's workspace slice). */
export async function startWorkspacePersistence(client: CytometryClient, store: AppStore): Promise<WorkspacePersistence> {
  let storage: TextStore;
  try {
    storage = await openTextStore();
  } catch {
    store.getState().setWorkspaceMessage({ error: true, text: 'This browser does not let FlowFate keep your session (a private window?): use Save workspace to keep your work in a file.' });
    return { restore: async () => undefined, discard: async () => undefined };
  }
  await replayJournal(storage).catch(() => undefined);
  const autosave = startAutosave(store, storage);
  const { live } = await takeTabSession(autosave.key);
  const othersLive = new Set([...live].filter((key) => key !== autosave.key));

  let sessions = await readSessions(storage);
  const publish = () => {
    const { offered, unreadable } = chooseSessions(sessions, othersLive);
    store.getState().setSessionChoices({
      saved: offered.map(({ key, savedAt, fileCount }) => ({ key, savedAt, fileCount })),
      unreadable: unreadable.map(describeUnreadable),
      inOtherTabs: othersLive.size,
    });
  };
  const forget = async (key: string) => {
    sessions = sessions.filter((s) => s.key !== key);
    publish();
    await storage.remove(key);
  };
  const forgetUnusedFiles = async () => {
    const inUse = filesInUse(await readSessions(storage));
    if (inUse === null) return;
    for (const sample of captureWorkspace(store.getState()).samples) inUse.add(sample.key);
    await client.call((worker) => worker.forgetKeptFiles([...inUse], KEPT_FILE_GRACE_MS));
  };

  // Only the newest sessions are kept to choose from: older ones would hold their files' space for ever.
  for (const old of chooseSessions(sessions, othersLive).surplus) await forget(old.key).catch(() => undefined);
  publish();
  void forgetUnusedFiles().catch(() => undefined);

  return {
    async restore(key) {
      const session = sessions.find((s) => s.key === key);
      if (session?.kind !== 'restorable') return;
      sessions = sessions.filter((s) => s !== session);
      publish();
      autosave.pause();
      let restored: boolean;
      try {
        store.getState().setWorkspaceMessage({ error: false, text: (await openWorkspace(session.workspace, client, store)).text });
        restored = true;
      } catch (error) {
        store.getState().setWorkspaceMessage({ error: true, text: `The session could not be restored: ${failureWords(error)}. It is kept in this browser.` });
        sessions = [...sessions, session];
        publish();
        restored = false;
      } finally {
        autosave.resume();
      }
      // This page's session now holds everything the kept one did: only then is the kept copy let go.
      if (restored && (await autosave.saveNow())) await storage.remove(key).catch(() => undefined);
    },
    async discard(key) {
      await forget(key).catch((error: unknown) => store.getState().setWorkspaceMessage({ error: true, text: `The session could not be removed: ${storageRefusal(error)}.` }));
      await forgetUnusedFiles().catch(() => undefined);
    },
  };
}
