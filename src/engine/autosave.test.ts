import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store.ts';
import { replayJournal, startAutosave } from './autosave.ts';
import type { TextStore } from './browserStorage.ts';
import { captureWorkspace } from './workspace.ts';

/** localStorage as far as autosave uses it: items are own properties, so Object.keys lists them. */
class PageStorage {
  [name: string]: unknown;
  getItem(name: string): string | null {
    return Object.hasOwn(this, name) ? String(this[name]) : null;
  }
  setItem(name: string, value: string): void {
    this[name] = value;
  }
  removeItem(name: string): void {
    delete this[name];
  }
}

/** A page's leaving events and its localStorage. */
function stubPage(): { window: EventTarget; journal: PageStorage } {
  const window = new EventTarget();
  const journal = new PageStorage();
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('localStorage', journal);
  return { window, journal };
}

/** IndexedDB as a page being closed sees it: writes are taken but `settle` decides when (if ever) they land. */
function slowStorage() {
  const records = new Map<string, unknown>();
  const pending: (() => void)[] = [];
  const storage: TextStore = {
    readAll: async () => new Map(records),
    write: (key, text) => new Promise<void>((resolve) => pending.push(() => (records.set(key, text), resolve()))),
    remove: async (key) => void records.delete(key),
  };
  return { storage, records, settle: () => pending.splice(0).forEach((land) => land()) };
}

function openSample(store: ReturnType<typeof createAppStore>, fileName: string): void {
  const id = `flowfate-sample-${fileName}`;
  store.getState().addSample({ id, fileName, byteLength: 10, source: { kind: 'file' } });
  store.getState().setSampleStatus(id, { kind: 'ready', summary: { id, fileName, byteLength: 10, fingerprint: 'f00d', datasets: [], activeDataset: 0, eventBytes: 0 } });
}

const savedFiles = (text: unknown) => (JSON.parse(String(text)) as { samples: { fileName: string }[] }).samples.map((s) => s.fileName);
const journalled = (journal: PageStorage) => Object.keys(journal);

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('journals an edit made just before the page is left', () => {
    const { window, journal } = stubPage();
    const { storage } = slowStorage();
    const store = createAppStore();
    const autosave = startAutosave(store, storage);
    openSample(store, 'a.fcs');
    window.dispatchEvent(new Event('pagehide'));
    expect(journalled(journal)).toEqual([`flowfate-journal:${autosave.key}`]);
    expect(savedFiles(journal.getItem(`flowfate-journal:${autosave.key}`))).toEqual(['a.fcs']);
  });

  it('journals a timed save IndexedDB has not finished when the page is left, and forgets it once written', async () => {
    const { window, journal } = stubPage();
    const { storage, records, settle } = slowStorage();
    const store = createAppStore();
    const autosave = startAutosave(store, storage);
    openSample(store, 'a.fcs');
    await vi.advanceTimersByTimeAsync(800);
    expect(journalled(journal)).toEqual([]);
    window.dispatchEvent(new Event('pagehide'));
    // The page may be gone before IndexedDB commits: the journal holds the save.
    expect(savedFiles(journal.getItem(`flowfate-journal:${autosave.key}`))).toEqual(['a.fcs']);

    settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(savedFiles(records.get(autosave.key))).toEqual(['a.fcs']);
    expect(journalled(journal)).toEqual([]);
  });

  it('saves the session as it was when a restore starts, and nothing half-restored when the page is left meanwhile', async () => {
    const { window, journal } = stubPage();
    const { storage, records, settle } = slowStorage();
    const store = createAppStore();
    const autosave = startAutosave(store, storage);
    openSample(store, 'a.fcs');
    autosave.pause();
    openSample(store, 'restored.fcs');
    window.dispatchEvent(new Event('pagehide'));
    expect(savedFiles(journal.getItem(`flowfate-journal:${autosave.key}`))).toEqual(['a.fcs']);
    settle();
    await vi.advanceTimersByTimeAsync(800);
    expect(savedFiles(records.get(autosave.key))).toEqual(['a.fcs']);

    autosave.resume();
    await vi.advanceTimersByTimeAsync(800);
    settle();
    await vi.advanceTimersByTimeAsync(0);
    expect(savedFiles(records.get(autosave.key))).toEqual(['a.fcs', 'restored.fcs']);
  });

  it('says in words why the browser would not keep the work, never the browser\'s own error text', async () => {
    stubPage();
    for (const [refusal, words] of [
      [new DOMException('Quota exceeded at leveldb::Put', 'QuotaExceededError'), "this browser's storage for FlowFate is full"],
      [new Error('Internal error opening backing store for indexedDB.open.'), 'this browser refused to store it (a private window, or site data turned off?)'],
    ] as const) {
      const store = createAppStore();
      const autosave = startAutosave(store, { readAll: async () => new Map(), write: () => Promise.reject(refusal), remove: async () => undefined });
      openSample(store, 'a.fcs');
      expect(await autosave.saveNow()).toBe(false);
      expect(store.getState().workspaceMessage).toEqual({ error: true, text: `Your work could not be saved in this browser: ${words}. Use Save workspace to keep it in a file.` });
    }
  });

  it('moves a journalled save into IndexedDB on the next visit only when it is newer, and leaves a newer FlowFate\'s for it', async () => {
    const { journal } = stubPage();
    const { storage, records, settle } = slowStorage();
    const workspace = captureWorkspace(createAppStore().getState());
    const older = JSON.stringify({ ...workspace, savedAt: '2026-01-01T10:00:00.000Z' });
    const newer = JSON.stringify({ ...workspace, savedAt: '2026-01-01T10:05:00.000Z' });
    records.set('session:a', older).set('session:b', newer);
    journal.setItem('flowfate-journal:session:a', newer);
    journal.setItem('flowfate-journal:session:b', older);
    const future = JSON.stringify({ ...workspace, version: 99 });
    journal.setItem('flowfate-journal:session:c', future);
    const replayed = replayJournal(storage);
    await vi.advanceTimersByTimeAsync(0);
    settle();
    await replayed;
    expect(records.get('session:a')).toBe(newer);
    expect(records.get('session:b')).toBe(newer);
    expect(records.has('session:c')).toBe(false);
    expect(journalled(journal)).toEqual(['flowfate-journal:session:c']);
  });
});
