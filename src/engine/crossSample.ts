/**
 * The guided Annexin V/PI analysis over the pool's workers, giving what `flowfate apoptosis` gives
 * (src/apoptosis analyseApoptosisExperiment) while each tube's work runs in the worker where it lives
 * (workers/apoptosis.ts): 1. every worker prepares its tubes (channels, scatter, pre-gates); here the tubes that take
 * part are chosen (one instrument setup, as the first usable tube's); 2. the worker holding most of the tubes that
 * set the experiment's compensation and thresholds (controls, untreated tubes) computes those settings, the others of
 * them read into it again from their files for the time of the step; 3. every worker analyses its tubes under the
 * settings. Only small plain data (pre-gates, settings, rows) travels between threads, never events.
 */
import type { ApoptosisAnalysis } from '../apoptosis/experiment.ts';
import type {
  ApoptosisPreparation, ApoptosisRequest, ApoptosisRun, ApoptosisRunOptions, CytometryWorkerApi, PreparedRequestTube, Result, SampleId, SampleSummary,
} from '../../workers/api.ts';

/** What the analysis needs of the pool: where a sample lives, a call in a worker, a copy of a sample read elsewhere. */
export interface WorkerRunner {
  slotOf(id: SampleId): number;
  runIn<T>(slot: number, work: (worker: CytometryWorkerApi) => Promise<T>): Promise<T>;
  borrow(id: SampleId, slot: number, as: SampleId): Promise<Result<SampleSummary>>;
}

class StepFailed extends Error {
  readonly failure: Result<never>;
  constructor(failure: Result<never>) {
    super('a step of the analysis failed');
    this.failure = failure;
  }
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new StepFailed(result);
  return result.value;
}

/** Runs `step` in every worker for the items living there; the answers come back in the items' order. */
async function inEveryWorker<I, O>(runner: WorkerRunner, items: readonly I[], idOf: (item: I) => SampleId, step: (worker: CytometryWorkerApi, items: I[]) => Promise<Result<O[]>>): Promise<O[]> {
  const bySlot = new Map<number, number[]>();
  items.forEach((item, k) => bySlot.set(runner.slotOf(idOf(item)), [...(bySlot.get(runner.slotOf(idOf(item))) ?? []), k]));
  const out: O[] = [];
  await Promise.all([...bySlot].map(async ([slot, positions]) => {
    const answers = valueOf(await runner.runIn(slot, (worker) => step(worker, positions.map((k) => items[k]))));
    positions.forEach((k, n) => (out[k] = answers[n]));
  }));
  return out;
}

/** The worker holding most of `ids` (the first worker when there are none). */
function busiestSlot(runner: WorkerRunner, ids: readonly SampleId[]): number {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(runner.slotOf(id), (counts.get(runner.slotOf(id)) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, -1])[0];
}

/** Step 2 in the busiest worker, with copies of the setting tubes that live elsewhere (closed afterwards). */
async function settingsStep(runner: WorkerRunner, tubes: PreparedRequestTube[], spillovers: ApoptosisPreparation['spillover'][], options: ApoptosisRunOptions) {
  const host = busiestSlot(runner, tubes.map((t) => t.sampleId));
  const copies: SampleId[] = [];
  try {
    const placed: PreparedRequestTube[] = [];
    for (const tube of tubes) {
      if (runner.slotOf(tube.sampleId) === host) placed.push(tube);
      else {
        const copy = `${tube.sampleId}~copy`;
        valueOf(await runner.borrow(tube.sampleId, host, copy));
        copies.push(copy);
        placed.push({ ...tube, sampleId: copy });
      }
    }
    return valueOf(await runner.runIn(host, (worker) => worker.apoptosisSettings({ tubes: placed, spillovers, options })));
  } finally {
    await Promise.all(copies.map((copy) => runner.runIn(host, (worker) => worker.closeSample(copy)).catch(() => undefined)));
  }
}

