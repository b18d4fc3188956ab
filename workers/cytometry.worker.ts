/** The cytometry worker: adapts the pure core to the comlink contract in api.ts. No algorithms live here. */
import * as Comlink from 'comlink';
import { FINGERPRINT_BYTES, fileFingerprint, sampleKey } from '../src/analysis/workspace.ts';
import type { ByteSource } from '../src/fcs/byteSource.ts';
import { FcsError } from '../src/fcs/errors.ts';
import { readFcs } from '../src/fcs/read.ts';
import type { CytometryWorkerApi, Failure, ReadProgress, Result, SampleId, SampleSummary } from './api.ts';
import { analyseApoptosisTubes, apoptosisSettings, prepareApoptosisTubes } from './apoptosis.ts';
import { analyseCellCycleSample, fitCellCycleSample } from './cellCycle.ts';
import { blobSource } from './blobSource.ts';
import { forgetKeptFiles, keepFile, keptFile } from './keptFiles.ts';
import { noteActivity, quietTime } from './quietTime.ts';
import { SampleRegistry } from './sampleRegistry.ts';
import { sha256Of } from './fileDigest.ts';

const registry = new SampleRegistry();
/** The newest statistics request of each sample: an older one still running stops at its next channel. */
const statisticsRequests = new Map<SampleId, number>();
let requestCount = 0;

/** The newest idle-time preparation; an older one stops at its next step. */
let preparations = 0;

/**
 * In idle time after a gating change, prepares the sample's just drawn or moved quadrant/range/rectangle gates for a
 * drag (GatingEvaluator.prepareToMove), a step between messages, so the drag's first move is as quick as the others.
 */
async function prepareToMove(id: SampleId): Promise<void> {
  const preparation = ++preparations;
  const { evaluator } = registry.session(id);
  const steps = evaluator.prepareToMove();
  for (;;) {
    await yieldToMessages();
    // Stop when a newer preparation started, or the sample was closed or switched to another data set meanwhile.
    if (preparation !== preparations || !registry.has(id) || registry.session(id).evaluator !== evaluator) return;
    if (steps.next().done) return;
  }
}

/** Lets messages that arrived meanwhile (a plot, an axis the user asked for) run before the rest of a long job. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => resolve(), { once: true });
    channel.port1.start();
    channel.port2.postMessage(null);
  });
}

/** Progress is reported for files at least this big, at most every 2% of the file. */
const PROGRESS_MIN_BYTES = 20e6;
const PROGRESS_STEP = 0.02;

function failure(error: unknown, fallbackCode: string): Failure {
  if (error instanceof FcsError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: error instanceof Error && error.name !== 'Error' ? error.name : fallbackCode, message };
}

function attempt<T>(work: () => T, fallbackCode: string): Result<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error: failure(error, fallbackCode) };
  }
}

/** What a user can do about a file too large for the memory left. */
const TOO_LARGE_ADVICE = 'close other files, or analyse it with the flowfate command line';

/** Decodes a file (its HEADER and TEXT first, then its events piece by piece) into a new sample. */
function open(id: SampleId, source: ByteSource, fileName: string, memoryLimit: number): Result<SampleSummary> {
  return attempt(() => {
    const fingerprint = fileFingerprint(source.read(0, Math.min(source.size, FINGERPRINT_BYTES)));
    return registry.add(id, fileName, source.size, fingerprint, readFcs(source, { fileName, memoryLimit: { bytes: memoryLimit, advice: TOO_LARGE_ADVICE } }));
  }, 'UNREADABLE');
}

/** Reports read progress at most every PROGRESS_STEP of the file, for files of at least PROGRESS_MIN_BYTES. */
function progressReporter(totalBytes: number, onProgress: ((progress: ReadProgress) => void) | undefined): ((end: number) => void) | undefined {
  if (!onProgress || totalBytes < PROGRESS_MIN_BYTES) return undefined;
  let reported = 0;
  return (loadedBytes) => {
    if (loadedBytes < totalBytes && loadedBytes - reported < PROGRESS_STEP * totalBytes) return;
    reported = loadedBytes;
    void onProgress({ loadedBytes, totalBytes });
  };
}

