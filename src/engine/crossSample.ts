/**
 * Analyses that need several samples at once, run over the pool: the guided Annexin V/PI analysis runs in the worker
 * that holds most of its tubes, and the tubes living elsewhere are read into it again from their files for the time of
 * the run (copies, closed afterwards), so no event data travels between threads.
 */
import type { ApoptosisRequest, ApoptosisRun, Result, SampleId } from '../../workers/api.ts';
import type { EnginePool } from './enginePool.ts';

/** The worker index that holds the most of `ids`. */
function busiestSlot(pool: EnginePool, ids: readonly SampleId[]): number {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(pool.slotOf(id), (counts.get(pool.slotOf(id)) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, -1])[0];
}

export async function analyseAcrossWorkers(pool: EnginePool, request: ApoptosisRequest): Promise<Result<ApoptosisRun>> {
  const host = busiestSlot(pool, request.tubes.map((t) => t.sampleId));
  const copies = new Map<SampleId, SampleId>();
  try {
    for (const { sampleId } of request.tubes) {
      if (pool.slotOf(sampleId) === host) continue;
      const copy = `${sampleId}~copy`;
      const opened = await pool.borrow(sampleId, host, copy);
      if (!opened.ok) return opened;
      copies.set(sampleId, copy);
    }
    const original = new Map([...copies].map(([id, copy]) => [copy, id]));
    const back = (id: SampleId) => original.get(id) ?? id;
    const result = await pool.runIn(host, (worker) => worker.analyseApoptosis({ ...request, tubes: request.tubes.map((t) => ({ ...t, sampleId: copies.get(t.sampleId) ?? t.sampleId })) }));
    if (!result.ok) return result;
    const run = result.value;
    return {
      ok: true,
      value: {
        ...run,
        sampleIds: Object.fromEntries(Object.entries(run.sampleIds).map(([name, id]) => [name, back(id)])),
        excluded: run.excluded.map((e) => ({ ...e, sampleId: back(e.sampleId) })),
      },
    };
  } finally {
    await Promise.all([...copies.values()].map((copy) => pool.runIn(host, (worker) => worker.closeSample(copy)).catch(() => undefined)));
  }
}
