import { channelSourceFromColumns } from '../src/gating/channelSource.ts';
import { GatingEvaluator } from '../src/gating/evaluator.ts';
import { splitIntoQuadrants } from '../src/gating/regions.ts';
import { populationCounts } from '../src/gating/statistics.ts';
import { quantileInPlace } from '../src/transforms/quantile.ts';
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

  // A drag as the hand makes it: the centre moves so that each step crosses ~0.5% of the singlets on each axis.
  const singlets = evaluator.indices('singlets');
  const fitc = evaluator.column(compensated('FITC-A'));
  const pe = evaluator.column(compensated('PE-A'));
  const cutsAt = (column: ArrayLike<number>) => {
    const values = Float64Array.from(singlets, (i) => column[i]);
    return Array.from({ length: 41 }, (_, k) => quantileInPlace(values, values.length, 0.3 + 0.005 * k));
  };
  const [fitcCuts, peCuts] = [cutsAt(fitc), cutsAt(pe)];
  const dragged = new GatingEvaluator(source);
  dragged.update(apoptosisStrategy(fitcCuts[0], peCuts[0]));
  let dragStep = 0;
  const drag = await time(() => {
    dragStep = (dragStep % 40) + 1;
    dragged.update(apoptosisStrategy(fitcCuts[dragStep], peCuts[dragStep]));
    return countsOfAll(dragged);
  }, 40, 2);
  const fullSplit = await time(() => {
    dragStep = (dragStep % 40) + 1;
    const dividers = [{ column: fitc, values: [fitcCuts[dragStep]] }, { column: pe, values: [peCuts[dragStep]] }];
    return splitIntoQuadrants(singlets, dividers, [[0, 0], [1, 0], [1, 1], [0, 1]]).length;
  }, 21, 2);
  report({
    suite: 'gating',
    name: 'quadrant drag step (each crosses ~0.5% of the singlets per axis): counts follow the crossed events only',
    ...drag,
    baselineMs: fullSplit.medianMs,
    speedup: fullSplit.medianMs / drag.medianMs,
    note: `baseline: splitting all ${singlets.length} singlets among the quadrants at the same positions (what a step cost before)`,
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
