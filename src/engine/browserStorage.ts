/** A few named text values in IndexedDB (workspaces): small, and kept until the user clears the site's data. */
const DATABASE = 'flowfate';
const STORE = 'workspaces';

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.addEventListener('upgradeneeded', () => request.result.createObjectStore(STORE));
    request.addEventListener('success', () => resolve(request.result));
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB is not available')));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB request failed')));
    });
  } finally {
    db.close();
  }
}

export async function readText(name: string): Promise<string | null> {
  const value = await run<unknown>('readonly', (store) => store.get(name));
  return typeof value === 'string' ? value : null;
}

export function writeText(name: string, text: string): Promise<IDBValidKey> {
  return run('readwrite', (store) => store.put(text, name));
}

export function deleteText(name: string): Promise<undefined> {
  return run('readwrite', (store) => store.delete(name));
}
