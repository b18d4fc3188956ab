import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AxisSpec } from '../analysis/axes.ts';
import { emptyStrategy } from '../analysis/sampleSession.ts';
import type { CytometryWorkerApi, OpenOptions, SampleSummary } from '../../workers/api.ts';
import { EnginePool, type RestartReport } from './enginePool.ts';
import type { WorkerHandle } from './watchedWorker.ts';

const TIMES = { pingEveryMs: 1000, idleTimeoutMs: 5000, busyTimeoutMs: 30_000 };

interface FakeWorker {
  index: number;
  hung: boolean;
  /** Sample id → what was done to it in this worker, in order. */
  log: Map<string, string[]>;
  /** Memory limits the opens were given. */
  limits: number[];
  terminated: boolean;
}

const summary = (id: string, size: number): SampleSummary => ({ id, fileName: id, byteLength: size, fingerprint: '00000000', datasets: [], activeDataset: 0, eventBytes: size });

/** Workers that keep samples in a map, answer at once, and hang on demand (every later call and ping never answers). */
function fakeWorkers(unreadable = new Set<string>()) {
  const workers: FakeWorker[] = [];
  const spawn = (): WorkerHandle<CytometryWorkerApi> => {
    const fake: FakeWorker = { index: workers.length, hung: false, log: new Map(), limits: [], terminated: false };
    workers.push(fake);
    const answer = <T>(value: () => T): Promise<T> => (fake.hung ? new Promise(() => undefined) : Promise.resolve().then(value));
    const note = (id: string, what: string) => fake.log.set(id, [...(fake.log.get(id) ?? []), what]);
    const api = {
      ping: () => answer(() => undefined),
      openFile: (id: string, file: Blob, _name: string, options: OpenOptions) =>
        answer(() => {
          fake.limits.push(options.memoryLimit);
          if (unreadable.has(id) && fake.index > 0) return { ok: false, error: { code: 'READ_FAILED', message: 'gone' } };
          note(id, 'open');
          return { ok: true, value: summary(id, file.size) };
        }),
      openKept: (id: string) => answer(() => ({ ok: false, error: { code: 'NOT_KEPT', message: `${id} is not kept` } })),
      closeSample: (id: string) => answer(() => void fake.log.delete(id)),
      selectDataset: (id: string, index: number) => answer(() => (note(id, `dataset ${index}`), { ok: true, value: summary(id, 0) })),
      applyStrategy: (id: string) => answer(() => (note(id, 'strategy'), { ok: true, value: [] })),
      axis: (id: string): Promise<AxisSpec> =>
        answer(() => ({ channel: 'FITC-A', compensation: 'FCS', scale: { kind: 'logicle', T: 262144, W: id === 'b' ? 1.5 : 0.5, M: 4.5, A: 0 }, domain: [0, 262144] })),
    } as unknown as CytometryWorkerApi;
    return { api, onMessage: () => undefined, onError: () => undefined, terminate: () => (fake.terminated = true) };
  };
  return { workers, spawn };
}

function pool(spawn: () => WorkerHandle<CytometryWorkerApi>, memoryBudget = 1e9) {
  const restarts: RestartReport[] = [];
  const fatal: Error[] = [];
  const engine = new EnginePool({ size: 2, spawn, memoryBudget, watch: TIMES, onRestart: (r) => restarts.push(r), onFatal: (e) => fatal.push(e) });
  return { engine, restarts, fatal };
}

const file = (bytes: number) => new Blob([new Uint8Array(bytes)]);

