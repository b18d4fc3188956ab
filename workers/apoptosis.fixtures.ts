/**
 * The guided Annexin V/PI analysis over registries standing for the pool's workers, run as the app runs it
 * (src/engine/crossSample.ts over the steps in workers/apoptosis.ts), for tests.
 */
import { analyseAcrossWorkers, type WorkerRunner } from '../src/engine/crossSample.ts';
import type { ApoptosisRequest, ApoptosisRun, CytometryWorkerApi, Result } from './api.ts';
import { analyseApoptosisTubes, apoptosisSettings, prepareApoptosisTubes } from './apoptosis.ts';
import type { SampleRegistry } from './sampleRegistry.ts';

function asResult<T>(work: () => T): Result<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { ok: false, error: { code: error.name, message: error.message } };
  }
}

/** The analysis's calls of a worker, answered from one registry as cytometry.worker.ts answers them. */
function worker(registry: SampleRegistry): CytometryWorkerApi {
  const calls: Partial<CytometryWorkerApi> = {
    prepareApoptosis: async (request) => asResult(() => prepareApoptosisTubes(registry, request)),
    apoptosisSettings: async (request) => asResult(() => apoptosisSettings(registry, request)),
    analyseApoptosisTubes: async (request) => asResult(() => analyseApoptosisTubes(registry, request)),
    closeSample: async (id) => registry.remove(id),
  };
  return calls as CytometryWorkerApi;
}

/** The pool as the analysis sees it, each registry standing for one worker (the steps are what the worker runs). */
function runner(registries: SampleRegistry[]): WorkerRunner {
  const slotOf = (id: string) => registries.findIndex((r) => r.has(id));
  return {
    slotOf,
    runIn: (slot, work) => work(worker(registries[slot])),
    borrow: async (id, slot, as) => {
      const { dataset } = registries[slotOf(id)].session(id);
      return { ok: true, value: registries[slot].add(as, id, 0, '00000000', { datasets: [dataset] }) };
    },
  };
}

/** The analysis over the registries, as the app's pool runs it; throws the failure's message. */
export async function analyseOpenSamples(registries: SampleRegistry | SampleRegistry[], request: ApoptosisRequest): Promise<ApoptosisRun> {
  const result = await analyseAcrossWorkers(runner(Array.isArray(registries) ? registries : [registries]), request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
