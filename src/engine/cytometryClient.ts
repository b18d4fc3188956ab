/**
 * The UI thread's handle on the cytometry worker. A worker that fails to load or dies rejects every pending and
 * future call with a readable error, instead of leaving promises that never settle (comlink's default).
 */
import * as Comlink from 'comlink';
import type { CytometryApi } from '../../workers/api.ts';

/**
 * The worker as the UI calls it. Every method of the contract already returns a promise, so comlink's remote is the
 * contract itself; comlink's own `Remote` type would split each `Promise<A | B>` into `Promise<A> | Promise<B>`.
 * Callbacks must be wrapped in `Comlink.proxy` (only `openFile`'s progress callback is one).
 */
export type Cytometry = CytometryApi;

export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

export interface CytometryClient {
  /** Runs one call on the worker; rejects with WorkerFailedError if the worker is gone. */
  call<T>(work: (worker: Cytometry) => Promise<T>): Promise<T>;
  terminate(): void;
}

export function createCytometryClient(onFatal: (error: WorkerFailedError) => void): CytometryClient {
  // The URL must stay literal and inline for Vite to bundle the worker.
  const worker = new Worker(new URL('../../workers/cytometry.worker.ts', import.meta.url), { type: 'module', name: 'cytometry' });
  let fail!: (error: WorkerFailedError) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(onFatal);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new WorkerFailedError(`The analysis engine stopped: ${event.message || 'it could not be loaded'}. Reload the page to start again; your workspace is saved.`));
  });
  worker.addEventListener('messageerror', () => fail(new WorkerFailedError('The analysis engine sent a message that could not be read.')));
  const remote = Comlink.wrap<CytometryApi>(worker);
  const api = remote as unknown as Cytometry;
  return {
    call: (work) => Promise.race([work(api), failed]),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
