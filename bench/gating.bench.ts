import type { Dimension, Gate, GatingStrategy, QuadrantGate } from '../src/gating/types.ts';
import { channelSourceFromColumns } from '../src/gating/channelSource.ts';
import { GatingEvaluator } from '../src/gating/evaluator.ts';
import { populationCounts } from '../src/gating/statistics.ts';
import { DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample } from '../src/simulate/apoptosisModel.ts';
import { time, type BenchSuite } from './harness.ts';

const EVENTS = 1_000_000;

const raw = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform: null });
const compensated = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'FCS', transform: null });

/** The apoptosis tree the app builds: cells (FSC-A/SSC-A) → singlets (FSC-A/FSC-H) → Annexin V/PI quadrants. */
function apoptosisStrategy(annexinCut: number, piCut: number): GatingStrategy {
  const cells: Gate = {
    kind: 'polygon',
    id: 'cells',
    name: 'Cells',
    parentId: null,
    dimensions: [raw('FSC-A'), raw('SSC-A')],
    vertices: [[30000, 8000], [120000, 6000], [250000, 20000], [260000, 150000], [200000, 250000], [90000, 240000], [35000, 150000], [28000, 60000]],
  };
  const singlets: Gate = {
    kind: 'polygon',
    id: 'singlets',
    name: 'Singlets',
    parentId: 'cells',
    dimensions: [raw('FSC-A'), raw('FSC-H')],
    vertices: [[20000, 15000], [140000, 108000], [262000, 200000], [262000, 262000], [150000, 200000], [20000, 28000]],
  };
  const quadrants: QuadrantGate = {
    kind: 'quadrant',
    id: 'apoptosis',
    name: 'Annexin V / PI',
    parentId: 'singlets',
    dividers: [
      { id: 'annexin', dimension: compensated('FITC-A'), values: [annexinCut] },
      { id: 'pi', dimension: compensated('PE-A'), values: [piCut] },
    ],
    quadrants: [
      { id: 'viable', name: 'AnnexinV−/PI−', positions: [{ dividerId: 'annexin', interval: 0 }, { dividerId: 'pi', interval: 0 }] },
      { id: 'early', name: 'AnnexinV+/PI−', positions: [{ dividerId: 'annexin', interval: 1 }, { dividerId: 'pi', interval: 0 }] },
      { id: 'late', name: 'AnnexinV+/PI+', positions: [{ dividerId: 'annexin', interval: 1 }, { dividerId: 'pi', interval: 1 }] },
      { id: 'necrotic', name: 'AnnexinV−/PI+', positions: [{ dividerId: 'annexin', interval: 0 }, { dividerId: 'pi', interval: 1 }] },
    ],
  };
  return { version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [cells, singlets, quadrants] };
}

const QUADRANT_IDS = ['viable', 'early', 'late', 'necrotic'];

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
  report({ suite: 'gating', name: 'quadrant moved: its 4 populations recomputed over the singlets + counts/% of all', ...moved, note: `target ≤ 20 ms; ${evaluator.count('singlets')} singlets` });

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
