/**
 * The engine as the UI calls it (workers/api.ts CytometryApi), served by a small pool of watched cytometry workers
 * (issue 14: many files at once; issue 12: a worker that is watched). Every sample lives in one worker, chosen by the
 * memory its samples hold; per-sample calls go where the sample lives, and cross-sample calls ask each sample's worker
 * for a small summary and combine it here (shared axes) or in one worker (crossSample.ts). A worker that stops or
 * hangs is replaced and its samples are reopened from their files (or the copy kept in this browser) with their data
 * set and gating, so nothing is lost; calls caught in the failure are tried once more when their sample is back.
 */
import * as Comlink from 'comlink';
import { mergeAxes } from '../analysis/axes.ts';
import { sampleKey } from '../analysis/workspace.ts';
import type { GatingStrategy } from '../gating/types.ts';
import type { CytometryApi, CytometryWorkerApi, Failure, ReadProgress, Result, SampleId, SampleSummary } from '../../workers/api.ts';
import { analyseAcrossWorkers } from './crossSample.ts';
import { WatchedWorker, WorkerFailedError, type WatchTimes, type WorkerFailure, type WorkerHandle } from './watchedWorker.ts';

/** Opens a sample's file in a worker under `id`; `alive` marks progress as a sign of life. */
export type Opener = (worker: CytometryWorkerApi, id: SampleId, memoryLimit: number, alive: () => void) => Promise<Result<SampleSummary>>;

export interface RestartReport {
  failure: WorkerFailure;
  /** Samples reopened as they were. */
  reopened: SampleId[];
  /** Samples that could not be reopened, with why (their file is gone, or reopening them stopped the engine again). */
  lost: { id: SampleId; error: Failure }[];
}

export interface PoolOptions {
  size: number;
  spawn(): WorkerHandle<CytometryWorkerApi>;
  /** Bytes the decoded events of all open samples may take together. */
  memoryBudget: number;
  watch: WatchTimes;
  onRestart(report: RestartReport): void;
  /** Workers keep failing before they ever answer (the worker script cannot load): the engine is unusable. */
  onFatal(error: WorkerFailedError): void;
}

interface Slot {
  worker: WatchedWorker<CytometryWorkerApi>;
  /** Settles when the samples of a replaced worker are back. */
  ready: Promise<void>;
  /** Failures in a row before the worker ever answered. */
  deadOnArrival: number;
}

interface PlacedSample {
  slot: number;
  /** The file's size while it opens (reserved), then the bytes its decoded events take. */
  eventBytes: number;
  opened: boolean;
  reopen: Opener;
  dataset: number;
  strategy: GatingStrategy | null;
  /** Times reopening this sample stopped the worker. */
  crashes: number;
}

const MAX_DEAD_ON_ARRIVAL = 3;

export class EnginePool {
  private readonly options: PoolOptions;
  private readonly slots: Slot[];
  private readonly samples = new Map<SampleId, PlacedSample>();
  readonly api: CytometryApi;

  constructor(options: PoolOptions) {
    this.options = options;
    this.slots = Array.from({ length: options.size }, () => ({ worker: null as unknown as WatchedWorker<CytometryWorkerApi>, ready: Promise.resolve(), deadOnArrival: 0 }));
    this.slots.forEach((slot, index) => (slot.worker = this.spawn(index)));
    this.api = this.routedApi();
  }

  get size(): number {
    return this.slots.length;
  }

  terminate(): void {
    for (const slot of this.slots) slot.worker.terminate();
  }

  /** Runs `work` in the worker where the sample lives; if that worker fails meanwhile, once more when the sample is back. */
  run<T>(id: SampleId, work: (worker: CytometryWorkerApi) => Promise<T>): Promise<T> {
    return this.retrying(() => this.slotOf(id), work);
  }

  /** The worker index a sample lives in; throws when the sample is not open. */
  slotOf(id: SampleId): number {
    const sample = this.samples.get(id);
    if (!sample) throw new WorkerFailedError(`the sample is no longer open in the analysis engine; open its file again`);
    return sample.slot;
  }

  /** Runs `work` in worker `index` (retried once like `run`). */
  runIn<T>(index: number, work: (worker: CytometryWorkerApi) => Promise<T>): Promise<T> {
    return this.retrying(() => index, work);
  }

