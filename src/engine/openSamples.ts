/** Opening files, the demo experiment and a workspace's files: the worker decodes, the store tracks each file's status. */
import type { SampleAnnotation } from '../analysis/sampleSheet.ts';
import { inferAnnotation } from '../analysis/sampleSheetNames.ts';
import type { SampleSource, WorkspaceSample } from '../analysis/workspace.ts';
import { mapConcurrently } from '../shared/mapConcurrently.ts';
import { demoAnnotation, type DemoManifest } from '../simulate/experiment.ts';
import type { SampleStatus } from '../state/samplesSlice.ts';
import type { AppStore } from '../state/store.ts';
import type { ReadProgress, Result, SampleId, SampleSummary } from '../../workers/api.ts';
import type { CytometryClient } from './cytometryClient.ts';
import { failureWords } from './failureWords.ts';
import { createUpdateBatch } from './updateBatch.ts';

let nextId = 1;

/** Session ids are distinctive so that a saved workspace can replace them wherever they appear (workspace.ts). */
function newSampleId(): SampleId {
  return `flowfate-sample-${nextId++}`;
}

interface FileToOpen {
  fileName: string;
  byteLength: number;
  source: SampleSource;
  open: (id: SampleId) => Promise<Result<SampleSummary>>;
  /** Known facts about the tube; inferred from the file name and channels where absent. */
  annotation?: Partial<SampleAnnotation>;
  /** The sample as a restored workspace lists it. */
  saved?: WorkspaceSample;
}

/** Files that finish opening while others are still being read land in the store together, at most this late. */
const SETTLE_BATCH_MS = 100;

type Settled = { status: SampleStatus; annotation?: Partial<SampleAnnotation> };

/**
 * Opens files a few at a time (client.parallelOpens), the sample list updated in batches; resolves to the summary of
 * each (null for files that could not be opened), in order.
 */
async function openAll(items: FileToOpen[], client: CytometryClient, store: AppStore): Promise<(SampleSummary | null)[]> {
  const queue = items.map((item) => ({ ...item, id: newSampleId() }));
  store.getState().addSamples(queue.map(({ id, fileName, byteLength, source, saved }) => ({ id, fileName, byteLength, source, saved })));
  if (store.getState().selectedSampleId === null && queue.length > 0) store.getState().selectSample(queue[0].id);
  const settled = createUpdateBatch<SampleId, Settled>((batch) => store.getState().settleSamples(batch), SETTLE_BATCH_MS);
  queue.forEach(() => settled.expect());
  return mapConcurrently(queue, client.parallelOpens, async (item): Promise<SampleSummary | null> => {
    try {
      const result = await item.open(item.id);
      if (result.ok) {
        const dataset = result.value.datasets[result.value.activeDataset];
        const annotation = { ...inferAnnotation(item.fileName, dataset.channels, dataset.keywords), ...item.annotation };
        settled.arrive(item.id, { status: { kind: 'ready', summary: result.value }, annotation });
        return result.value;
      }
      settled.arrive(item.id, { status: { kind: 'error', error: result.error } });
    } catch (error) {
      const message = failureWords(error, 'an unexpected problem stopped it; try opening it again');
      settled.arrive(item.id, { status: { kind: 'error', error: { code: 'UNEXPECTED', message: `Cannot open "${item.fileName}": ${message}` } } });
    }
    return null;
  });
}

/** Opens files chosen by the user (kept in this browser for restoring); a broken file never affects the others. */
export async function openFiles(files: readonly File[], client: CytometryClient, store: AppStore): Promise<void> {
  const items = files.map<FileToOpen>((file) => ({
    fileName: file.name,
    byteLength: file.size,
    source: { kind: 'file' },
    open: (id) =>
      client.call((worker) =>
        worker.openFile(id, file, file.name, true, (progress: ReadProgress) => store.getState().setSampleStatus(id, { kind: 'loading', progress })),
      ),
  }));
  await openAll(items, client, store);
}

export const DEMO_BASE_URL = `${import.meta.env.BASE_URL}demo/`;

function fromUrl(client: CytometryClient, url: string, fileName: string): FileToOpen['open'] {
  return (id) => client.call((worker) => worker.openUrl(id, url, fileName));
}