/** Where each sample's bytes came from, to read them again for its checksum. */
const origins = new Map<SampleId, Blob | string>();

function remembered(id: SampleId, origin: Blob | string, result: Result<SampleSummary>): Result<SampleSummary> {
  if (result.ok) origins.set(id, origin);
  return result;
}

const api: CytometryWorkerApi = {
  async ping() {},
  async openFile(id, file, fileName, { keep, memoryLimit }, onProgress) {
    const result = remembered(id, file, open(id, blobSource(file, progressReporter(file.size, onProgress)), fileName, memoryLimit));
    noteActivity();
    if (result.ok && keep) void keepFile(sampleKey(fileName, file.size, result.value.fingerprint), file, quietTime);
    return result;
  },
  async openUrl(id, url, fileName, memoryLimit) {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, error: { code: 'FETCH_FAILED', message: `Cannot load "${fileName}": the server answered ${response.status}.` } };
    return remembered(id, url, open(id, blobSource(await response.blob()), fileName, memoryLimit));
  },
  async openKept(id, key, fileName, memoryLimit) {
    const file = await keptFile(key);
    if (!file) return { ok: false, error: { code: 'NOT_KEPT', message: `"${fileName}" is not kept in this browser: open the file again.` } };
    return remembered(id, file, open(id, blobSource(file), fileName, memoryLimit));
  },
  async forgetKeptFiles(keep, graceMs) {
    await forgetKeptFiles(keep, graceMs);
  },
  async closeSample(id) {
    registry.remove(id);
    origins.delete(id);
  },
  async fileSha256(id) {
    const origin = origins.get(id);
    if (origin === undefined) return { ok: false, error: { code: 'NOT_OPEN', message: 'This file is not open in the analysis engine.' } };
    try {
      return { ok: true, value: await sha256Of(origin) };
    } catch (error) {
      return { ok: false, error: { code: 'READ_FAILED', message: `The file cannot be read again for its checksum (${failure(error, 'READ_FAILED').message}); open it again.` } };
    }
  },
  async selectDataset(id, datasetIndex) {
    return attempt(() => registry.selectDataset(id, datasetIndex), 'BAD_DATASET');
  },
  async applyStrategy(id, strategy) {
    const result = attempt(() => registry.session(id).applyStrategy(strategy), 'BAD_GATING');
    if (result.ok) void prepareToMove(id);
    return result;
  },
  async axis(id, channel, kind) {
    return registry.session(id).axis(channel, kind);
  },
  async density({ sampleId, population, x, y, bins }) {
    const grid = registry.session(sampleId).density(population, x, y, bins);
    const result = { counts: grid.counts, bins, maxCount: grid.maxCount, total: grid.total, offScale: grid.offScale };
    return Comlink.transfer(result, [grid.counts.buffer]);
  },
  async histogram({ sampleId, population, axis, bins }) {
    const histogram = registry.session(sampleId).histogram(population, axis, bins);
    return Comlink.transfer(histogram, [histogram.counts.buffer]);
  },
  async statistics(id, population, channels) {
    const request = ++requestCount;
    statisticsRequests.set(id, request);
    const rows = [];
    for (const channel of channels) {
      await yieldToMessages();
      if (statisticsRequests.get(id) !== request) return [];
      rows.push(...registry.session(id).statistics(population, [channel]));
    }
    return rows;
  },
  async prepareApoptosis(request) {
    return attempt(() => prepareApoptosisTubes(registry, request), 'APOPTOSIS_FAILED');
  },
  async apoptosisSettings(request) {
    return attempt(() => apoptosisSettings(registry, request), 'APOPTOSIS_FAILED');
  },
  async analyseApoptosisTubes(request) {
    return attempt(() => analyseApoptosisTubes(registry, request), 'APOPTOSIS_FAILED');
  },

  async analyseCellCycle(request) {
    return attempt(() => analyseCellCycleSample(registry.session(request.sampleId), request), 'CELL_CYCLE_FAILED');
  },
  async fitCellCycle(request) {
    return attempt(() => fitCellCycleSample(registry.session(request.sampleId), request), 'CELL_CYCLE_FAILED');
  },
};

self.addEventListener('message', noteActivity);
Comlink.expose(api);
