/**
 * The UI thread's handle on the engine: a pool of cytometry workers, one per core (at most MAX_WORKERS), each watched
 * and replaced if it stops or hangs (enginePool.ts). A worker script that cannot load at all fails every call with a
 * readable error instead of leaving promises that never settle (comlink's default).
 */
import * as Comlink from 'comlink';
import type { CytometryApi, CytometryWorkerApi } from '../../workers/api.ts';
import { EnginePool, type RestartReport } from './enginePool.ts';
import { DEFAULT_WATCH_TIMES, type WatchTimes, WorkerFailedError, type WorkerHandle } from './watchedWorker.ts';

export { WorkerFailedError };
export type { RestartReport };

/**
 * The engine as the UI calls it. Every method of the contract already returns a promise; callbacks (openFile's
 * progress) are plain functions: the pool passes them to the worker.
 */
export type Cytometry = CytometryApi;

export interface CytometryClient {
  /** Runs one call on the engine; rejects with WorkerFailedError if the engine cannot answer. */
  call<T>(work: (engine: Cytometry) => Promise<T>): Promise<T>;
  /** Files worth opening at the same time: enough to keep every worker busy and overlap reading with decoding. */
  readonly parallelOpens: number;
  terminate(): void;
}

export interface ClientEvents {
  /** A worker stopped or hung and was replaced; its samples were reopened (or lost, with why). */
  onRestart(report: RestartReport): void;
  /** The engine cannot run at all (its worker script does not load). */
  onFatal(error: WorkerFailedError): void;
}

/** More workers than this gain little (each holds its samples' events; opening is bound by disk and memory). */
const MAX_WORKERS = 4;

/**
 * Bytes the decoded events of all open samples may take: a quarter of the device's memory as the browser reports it
 * (navigator.deviceMemory, rounded and capped at 8 GB by Chromium; 4 GB assumed elsewhere), which leaves room for the
 * sessions' index and display columns, the page and the rest of the machine.
 */
export function eventMemoryBudget(deviceMemoryGb: number | undefined): number {
  return ((deviceMemoryGb ?? 4) * 2 ** 30) / 4;
}

function spawnWorker(): WorkerHandle<CytometryWorkerApi> {
  // The URL must stay literal and inline for Vite to bundle the worker.
  const worker = new Worker(new URL('../../workers/cytometry.worker.ts', import.meta.url), { type: 'module', name: 'cytometry' });
  const remote = Comlink.wrap<CytometryWorkerApi>(worker);
  return {
    // comlink's Remote type would split each `Promise<A | B>` into `Promise<A> | Promise<B>`; the contract is already async.
    api: remote as unknown as CytometryWorkerApi,
    onMessage: (listener) => worker.addEventListener('message', listener),
    onError: (listener) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'it could not be loaded');
      });
      worker.addEventListener('messageerror', () => listener('it sent a message that could not be read'));
    },
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

export function createCytometryClient(events: ClientEvents, watch: WatchTimes = DEFAULT_WATCH_TIMES): CytometryClient {
  const size = Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 2));
  const deviceMemory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  const pool = new EnginePool({ size, spawn: spawnWorker, memoryBudget: eventMemoryBudget(deviceMemory), watch, ...events });
  return {
    call: (work) => work(pool.api),
    parallelOpens: 2 * size,
    terminate: () => pool.terminate(),
  };
}