/** Opens the demo experiment generated at build time (public/demo), with its sample sheet. */
export async function openDemoExperiment(client: CytometryClient, store: AppStore): Promise<DemoManifest> {
  const response = await fetch(`${DEMO_BASE_URL}manifest.json`);
  if (!response.ok) throw new Error(`The demo experiment is missing (server answered ${response.status}). Run "npm run build" to generate it.`);
  const manifest = (await response.json()) as DemoManifest;
  if (store.getState().experimentName === '') store.getState().setExperimentName(manifest.experiment.name);
  const items = manifest.files.map<FileToOpen>((file) => {
    const url = new URL(`${DEMO_BASE_URL}${file.fileName}`, location.href).href;
    return {
      fileName: file.fileName,
      byteLength: 0,
      source: { kind: 'url', url },
      annotation: demoAnnotation(file),
      open: fromUrl(client, url, file.fileName),
    };
  });
  await openAll(items, client, store);
  return manifest;
}

/**
 * Opens a workspace's files that are not open yet, from `files` the user chose (matched by name and size, as FlowJo
 * matches a workspace's samples), else from their URL or as kept in this browser, with the saved sample sheet and
 * data set; resolves to the sample id now holding each workspace sample key. A file found nowhere stays listed as
 * missing (its sample sheet kept) until the user gives it.
 */
export async function openWorkspaceSamples(
  samples: readonly WorkspaceSample[],
  client: CytometryClient,
  store: AppStore,
  files: readonly File[] = [],
): Promise<Map<string, SampleId>> {
  const ids = new Map<string, SampleId>();
  // A file of the workspace that the user is opening right now is waited for, not read a second time.
  const opening = store.getState().samples.filter((e) => e.status.kind === 'loading' && samples.some((s) => s.fileName === e.fileName && s.byteLength === e.byteLength));
  await Promise.all(opening.map((e) => finishedOpening(store, e.id)));
  for (const entry of store.getState().samples) {
    if (entry.status.kind !== 'ready') continue;
    const { fileName, byteLength, fingerprint } = entry.status.summary;
    const match = samples.find((s) => s.fileName === fileName && s.byteLength === byteLength && s.key.startsWith(`${fingerprint}:`));
    if (match) ids.set(match.key, entry.id);
  }
  const chosen = (s: WorkspaceSample) => files.find((f) => f.name === s.fileName && f.size === s.byteLength);
  // A file already listed as not found stays listed (its sample sheet and gates are kept) until the user gives it.
  const listed = (s: WorkspaceSample) => store.getState().samples.filter((e) => e.saved?.key === s.key && e.status.kind === 'error');
  const missing = samples.filter((s) => !ids.has(s.key) && (chosen(s) || listed(s).length === 0));
  const items = missing.map<FileToOpen>((s) => {
    const file = chosen(s);
    const open: FileToOpen['open'] = file
      ? (id) => client.call((worker) => worker.openFile(id, file, file.name, true, (progress: ReadProgress) => store.getState().setSampleStatus(id, { kind: 'loading', progress })))
      : s.source.kind === 'url'
        ? fromUrl(client, s.source.url, s.fileName)
        : (id) => client.call((worker) => worker.openKept(id, s.key, s.fileName));
    return { fileName: s.fileName, byteLength: s.byteLength, source: file ? { kind: 'file' } : s.source, annotation: s.annotation ?? undefined, saved: s, open };
  });
  const summaries = await openAll(items, client, store);
  summaries.forEach((summary, k) => {
    if (!summary) return;
    ids.set(missing[k].key, summary.id);
    for (const stale of listed(missing[k])) store.getState().removeSample(stale.id);
  });
  for (const s of samples) {
    const id = ids.get(s.key);
    if (id === undefined || s.activeDataset === 0) continue;
    const result = await client.call((worker) => worker.selectDataset(id, s.activeDataset));
    if (result.ok) store.getState().setSampleStatus(id, { kind: 'ready', summary: result.value });
  }
  return ids;
}

/** Resolves once sample `id` is no longer loading (or was closed). */
function finishedOpening(store: AppStore, id: SampleId): Promise<void> {
  return new Promise((resolve) => {
    const loading = () => store.getState().samples.find((e) => e.id === id)?.status.kind === 'loading';
    if (!loading()) return resolve();
    const stop = store.subscribe(() => {
      if (loading()) return;
      stop();
      resolve();
    });
  });
}

/** FCS files by their usual extensions (Beckman Coulter writes .LMD); a folder also holds notes, images, exports. */
export function isFcsFileName(name: string): boolean {
  return /\.(fcs|lmd)$/i.test(name);
}

