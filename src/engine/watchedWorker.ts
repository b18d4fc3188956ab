/**
 * A worker the engine keeps an eye on (issue 12: a worker that stops or hangs without an `error` event must not go
 * unnoticed). It is pinged every `pingEveryMs`. A worker handles messages in order, so a ping sent while no earlier call
 * was running must be answered within `idleTimeoutMs`; while an earlier call runs, any message from the worker (a
 * reply, a progress report) counts as life and it fails only after `busyTimeoutMs` of silence, so a long read of a
 * large file that reports progress is never taken for a hang. A worker that fails (an error event, silence) is
 * terminated and every pending call rejects with WorkerFailedError.
 */
export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

/** The parts of a Worker the watch needs, with its comlink remote. */
export interface WorkerHandle<Api> {
  readonly api: Api;
  /** Calls `listener` on every message the worker sends. */
  onMessage(listener: () => void): void;
  /** Calls `listener` when the worker reports an error it could not handle (a failed load, an uncaught throw). */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

export interface WatchTimes {
  pingEveryMs: number;
  /** An idle worker must answer a ping within this. */
  idleTimeoutMs: number;
  /** A busy worker must send something (a reply, progress) within this. */
  busyTimeoutMs: number;
}

export const DEFAULT_WATCH_TIMES: WatchTimes = { pingEveryMs: 1000, idleTimeoutMs: 5000, busyTimeoutMs: 30_000 };

export type WorkerFailure = { kind: 'error'; message: string } | { kind: 'silent'; busy: boolean };

export class WatchedWorker<Api extends { ping(): Promise<void> }> {
  private readonly handle: WorkerHandle<Api>;
  private readonly times: WatchTimes;
  private readonly onFailure: (failure: WorkerFailure) => void;
  private readonly failed: Promise<never>;
  private fail!: (error: WorkerFailedError) => void;
  private failure: WorkerFailure | null = null;
  /** When each pending call was sent. */
  private readonly callsSentAt: number[] = [];
  private lastSign = performance.now();
  private pingSentAt: number | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(handle: WorkerHandle<Api>, times: WatchTimes, onFailure: (failure: WorkerFailure) => void) {
    this.handle = handle;
    this.times = times;
    this.onFailure = onFailure;
    this.failed = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    this.failed.catch(() => undefined);
    handle.onMessage(() => this.alive());
    handle.onError((message) => this.stop({ kind: 'error', message }));
    this.timer = setInterval(() => this.watch(), times.pingEveryMs);
  }

  /** False once the worker has failed or was terminated. */
  get running(): boolean {
    return this.failure === null;
  }

  /** A sign of life that does not come as a message to the worker's own port (a progress callback's port). */
  alive(): void {
    this.lastSign = performance.now();
  }

  /** Runs one call on the worker; rejects with WorkerFailedError if the worker fails before it answers. */
  async call<T>(work: (api: Api) => Promise<T>): Promise<T> {
    if (this.failure) throw new WorkerFailedError('the analysis engine stopped');
    const sentAt = performance.now();
    if (this.callsSentAt.length === 0) this.alive();
    this.callsSentAt.push(sentAt);
    try {
      return await Promise.race([work(this.handle.api), this.failed]);
    } finally {
      this.callsSentAt.splice(this.callsSentAt.indexOf(sentAt), 1);
    }
  }

  /** Stops watching and terminates the worker; pending calls reject. */
  terminate(): void {
    this.stop(null);
  }

  private watch(): void {
    const now = performance.now();
    const busySince = Math.min(Infinity, ...this.callsSentAt);
    if (this.pingSentAt !== null && this.pingSentAt < busySince) {
      // Nothing ran before the ping: it must be answered (counted from the last message, in case it just was).
      if (now - Math.max(this.pingSentAt, this.lastSign) > this.times.idleTimeoutMs) this.stop({ kind: 'silent', busy: false });
      return;
    }
    if (busySince < Infinity) {
      if (now - this.lastSign > this.times.busyTimeoutMs) this.stop({ kind: 'silent', busy: true });
      return;
    }
    if (this.pingSentAt !== null) return;
    this.pingSentAt = now;
    this.handle.api.ping().then(
      () => {
        this.pingSentAt = null;
        this.alive();
      },
      () => undefined,
    );
  }

  private stop(failure: WorkerFailure | null): void {
    if (this.failure) return;
    this.failure = failure ?? { kind: 'error', message: 'terminated' };
    clearInterval(this.timer);
    this.handle.terminate();
    this.fail(new WorkerFailedError('the analysis engine stopped'));
    if (failure) this.onFailure(failure);
  }
}
