import { describe, expect, it } from 'vitest';
import { channelSourceFromColumns } from '../gating/channelSource.ts';
import { GatingEvaluator } from '../gating/evaluator.ts';
import { populationCounts } from '../gating/statistics.ts';
import { parseGatingStrategy, stringifyGatingStrategy } from '../gating/strategyJson.ts';
import { resolveCompensation, twoDyeSpillover } from './compensation.ts';
import { APOPTOSIS_POPULATIONS, CELLS_ID, SINGLETS_ID } from './populations.ts';
import { apoptosisResultRow } from './results.ts';
import { buildApoptosisStrategy, effectiveThresholds, readQuadrantThresholds, withQuadrantThresholds, type ApoptosisGatingPlan } from './strategy.ts';

const SQUARE: [number, number][] = [[0, 0], [1000, 0], [1000, 1000], [0, 1000]];
const PLAN: ApoptosisGatingPlan = {
  scatter: { fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H', kind: 'height' } },
  fluorescence: { annexin: 'FITC-A', pi: 'PE-A' },
  compensation: resolveCompensation({ kind: 'none' }, null),
  preGates: { cells: SQUARE, singlets: SQUARE },
};
const THRESHOLDS = { annexin: 100, pi: 200 };

/**
 * Eight events inside both pre-gates at hand-placed (Annexin V, PI) values, plus one outside the cells gate:
 * viable (50, 50), (99.9, 199.9); early (100, 0), (5000, 199); late (100, 200), (800, 900); necrotic (0, 200), (-30, 5000).
 */
function evaluate(strategy = buildApoptosisStrategy(PLAN, THRESHOLDS)) {
  const columns = {
    'FSC-A': Float64Array.of(500, 500, 500, 500, 500, 500, 500, 500, 5000),
    'SSC-A': Float64Array.of(500, 500, 500, 500, 500, 500, 500, 500, 500),
    'FSC-H': Float64Array.of(400, 400, 400, 400, 400, 400, 400, 400, 400),
    'FITC-A': Float64Array.of(50, 99.9, 100, 5000, 100, 800, 0, -30, 5000),
    'PE-A': Float64Array.of(50, 199.9, 0, 199, 200, 900, 200, 5000, 5000),
  };
  const evaluator = new GatingEvaluator(channelSourceFromColumns(columns));
  evaluator.update(strategy);
  return evaluator;
}

describe('buildApoptosisStrategy', () => {
  it('names Cells → Singlets → the four quadrants and Total apoptotic under Singlets, with stable ids', () => {
    const evaluator = evaluate();
    expect(evaluator.populations.map((p) => [p.id, p.name, p.parentId])).toEqual([
      [CELLS_ID, 'Cells', null],
      [SINGLETS_ID, 'Singlets', CELLS_ID],
      ['viable', 'Viable (AnnV−/PI−)', SINGLETS_ID],
      ['early-apoptotic', 'Early apoptotic (AnnV+/PI−)', SINGLETS_ID],
      ['late-apoptotic', 'Late apoptotic (AnnV+/PI+)', SINGLETS_ID],
      ['necrotic', 'Necrotic (AnnV−/PI+)', SINGLETS_ID],
      ['total-apoptotic', 'Total apoptotic (early + late)', SINGLETS_ID],
    ]);
  });

  it('puts events on a threshold on its positive side (half-open, as Gating-ML) and makes total apoptotic = early + late', () => {
    const evaluator = evaluate();
    const members = (id: string) => [...evaluator.indices(id)];
    expect(members(APOPTOSIS_POPULATIONS.viable.id)).toEqual([0, 1]);
    expect(members(APOPTOSIS_POPULATIONS.earlyApoptotic.id)).toEqual([2, 3]);
    expect(members(APOPTOSIS_POPULATIONS.lateApoptotic.id)).toEqual([4, 5]);
    expect(members(APOPTOSIS_POPULATIONS.necrotic.id)).toEqual([6, 7]);
    expect(members(APOPTOSIS_POPULATIONS.totalApoptotic.id)).toEqual([2, 3, 4, 5]);
    expect(evaluator.count(CELLS_ID)).toBe(8);
  });

  it('reads every fluorescence value through the chosen compensation, and carries a computed or edited matrix', () => {
    const matrix = twoDyeSpillover(PLAN.fluorescence, 0.2, 0.01);
    const strategy = buildApoptosisStrategy({ ...PLAN, compensation: resolveCompensation({ kind: 'controls' }, matrix) }, THRESHOLDS);
    expect(strategy.compensations).toEqual({ 'single-stain-controls': matrix });
    const quadrant = strategy.gates.find((g) => g.kind === 'quadrant');
    expect(quadrant?.kind === 'quadrant' && quadrant.dividers.map((d) => [d.dimension.source, d.dimension.compensation, d.dimension.transform])).toEqual([
      [{ kind: 'channel', name: 'FITC-A' }, 'single-stain-controls', null],
      [{ kind: 'channel', name: 'PE-A' }, 'single-stain-controls', null],
    ]);
    // Raw (1000, 200) with 20% FITC→PE spill is (≈1000, ≈0) compensated: early apoptotic, not late.
    const evaluator = new GatingEvaluator(channelSourceFromColumns({
      'FSC-A': Float64Array.of(500), 'SSC-A': Float64Array.of(500), 'FSC-H': Float64Array.of(400), 'FITC-A': Float64Array.of(1000), 'PE-A': Float64Array.of(200),
    }));
    evaluator.update(strategy);
    expect(evaluator.count(APOPTOSIS_POPULATIONS.earlyApoptotic.id)).toBe(1);
  });

  it('survives the template JSON round trip unchanged', () => {
    const strategy = buildApoptosisStrategy(PLAN, THRESHOLDS);
    expect(parseGatingStrategy(JSON.parse(stringifyGatingStrategy(strategy)))).toEqual(strategy);
  });
});

describe('per-sample quadrant adjustments', () => {
  it('moves the centre without touching the input, and the results row flags it', () => {
    const shared = buildApoptosisStrategy(PLAN, THRESHOLDS);
    const moved = withQuadrantThresholds(shared, effectiveThresholds(THRESHOLDS, { pi: 950 }));
    expect(readQuadrantThresholds(shared)).toEqual(THRESHOLDS);
    expect(readQuadrantThresholds(moved)).toEqual({ annexin: 100, pi: 950 });
    const evaluator = evaluate(moved);
    expect([...evaluator.indices(APOPTOSIS_POPULATIONS.lateApoptotic.id)]).toEqual([]);
    const row = (strategy: typeof shared) => apoptosisResultRow({
      file: 'x.fcs', role: 'sample', eventCount: 9, strategy, counts: populationCounts(evaluate(strategy)), sharedThresholds: THRESHOLDS,
      thresholdOrigin: { thresholds: THRESHOLDS, sources: { annexin: 'typed by hand', pi: 'typed by hand' } }, compensation: 'none', warnings: [],
    });
    expect(row(shared).thresholdsOverridden).toBe(false);
    expect(row(moved).thresholdsOverridden).toBe(true);
    expect(row(moved).counts).toEqual({ viable: 3, earlyApoptotic: 4, lateApoptotic: 0, necrotic: 1, totalApoptotic: 4 });
  });

  it('refuses a strategy without the apoptosis quadrant', () => {
    expect(() => readQuadrantThresholds({ ...buildApoptosisStrategy(PLAN, THRESHOLDS), gates: [] })).toThrow(/no Annexin V × PI quadrant gate/);
  });
});
