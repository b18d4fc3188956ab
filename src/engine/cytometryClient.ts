/**
 * The UI thread's handle on the cytometry worker. A worker that fails to load or dies rejects every pending and
 * future call with a readable error, instead of leaving promises that never settle (comlink's default).
 */
import * as Comlink from 'comlink';
import type { CytometryApi } from '../../workers/api.ts';

export type Cytometry = Comlink.Remote<CytometryApi>;

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
  return {
    call: (work) => Promise.race([work(remote), failed]),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
