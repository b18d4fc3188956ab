/**
 * Times the worker in Chromium through the same client the app uses: a simulated 1,000,000-event Annexin V/PI file is
 * opened in the worker, then the apoptosis tree of bench/scenarios.ts is applied and its quadrant moved; a simulated
 * PI-DNA tube (the one bench/cellcycle.bench.ts fits in Node) is opened and fitted.
 */
import { DEFAULT_MODEL_OPTIONS } from '../../src/cellcycle/modelOptions.ts';
import { createCytometryClient, type CytometryClient } from '../../src/engine/cytometryClient.ts';
import { writeFcs } from '../../src/fcs/write.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from '../../src/simulate/apoptosisModel.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample } from '../../src/simulate/cellCycleModel.ts';
import { time, type BenchRow } from '../harness.ts';
import { apoptosisStrategy } from '../scenarios.ts';

const EVENTS = 1_000_000;

declare global {
  interface Window {
    runWorkerBenchmarks(): Promise<BenchRow[]>;
  }
}

window.runWorkerBenchmarks = async () => {
  const rows: BenchRow[] = [];
  const client = createCytometryClient({
    onRestart: () => {
      throw new Error('a worker stopped during the benchmark');
    },
    onFatal: (error) => {
      throw error;
    },
  });
  const sample = simulateApoptosisSample({ ...DEFAULT_APOPTOSIS_PARAMS, eventCount: EVENTS }, 20240611);
  const file = new Blob([writeFcs(sample.input)]);
  const opened = await client.call((worker) => worker.openFile('bench', file, 'bench.fcs', false));
  if (!opened.ok) throw new Error(opened.error.message);

  const apply = async (annexinCut: number) => {
    const result = await client.call((worker) => worker.applyStrategy('bench', apoptosisStrategy(annexinCut, 1000)));
    if (!result.ok) throw new Error(result.error.message);
  };
  const empty = { version: 1 as const, transforms: {}, ratios: {}, compensations: {}, gates: [] };
  const cold = await time(async () => {
    await client.call((worker) => worker.applyStrategy('bench', empty));
    await apply(1000);
  }, 5, 1);
  rows.push({ suite: 'worker (Chromium)', name: 'apply cells → singlets → quadrants to 1M events, from nothing', ...cold });

  let turn = 0;
  const moved = await time(() => {
    turn = 1 - turn;
    return apply(turn ? 1100 : 1000);
  }, 21, 3);
  rows.push({
    suite: 'worker (Chromium)',
    name: 'quadrant moved: recompute its subtree + counts, round trip',
    ...moved,
    baselineMs: cold.medianMs,
    speedup: cold.medianMs / moved.medianMs,
    note: 'baseline: the same tree from nothing; target ≤ 16 ms worker share, ≤ 20 ms re-evaluation',
  });
  rows.push(await cellCycleFit(client));
  client.terminate();
  return rows;
};

/** One DJF fit with debris and aggregates of a 30,000-event PI tube's 1,024-bin histogram, round trip (issue 7). */
async function cellCycleFit(client: CytometryClient): Promise<BenchRow> {
  const sample = simulateCellCycleSample({ ...DEFAULT_CELL_CYCLE_PARAMS, g1Cv: 0.05 }, 20_240_611);
  const opened = await client.call((worker) => worker.openFile('dna', new Blob([writeFcs(sample.input)]), 'dna.fcs', false));
  if (!opened.ok) throw new Error(opened.error.message);
  const request = {
    sampleId: 'dna',
    channels: { dna: { channel: 'PI-A', compensation: 'uncompensated' }, pulse: null, scatter: null },
    options: { ...DEFAULT_MODEL_OPTIONS, debris: 'on' as const, aggregates: 'doublets' as const },
    cells: null,
    singletGate: null,
  };
  const fit = async () => {
    const result = await client.call((worker) => worker.fitCellCycle(request));
    if (!result.ok) throw new Error(result.error.message);
  };
  const timing = await time(fit, 15, 3);
  return { suite: 'worker (Chromium)', name: 'DJF fit, debris + aggregates, 1,024 bins (all 30,000 events binned), round trip', ...timing, note: 'target ≤ 20 ms (issue 7)' };
}
