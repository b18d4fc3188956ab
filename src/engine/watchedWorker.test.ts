import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WatchedWorker, WorkerFailedError, type WorkerFailure, type WorkerHandle } from './watchedWorker.ts';

const TIMES = { pingEveryMs: 1000, idleTimeoutMs: 5000, busyTimeoutMs: 30_000 };

/** A worker whose pings are answered while `responsive`, whose calls resolve when told, and that can raise an error. */
function fakeWorker() {
  const listeners = { message: [] as (() => void)[], error: [] as ((message: string) => void)[] };
  const state = { responsive: true, terminated: false };
  const handle: WorkerHandle<{ ping(): Promise<void>; work(): Promise<string> }> = {
    api: {
      ping: () => (state.responsive ? Promise.resolve().then(() => listeners.message.forEach((l) => l())) : new Promise(() => undefined)),
      work: () => new Promise(() => undefined),
    },
    onMessage: (listener) => listeners.message.push(listener),
    onError: (listener) => listeners.error.push(listener),
    terminate: () => (state.terminated = true),
  };
  return { handle, state, raiseError: (message: string) => listeners.error.forEach((l) => l(message)) };
}

describe('WatchedWorker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('leaves a worker that answers its pings alone', async () => {
    const { handle, state } = fakeWorker();
    const failures: WorkerFailure[] = [];
    const worker = new WatchedWorker(handle, TIMES, (f) => failures.push(f));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(failures).toEqual([]);
    expect(worker.running).toBe(true);
    expect(state.terminated).toBe(false);
    worker.terminate();
  });

  it('replaces nothing itself but reports an idle worker that stops answering, terminates it and fails its calls', async () => {
    const { handle, state } = fakeWorker();
    const failures: WorkerFailure[] = [];
    const worker = new WatchedWorker(handle, TIMES, (f) => failures.push(f));
    await vi.advanceTimersByTimeAsync(3000);
    state.responsive = false;
    await vi.advanceTimersByTimeAsync(TIMES.idleTimeoutMs + 2 * TIMES.pingEveryMs);
    expect(failures).toEqual([{ kind: 'silent', busy: false }]);
    expect(state.terminated).toBe(true);
    await expect(worker.call((api) => api.ping())).rejects.toBeInstanceOf(WorkerFailedError);
  });

  it('finds a worker that stopped while idle within the idle timeout, even when a call was sent to it meanwhile', async () => {
    const { handle, state } = fakeWorker();
    const failures: WorkerFailure[] = [];
    const worker = new WatchedWorker(handle, TIMES, (f) => failures.push(f));
    await vi.advanceTimersByTimeAsync(2500);
    state.responsive = false;
    await vi.advanceTimersByTimeAsync(1500);
    const outcome = worker.call((api) => api.work()).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(TIMES.idleTimeoutMs + TIMES.pingEveryMs);
    expect(failures).toEqual([{ kind: 'silent', busy: false }]);
    expect(await outcome).toBeInstanceOf(WorkerFailedError);
  });

  it('takes progress during a long call as life, and only a long silence as a hang', async () => {
    const { handle, state } = fakeWorker();
    const failures: WorkerFailure[] = [];
    const worker = new WatchedWorker(handle, TIMES, (f) => failures.push(f));
    state.responsive = false;
    const outcome = worker.call((api) => api.work()).catch((error: unknown) => error);
    for (let t = 0; t < 60_000; t += 2000) {
      worker.alive();
      await vi.advanceTimersByTimeAsync(2000);
    }
    expect(failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(TIMES.busyTimeoutMs + TIMES.pingEveryMs);
    expect(failures).toEqual([{ kind: 'silent', busy: true }]);
    expect(await outcome).toBeInstanceOf(WorkerFailedError);
  });

  it('reports an error event at once, with its message', async () => {
    const { handle, raiseError } = fakeWorker();
    const failures: WorkerFailure[] = [];
    const worker = new WatchedWorker(handle, TIMES, (f) => failures.push(f));
    const outcome = worker.call((api) => api.work()).catch((error: unknown) => error);
    raiseError('Uncaught RangeError');
    expect(failures).toEqual([{ kind: 'error', message: 'Uncaught RangeError' }]);
    expect(await outcome).toBeInstanceOf(WorkerFailedError);
  });
});
