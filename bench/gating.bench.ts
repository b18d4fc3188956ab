import { channelSourceFromColumns } from '../src/gating/channelSource.ts';
import { GatingEvaluator } from '../src/gating/evaluator.ts';
import { populationCounts } from '../src/gating/statistics.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from '../src/simulate/apoptosisModel.ts';
import { time, type BenchSuite } from './harness.ts';
import { apoptosisStrategy, compensated, QUADRANT_IDS } from './scenarios.ts';

const EVENTS = 1_000_000;

/** What the stats table shows after a gate edit: counts and percentages of every population. */
function countsOfAll(evaluator: GatingEvaluator): number {
  return populationCounts(evaluator).length;
}

/** Plus mean, median, SD, CV, robust CV and geometric mean of both (compensated) quadrant channels in each quadrant. */
function quadrantChannelStatistics(evaluator: GatingEvaluator): number {
  let n = 0;
  for (const dimension of [compensated('FITC-A'), compensated('PE-A')]) for (const s of evaluator.statistics(QUADRANT_IDS, dimension)) n += s.count;
  return n;
}

const suite: BenchSuite = async (report) => {
  const sample = simulateApoptosisSample({ ...DEFAULT_APOPTOSIS_PARAMS, eventCount: EVENTS }, 20240611);
  const columns = Object.fromEntries(sample.input.channels.map((c, i) => [c.name, Float32Array.from(sample.input.columns[i])]));
  const source = channelSourceFromColumns(columns, sample.input.spillover ?? null);
  const positions = [apoptosisStrategy(1000, 1000), apoptosisStrategy(1100, 1000)];
  const note = `${EVENTS.toLocaleString('en')} events, $SPILLOVER compensation of FITC-A/PE-A, 8- and 6-vertex polygons`;

  const cold = await time(() => {
    const evaluator = new GatingEvaluator(source);
    evaluator.update(positions[0]);
    return countsOfAll(evaluator);
  }, 5, 1);
  report({ suite: 'gating', name: 'first evaluation: compensation + cells → singlets → quadrants + counts', ...cold, note });

  const evaluator = new GatingEvaluator(source);
  evaluator.update(positions[0]);
  let turn = 0;
  const moveQuadrant = () => {
    turn = 1 - turn;
    const { recomputed } = evaluator.update(positions[turn]);
    if (recomputed.length !== QUADRANT_IDS.length) throw new Error(`expected only the quadrants to be recomputed, got ${recomputed.join(', ')}`);
    return countsOfAll(evaluator);
  };
  const moved = await time(moveQuadrant, 21, 3);
  report({
    suite: 'gating',
    name: 'quadrant moved: its 4 populations recomputed over the singlets + counts/% of all',
    ...moved,
    baselineMs: cold.medianMs,
    speedup: cold.medianMs / moved.medianMs,
    note: `baseline: first evaluation; target ≤ 20 ms; ${evaluator.count('singlets')} singlets`,
  });

  const movedWithStats = await time(() => moveQuadrant() + quadrantChannelStatistics(evaluator), 21, 3);
  report({ suite: 'gating', name: 'quadrant moved + mean/median/SD/CV/rCV/geo-mean of FITC-A, PE-A per quadrant', ...movedWithStats });

  let polygonTurn = 0;
  const singletsVariants = positions.map((s, k) => ({
    ...s,
    gates: s.gates.map((g) => (g.id === 'singlets' && g.kind === 'polygon' ? { ...g, vertices: g.vertices.map(([x, y]) => [x, y * (1 + 0.01 * k)] as [number, number]) } : g)),
  }));
  const movedPolygon = await time(() => {
    polygonTurn = 1 - polygonTurn;
    evaluator.update(singletsVariants[polygonTurn]);
    return countsOfAll(evaluator);
  }, 11, 2);
  report({ suite: 'gating', name: 'singlets polygon moved: singlets + quadrants recomputed + counts', ...movedPolygon });
};

export default suite;
