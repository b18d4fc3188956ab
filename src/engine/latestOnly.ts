/**
 * Runs at most one task per key at a time and, while one runs, keeps only the newest request: intermediate requests
 * (e.g. quadrant positions during a drag) are dropped, so the worker never works through a backlog of stale states.
 * A dropped request resolves to `undefined`.
 */
export function createLatestOnly() {
  const running = new Set<string>();
  const pending = new Map<string, { task: () => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }>();

  async function drain(key: string): Promise<void> {
    running.add(key);
    try {
      for (let next = pending.get(key); next; next = pending.get(key)) {
        pending.delete(key);
        try {
          next.resolve(await next.task());
        } catch (error) {
          next.reject(error);
        }
      }
    } finally {
      running.delete(key);
    }
  }

  return function schedule<T>(key: string, task: () => Promise<T>): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve, reject) => {
      pending.get(key)?.resolve(undefined);
      pending.set(key, { task, resolve: resolve as (value: unknown) => void, reject });
      if (!running.has(key)) void drain(key);
    });
  };
}
