/**
 * Named text values in IndexedDB (the sessions: src/analysis/savedSessions.ts), kept until the user clears the
 * site's data. One connection stays open, so a write started while the page is being hidden or closed is issued at
 * once, in the same task, and committed by the browser after the page has gone.
 */
const DATABASE = 'flowfate';
const STORE = 'workspaces';

export interface TextStore {
  /** Every stored value by key (values are what was stored; a newer FlowFate may have stored other kinds). */
  readAll(): Promise<Map<string, unknown>>;
  /**
   * Starts the write before returning: call it from a pagehide handler and it still lands. Resolves once the
   * transaction has committed (a request's success comes earlier, and a page closed in between loses the write).
   */
  write(key: string, text: string): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Why the browser would not store or remove a value, in words (never the browser's own error text). */
export function storageRefusal(error: unknown): string {
  return error instanceof DOMException && error.name === 'QuotaExceededError'
    ? "this browser's storage for FlowFate is full"
    : 'this browser refused to store it (a private window, or site data turned off?)';
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.addEventListener('success', () => resolve(r.result));
    r.addEventListener('error', () => reject(r.error ?? new Error('IndexedDB request failed')));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.addEventListener('complete', () => resolve());
    transaction.addEventListener('abort', () => reject(transaction.error ?? new Error('IndexedDB transaction aborted')));
  });
}

/**
 * Opens the database at whatever version it has (a newer FlowFate may have upgraded it), adding the store when
 * it is missing; gives the connection up when another page needs to upgrade it.
 */
async function connect(): Promise<IDBDatabase> {
  const open = (version?: number) => {
    const r = indexedDB.open(DATABASE, version);
    r.addEventListener('upgradeneeded', () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
    });
    return request(r);
  };
  let db = await open();
  if (!db.objectStoreNames.contains(STORE)) {
    const next = db.version + 1;
    db.close();
    db = await open(next);
  }
  db.addEventListener('versionchange', () => db.close());
  return db;
}

export async function openTextStore(): Promise<TextStore> {
  let db = await connect();
  /** Issues `work` in the calling task when the connection is open (the pagehide case); reconnects when it was closed. */
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    let store: IDBObjectStore;
    try {
      store = db.transaction(STORE, mode).objectStore(STORE);
    } catch {
      db = await connect();
      store = db.transaction(STORE, mode).objectStore(STORE);
    }
    return work(store);
  }
  return {
    readAll: () =>
      run('readonly', async (store) => {
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        return new Map(keys.map((key, i) => [String(key), values[i]]));
      }),
    write: (key, text) =>
      run('readwrite', (store) => {
        store.put(text, key);
        return committed(store.transaction);
      }),
    remove: (key) =>
      run('readwrite', (store) => {
        store.delete(key);
        return committed(store.transaction);
      }),
  };
}
