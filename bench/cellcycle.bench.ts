import { binDnaContent } from '../src/cellcycle/dnaHistogram.ts';
import { fitCellCycle } from '../src/cellcycle/fitCellCycle.ts';
import { DEFAULT_MODEL_OPTIONS } from '../src/cellcycle/modelOptions.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample } from '../src/simulate/cellCycleModel.ts';
import { time, type BenchSuite } from './harness.ts';

/** One simulated PI tube (30,000 events, 5% CV, debris and doublets), all events binned on 1,024 channels. */
function benchHistogram() {
  const sample = simulateCellCycleSample({ ...DEFAULT_CELL_CYCLE_PARAMS, g1Cv: 0.05 }, 20_240_611);
  const piA = sample.input.channels.findIndex((channel) => channel.name === 'PI-A');
  return binDnaContent(Float32Array.from(sample.input.columns[piA]), null, 1024, 262_144);
}

const suite: BenchSuite = async (report) => {
  const histogram = benchHistogram();
  const cases = [
    { name: 'DJF fit, debris + aggregates, 1,024 bins', options: { ...DEFAULT_MODEL_OPTIONS, debris: 'on' as const, aggregates: 'doublets' as const } },
    { name: 'DJF fit, default options, 1,024 bins', options: DEFAULT_MODEL_OPTIONS },
    { name: 'rectangle fit, debris + aggregates, 1,024 bins', options: { ...DEFAULT_MODEL_OPTIONS, model: 'rectangle' as const, debris: 'on' as const } },
    { name: 'Watson fit, debris + aggregates, 1,024 bins', options: { ...DEFAULT_MODEL_OPTIONS, model: 'watson' as const, debris: 'on' as const } },
  ];
  for (const { name, options } of cases) {
    const timing = await time(() => fitCellCycle(histogram, options), 15, 3);
    report({ suite: 'cellcycle', name, ...timing, note: 'target ≤ 20 ms (issue 7)' });
  }
};

export default suite;