  /**
   * Opens a copy of an open sample (its data set as selected, no gating) in worker `index` under `as`, read again from
   * its file: for work that needs several samples in one place. Close it with `closeSample` on that worker.
   */
  async borrow(id: SampleId, index: number, as: SampleId): Promise<Result<SampleSummary>> {
    const sample = this.samples.get(id);
    if (!sample) throw new WorkerFailedError('the sample is no longer open in the analysis engine; open its file again');
    const opened = await this.runIn(index, (worker) => sample.reopen(worker, as, this.memoryLeft(id) - sample.eventBytes, () => this.slots[index].worker.alive()));
    if (!opened.ok || sample.dataset === 0) return opened;
    return this.runIn(index, (worker) => worker.selectDataset(as, sample.dataset));
  }

  /**
   * Opens a sample in the least loaded worker, within the memory left. While it opens, `expectedBytes` (its file size:
   * binary events take about as much decoded) is set aside for it, so files opened at the same time in other workers
   * cannot together pass the budget; a file larger than the memory left sets nothing aside, as it will be refused.
   */
  private async open(id: SampleId, expectedBytes: number, open: Opener, reopen: (summary: SampleSummary) => Opener): Promise<Result<SampleSummary>> {
    const slot = this.leastLoaded();
    const reserved = expectedBytes <= this.memoryLeft(id) ? expectedBytes : 0;
    const sample: PlacedSample = { slot, eventBytes: reserved, opened: false, reopen: open, dataset: 0, strategy: null, crashes: 0 };
    this.samples.set(id, sample);
    try {
      const result = await this.runIn(slot, (worker) => open(worker, id, this.memoryLeft(id), () => this.slots[slot].worker.alive()));
      if (result.ok) Object.assign(sample, { opened: true, eventBytes: result.value.eventBytes, reopen: reopen(result.value) });
      else this.samples.delete(id);
      return result;
    } catch (error) {
      this.samples.delete(id);
      throw error;
    }
  }

  private leastLoaded(): number {
    const load = this.slots.map(() => ({ bytes: 0, count: 0 }));
    for (const sample of this.samples.values()) {
      load[sample.slot].bytes += sample.eventBytes;
      load[sample.slot].count++;
    }
    let best = 0;
    load.forEach((l, i) => {
      if (l.bytes < load[best].bytes || (l.bytes === load[best].bytes && l.count < load[best].count)) best = i;
    });
    return best;
  }

  private memoryLeft(excluding: SampleId): number {
    let used = 0;
    for (const [id, sample] of this.samples) if (id !== excluding) used += sample.eventBytes;
    return Math.max(0, this.options.memoryBudget - used);
  }