const failed = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

export async function analyseAcrossWorkers(runner: WorkerRunner, request: ApoptosisRequest): Promise<Result<ApoptosisRun>> {
  // The analysis code loads with the first run, not with the page.
  const [{ setupMismatch }, { assembleAnalysis, checkTubeNames, withSetAsideTubes }, { isSettingRole }] = await Promise.all([
    import('../apoptosis/channels.ts'), import('../apoptosis/experiment.ts'), import('../apoptosis/experimentSettings.ts'),
  ]);
  try {
    const preparations = await inEveryWorker(runner, request.tubes, (t) => t.sampleId, (worker, tubes) => worker.prepareApoptosis({ ...request, tubes }));
    const excluded: ApoptosisRun['excluded'] = [];
    const usable: ApoptosisPreparation[] = [];
    const channels = (p: ApoptosisPreparation) => ({ name: p.name, fluorescence: request.fluorescence, scatter: p.scatter! });
    for (const preparation of preparations) {
      const mismatch = preparation.outcome.kind === 'unusable' ? preparation.outcome.message : usable[0] ? setupMismatch(channels(preparation), channels(usable[0])) : null;
      if (mismatch) excluded.push({ sampleId: preparation.sampleId, name: preparation.name, message: mismatch });
      else usable.push(preparation);
    }
    const scatter = usable[0]?.scatter;
    if (!scatter) return failed('ApoptosisAnalysisError', `No sample can be analysed: ${excluded.map((e) => e.message).join(' ')}`);
    checkTubeNames(usable.map((p) => p.name));
    const options: ApoptosisRunOptions = { ...request, scatter };
    const requestTube = new Map(request.tubes.map((t) => [t.sampleId, t]));
    const prepared = usable.flatMap((p): PreparedRequestTube[] => (p.outcome.kind === 'prepared' ? [{ ...requestTube.get(p.sampleId)!, preGates: p.outcome.preGates }] : []));
    const unprepared = usable.flatMap((p) => (p.outcome.kind === 'unprepared' ? [p.outcome.failed] : []));
    const spillovers = usable.flatMap((p) => (p.outcome.kind === 'prepared' ? [p.spillover] : []));
    const settings = await settingsStep(runner, prepared.filter((t) => isSettingRole(t.role)), spillovers, options).catch((error: unknown) => {
      // Name the controls and untreated tubes that could not be gated, as the CLI's analyseApoptosisExperiment does.
      if (!(error instanceof StepFailed) || error.failure.ok || error.failure.error.code !== 'ApoptosisAnalysisError') throw error;
      throw new StepFailed(failed('ApoptosisAnalysisError', withSetAsideTubes(error.failure.error.message, unprepared.filter((f) => isSettingRole(f.role)))));
    });
    const outcomes = await inEveryWorker(runner, prepared, (t) => t.sampleId, (worker, tubes) => worker.analyseApoptosisTubes({ tubes, settings, options }));
    const analysis: ApoptosisAnalysis = assembleAnalysis(settings, unprepared, outcomes);
    const sampleIdOf = new Map(usable.map((p) => [p.name, p.sampleId]));
    const analysed = new Set(analysis.tubes.map((t) => t.name));
    return {
      ok: true,
      value: {
        analysis, fluorescence: request.fluorescence, scatter,
        sampleIds: Object.fromEntries(usable.filter((p) => analysed.has(p.name)).map((p) => [p.name, p.sampleId])),
        excluded: [...excluded, ...analysis.failed.flatMap((f) => (sampleIdOf.has(f.name) ? [{ sampleId: sampleIdOf.get(f.name)!, name: f.name, message: f.message }] : []))],
      },
    };
  } catch (error) {
    if (error instanceof StepFailed) return error.failure;
    if (error instanceof Error && error.name === 'ApoptosisAnalysisError') return failed(error.name, error.message);
    throw error;
  }
}
