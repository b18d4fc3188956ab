/** Opening files and the demo experiment: the worker decodes, the store tracks each file's status. */
import * as Comlink from 'comlink';
import { inferAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import type { DemoManifest } from '../simulate/experiment.ts';
import type { AppStore } from '../state/store.ts';
import type { ReadProgress, Result, SampleSummary } from '../../workers/api.ts';
import type { CytometryClient } from './cytometryClient.ts';

/** Files decoded at the same time: enough to overlap disk reads with decoding, few enough to bound memory. */
const PARALLEL_OPENS = 2;

let nextId = 1;

interface FileToOpen {
  fileName: string;
  byteLength: number;
  open: (id: string) => Promise<Result<SampleSummary>>;
  annotation?: Partial<SampleAnnotation>;
}

async function openAll(items: FileToOpen[], store: AppStore): Promise<void> {
  const queue = items.map((item) => ({ ...item, id: `sample-${nextId++}` }));
  for (const { id, fileName, byteLength } of queue) store.getState().addSample({ id, fileName, byteLength });
  if (store.getState().selectedSampleId === null && queue.length > 0) store.getState().selectSample(queue[0].id);
  const next = async (): Promise<void> => {
    const item = queue.shift();
    if (!item) return;
    const { setSampleStatus, annotateSample } = store.getState();
    try {
      const result = await item.open(item.id);
      if (result.ok) {
        const dataset = result.value.datasets[result.value.activeDataset];
        annotateSample(item.id, { ...inferAnnotation(item.fileName, dataset.channels), ...item.annotation });
        setSampleStatus(item.id, { kind: 'ready', summary: result.value });
      } else {
        setSampleStatus(item.id, { kind: 'error', error: result.error });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setSampleStatus(item.id, { kind: 'error', error: { code: 'UNEXPECTED', message: `Cannot open "${item.fileName}": ${message}` } });
    }
    return next();
  };
  await Promise.all(Array.from({ length: PARALLEL_OPENS }, next));
}

/** Opens files chosen by the user; each gets its own status, and a broken file never affects the others. */
export function openFiles(files: readonly File[], client: CytometryClient, store: AppStore): Promise<void> {
  const items = files.map<FileToOpen>((file) => ({
    fileName: file.name,
    byteLength: file.size,
    open: (id) =>
      client.call((worker) =>
        worker.openFile(id, file, file.name, Comlink.proxy((progress: ReadProgress) => store.getState().setSampleStatus(id, { kind: 'loading', progress }))),
      ),
  }));
  return openAll(items, store);
}

export const DEMO_BASE_URL = `${import.meta.env.BASE_URL}demo/`;

/** Opens the demo experiment generated at build time (public/demo), with its sample sheet. */
export async function openDemoExperiment(client: CytometryClient, store: AppStore): Promise<DemoManifest> {
  const response = await fetch(`${DEMO_BASE_URL}manifest.json`);
  if (!response.ok) throw new Error(`The demo experiment is missing (server answered ${response.status}). Run "npm run build" to generate it.`);
  const manifest = (await response.json()) as DemoManifest;
  const items = manifest.files.map<FileToOpen>((file) => ({
    fileName: file.fileName,
    byteLength: 0,
    annotation: { assay: file.assay, role: file.role, doseNm: file.doseNm, timeH: file.timeH },
    open: (id) => client.call((worker) => worker.openUrl(id, new URL(`${DEMO_BASE_URL}${file.fileName}`, location.href).href, file.fileName)),
  }));
  await openAll(items, store);
  return manifest;
}