  private async retrying<T>(slotIndex: () => number, work: (worker: CytometryWorkerApi) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const slot = this.slots[slotIndex()];
      await slot.ready;
      try {
        return await slot.worker.call(work);
      } catch (error) {
        if (!(error instanceof WorkerFailedError) || attempt > 0 || !slot.worker.running) throw error;
      }
    }
  }

  private spawn(index: number): WatchedWorker<CytometryWorkerApi> {
    const worker = new WatchedWorker(this.options.spawn(), this.options.watch, (failure) => this.replace(index, worker, failure));
    void worker.call((api) => api.ping()).then(() => (this.slots[index].deadOnArrival = 0), () => undefined);
    return worker;
  }

  /** A worker failed: a new one takes its place and gets its samples back. */
  private replace(index: number, failed: WatchedWorker<CytometryWorkerApi>, failure: WorkerFailure): void {
    const slot = this.slots[index];
    if (slot.worker !== failed) return;
    if (++slot.deadOnArrival > MAX_DEAD_ON_ARRIVAL) {
      this.options.onFatal(new WorkerFailedError(`The analysis engine could not be started${failure.kind === 'error' ? ` (${failure.message})` : ''}. Reload the page to try again; your workspace is saved.`));
      return;
    }
    const worker = this.spawn(index);
    slot.worker = worker;
    slot.ready = this.reload(index, worker, failure);
  }

  /** Reopens the samples of worker `index` in its new worker, one at a time, with their data set and gating. */
  private async reload(index: number, worker: WatchedWorker<CytometryWorkerApi>, failure: WorkerFailure): Promise<void> {
    const report: RestartReport = { failure, reopened: [], lost: [] };
    const samples = [...this.samples].filter(([, sample]) => sample.slot === index && sample.opened);
    for (const [id, sample] of samples) {
      if (this.samples.get(id) !== sample) continue;
      try {
        const error = sample.crashes > 0 ? { code: 'ENGINE_STOPPED', message: 'Reopening this file stopped the analysis engine again, so it was closed; open it again.' } : await this.restore(id, sample, worker);
        if (error) {
          this.samples.delete(id);
          report.lost.push({ id, error });
        } else report.reopened.push(id);
      } catch (error) {
        if (!(error instanceof WorkerFailedError)) throw error;
        // The new worker failed while this sample was being reopened: the next replacement takes over from here.
        sample.crashes++;
        return;
      }
    }
    this.options.onRestart(report);
  }

  /** Reopens one sample and replays its data set and gating; the failure when it cannot be reopened. */
  private async restore(id: SampleId, sample: PlacedSample, worker: WatchedWorker<CytometryWorkerApi>): Promise<Failure | null> {
    const opened = await worker.call((api) => sample.reopen(api, id, this.memoryLeft(id), () => worker.alive()));
    if (!opened.ok) return opened.error;
    if (sample.dataset !== 0) await worker.call((api) => api.selectDataset(id, sample.dataset));
    const strategy = sample.strategy;
    if (strategy) await worker.call((api) => api.applyStrategy(id, strategy));
    return null;
  }

  private routedApi(): CytometryApi {
    const remember = <T>(id: SampleId, result: Result<T>, change: Partial<PlacedSample>): Result<T> => {
      const sample = this.samples.get(id);
      if (result.ok && sample) Object.assign(sample, change);
      return result;
    };
    return {
      openFile: (id, file, fileName, keep, onProgress) => {
        const progress = (alive: () => void) => Comlink.proxy((p: ReadProgress) => {
          alive();
          onProgress?.(p);
        });
        const fresh: Opener = (worker, as, memoryLimit, alive) => worker.openFile(as, file, fileName, { keep: false, memoryLimit }, Comlink.proxy(alive));
        const first: Opener = (worker, as, memoryLimit, alive) => worker.openFile(as, file, fileName, { keep, memoryLimit }, progress(alive));
        return this.open(id, file.size, first, (summary) => {
          if (!keep) return fresh;
          const key = sampleKey(fileName, file.size, summary.fingerprint);
          // The file as chosen, or the copy kept in this browser when the original can no longer be read.
          return async (worker, as, memoryLimit, alive) => {
            const result = await fresh(worker, as, memoryLimit, alive);
            return result.ok ? result : worker.openKept(as, key, fileName, memoryLimit);
          };
        });
      },
      openKept: (id, key, fileName) => {
        const opener: Opener = (worker, as, memoryLimit) => worker.openKept(as, key, fileName, memoryLimit);
        return this.open(id, 0, opener, () => opener);
      },
      openUrl: (id, url, fileName) => {
        const opener: Opener = (worker, as, memoryLimit) => worker.openUrl(as, url, fileName, memoryLimit);
        return this.open(id, 0, opener, () => opener);
      },
      forgetKeptFiles: (keep, graceMs) => this.runIn(0, (worker) => worker.forgetKeptFiles(keep, graceMs)),
      closeSample: async (id) => {
        if (!this.samples.has(id)) return;
        await this.run(id, (worker) => worker.closeSample(id));
        this.samples.delete(id);
      },
      fileSha256: (id) => this.run(id, (worker) => worker.fileSha256(id)),
      selectDataset: async (id, index) => remember(id, await this.run(id, (worker) => worker.selectDataset(id, index)), { dataset: index, strategy: null }),
      applyStrategy: async (id, strategy) => remember(id, await this.run(id, (worker) => worker.applyStrategy(id, strategy)), { strategy }),
      axis: (id, channel, kind) => this.run(id, (worker) => worker.axis(id, channel, kind)),
      // One sample whose axis cannot be made (a fault of that file) never takes the shared axis of the others down.
      sharedAxis: async (ids, channel, kind) => {
        const axes = await Promise.allSettled(ids.map((id) => this.run(id, (worker) => worker.axis(id, channel, kind))));
        const made = axes.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
        if (made.length === 0) throw (axes.find((a) => a.status === 'rejected') as PromiseRejectedResult).reason;
        return mergeAxes(made);
      },
      density: (request) => this.run(request.sampleId, (worker) => worker.density(request)),
      histogram: (request) => this.run(request.sampleId, (worker) => worker.histogram(request)),
      statistics: (id, population, channels) => this.run(id, (worker) => worker.statistics(id, population, channels)),
      analyseApoptosis: (request) => analyseAcrossWorkers(this, request),
      analyseCellCycle: (request) => this.run(request.sampleId, (worker) => worker.analyseCellCycle(request)),
      fitCellCycle: (request) => this.run(request.sampleId, (worker) => worker.fitCellCycle(request)),
    };
  }
}