describe('EnginePool', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('spreads samples over the workers by the memory they hold, and gives each open the memory left', async () => {
    const { workers, spawn } = fakeWorkers();
    const { engine } = pool(spawn, 1000);
    await engine.api.openFile('a', file(300), 'a.fcs', false);
    await engine.api.openFile('b', file(100), 'b.fcs', false);
    await engine.api.openFile('c', file(50), 'c.fcs', false);
    expect(workers.map((w) => [...w.log.keys()])).toEqual([['a'], ['b', 'c']]);
    expect(workers.flatMap((w) => w.limits)).toEqual([1000, 700, 600]);
    engine.terminate();
  });

  it('sets the size of a file aside while it opens, unless it is larger than the memory left (it will be refused)', async () => {
    const { workers, spawn } = fakeWorkers();
    const { engine } = pool(spawn, 1000);
    const opening = [engine.api.openFile('huge', file(5000), 'huge.fcs', false), engine.api.openFile('a', file(300), 'a.fcs', false)];
    await Promise.all(opening);
    await engine.api.openFile('b', file(10), 'b.fcs', false);
    // huge: 300 set aside for a; a: nothing set aside for huge; b: nothing left once both are open.
    expect(workers.flatMap((w) => w.limits)).toEqual([700, 1000, 0]);
    engine.terminate();
  });

  it('fits a shared axis to samples in different workers', async () => {
    const { spawn } = fakeWorkers();
    const { engine } = pool(spawn);
    await engine.api.openFile('a', file(10), 'a.fcs', false);
    await engine.api.openFile('b', file(10), 'b.fcs', false);
    const axis = await engine.api.sharedAxis(['a', 'b'], { channel: 'FITC-A', compensation: 'FCS' });
    expect(axis.scale).toMatchObject({ kind: 'logicle', W: 1.5 });
    engine.terminate();
  });

  it('replaces a hung worker, reopens its samples with their data set and gating, answers the waiting call, and reports it', async () => {
    const { workers, spawn } = fakeWorkers();
    const { engine, restarts } = pool(spawn);
    await engine.api.openFile('a', file(10), 'a.fcs', false);
    await engine.api.openFile('b', file(10), 'b.fcs', false);
    await engine.api.selectDataset('a', 1);
    await engine.api.applyStrategy('a', emptyStrategy());
    workers[0].hung = true;
    const waiting = engine.api.axis('a', { channel: 'FITC-A', compensation: 'FCS' });
    await vi.advanceTimersByTimeAsync(TIMES.busyTimeoutMs + 2 * TIMES.pingEveryMs);
    expect(workers[0].terminated).toBe(true);
    expect(workers[2].log.get('a')).toEqual(['open', 'dataset 1', 'strategy']);
    expect((await waiting).channel).toBe('FITC-A');
    expect(restarts).toEqual([{ failure: { kind: 'silent', busy: true }, reopened: ['a'], lost: [] }]);
    expect(workers[1].terminated).toBe(false);
    engine.terminate();
  });

  it('reports a sample whose file can no longer be read as lost, and keeps the others', async () => {
    const { workers, spawn } = fakeWorkers(new Set(['a']));
    const { engine, restarts } = pool(spawn);
    await engine.api.openFile('a', file(10), 'a.fcs', true);
    await engine.api.openFile('b', file(20), 'b.fcs', false);
    await engine.api.openFile('c', file(30), 'c.fcs', false);
    workers[0].hung = true;
    await vi.advanceTimersByTimeAsync(TIMES.idleTimeoutMs + 3 * TIMES.pingEveryMs);
    expect(restarts).toHaveLength(1);
    expect(restarts[0].reopened).toEqual(['c']);
    expect(restarts[0].lost).toEqual([{ id: 'a', error: { code: 'NOT_KEPT', message: 'a is not kept' } }]);
    await expect(engine.api.axis('a', { channel: 'FITC-A', compensation: 'FCS' })).rejects.toThrow('no longer open');
    engine.terminate();
  });

  it('gives up, saying so, when workers keep failing before they ever answer', async () => {
    const { workers, spawn } = fakeWorkers();
    const deadSpawn = () => {
      const handle = spawn();
      workers[workers.length - 1].hung = true;
      return handle;
    };
    const { engine, fatal } = pool(deadSpawn);
    await vi.advanceTimersByTimeAsync(10 * (TIMES.busyTimeoutMs + TIMES.pingEveryMs));
    expect(fatal.length).toBeGreaterThan(0);
    expect(fatal[0].message).toMatch(/^The analysis engine could not be started\. Reload the page/);
    engine.terminate();
  });
});
