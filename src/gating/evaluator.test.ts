import { describe, expect, it } from 'vitest';
import { channelSourceFromColumns } from './channelSource.ts';
import { GatingEvaluator } from './evaluator.ts';
import { type Dimension, type Gate, type GatingStrategy, GatingStrategyError, type QuadrantGate } from './types.ts';

/** 100 events on the integer grid x, y ∈ 0…9 (event i at x = i % 10, y = ⌊i/10⌋). */
function gridSource() {
  const x = Float64Array.from({ length: 100 }, (_, i) => i % 10);
  const y = Float64Array.from({ length: 100 }, (_, i) => Math.floor(i / 10));
  return channelSourceFromColumns({ X: x, Y: y });
}

const channel = (name: string, transform: string | null = null): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform });

function quadrantAt(xCut: number, yCut: number, parentId: string | null): QuadrantGate {
  return {
    kind: 'quadrant',
    id: 'Q',
    name: 'Quadrants',
    parentId,
    dividers: [
      { id: 'dx', dimension: channel('X'), values: [xCut] },
      { id: 'dy', dimension: channel('Y'), values: [yCut] },
    ],
    quadrants: [
      { id: 'X-Y-', name: 'double negative', positions: [{ dividerId: 'dx', interval: 0 }, { dividerId: 'dy', interval: 0 }] },
      { id: 'X+Y-', name: 'X only', positions: [{ dividerId: 'dx', interval: 1 }, { dividerId: 'dy', interval: 0 }] },
      { id: 'X+Y+', name: 'double positive', positions: [{ dividerId: 'dx', interval: 1 }, { dividerId: 'dy', interval: 1 }] },
      { id: 'X-Y+', name: 'Y only', positions: [{ dividerId: 'dx', interval: 0 }, { dividerId: 'dy', interval: 1 }] },
    ],
  };
}

function strategy(gates: Gate[], transforms: GatingStrategy['transforms'] = {}): GatingStrategy {
  return { version: 1, transforms, ratios: {}, compensations: {}, gates };
}

/** PE ≥ 10 with the given compensation. */
function pePositive(compensation: Dimension['compensation']): Gate {
  return {
    kind: 'rectangle',
    id: 'PE+',
    name: 'PE+',
    parentId: null,
    bounds: [{ dimension: { source: { kind: 'channel', name: 'PE-A' }, compensation, transform: null }, min: 10, max: null }],
  };
}

const band: Gate = { kind: 'rectangle', id: 'band', name: 'Band', parentId: null, bounds: [{ dimension: channel('X'), min: 2, max: 6 }] };
const upperRight: Gate = { kind: 'rectangle', id: 'corner', name: 'Corner', parentId: 'X+Y+', bounds: [{ dimension: channel('Y'), min: 8, max: null }] };

describe('GatingEvaluator', () => {
  it('counts populations of a hand-countable tree, children only within their parent', () => {
    const evaluator = new GatingEvaluator(gridSource());
    evaluator.update(strategy([upperRight, quadrantAt(4, 5, 'band'), band]));
    // band: x ∈ {2,3,4,5} → 40 events; quadrants split it at x = 4 and y = 5 into 2 × 5 = 10 each.
    expect(evaluator.count('band')).toBe(40);
    expect(['X-Y-', 'X+Y-', 'X+Y+', 'X-Y+'].map((id) => evaluator.count(id))).toEqual([10, 10, 10, 10]);
    // corner: x ∈ {4,5}, y ∈ {8,9}.
    expect([...evaluator.indices('corner')]).toEqual([84, 85, 94, 95]);
    expect(evaluator.populations.map((p) => [p.id, p.parentId])).toEqual([
      ['band', null],
      ['X-Y-', 'band'],
      ['X+Y-', 'band'],
      ['X+Y+', 'band'],
      ['X-Y+', 'band'],
      ['corner', 'X+Y+'],
    ]);
    const mask = evaluator.mask('corner');
    expect(mask.reduce((sum, m) => sum + m, 0)).toBe(4);
    expect(mask[84]).toBe(1);
  });

  it('recomputes only the moved quadrant gate and what depends on it', () => {
    const evaluator = new GatingEvaluator(gridSource());
    expect(evaluator.update(strategy([band, quadrantAt(4, 5, 'band'), upperRight])).recomputed).toEqual(['band', 'X-Y-', 'X+Y-', 'X+Y+', 'X-Y+', 'corner']);
    const bandIndices = evaluator.indices('band');
    const moved = evaluator.update(strategy([band, quadrantAt(5, 5, 'band'), upperRight]));
    expect(moved.recomputed).toEqual(['X-Y-', 'X+Y-', 'X+Y+', 'X-Y+', 'corner']);
    expect(evaluator.indices('band')).toBe(bandIndices);
    expect(evaluator.count('X+Y+')).toBe(5);
    expect([...evaluator.indices('corner')]).toEqual([85, 95]);
  });

  it('recomputes nothing for a rename and everything below a changed transform', () => {
    const evaluator = new GatingEvaluator(gridSource());
    const polygon = (transform: string | null): Gate => ({
      kind: 'polygon',
      id: 'poly',
      name: 'Poly',
      parentId: null,
      dimensions: [channel('X', transform), channel('Y')],
      vertices: [[0, 0], [0.5, 0], [0.5, 10], [0, 10]],
    });
    const child: Gate = { ...band, id: 'child', parentId: 'poly', bounds: [{ dimension: channel('Y'), min: 5, max: null }] };
    const before = strategy([polygon('lin'), child], { lin: { kind: 'linear', T: 10, A: 0 } });
    evaluator.update(before);
    // flin(x; T=10, A=0) = x/10 < 0.5 ⇔ x < 5 (x = 5 sits on the right edge, outside): 50 events.
    expect(evaluator.count('poly')).toBe(50);
    expect(evaluator.update({ ...before, gates: [{ ...polygon('lin'), name: 'Renamed' }, child] }).recomputed).toEqual([]);
    const widened = evaluator.update(strategy([polygon('lin'), child], { lin: { kind: 'linear', T: 5, A: 0 } }));
    expect(widened.recomputed).toEqual(['poly', 'child']);
    // x/5 < 0.5 ⇔ x < 2.5: 30 events, 15 of them with y ≥ 5.
    expect([evaluator.count('poly'), evaluator.count('child')]).toEqual([30, 15]);
  });

  it('evaluates Boolean gates over their operands’ full populations, restricted to their parent', () => {
    const evaluator = new GatingEvaluator(gridSource());
    const high: Gate = { kind: 'rectangle', id: 'highY', name: 'High Y', parentId: null, bounds: [{ dimension: channel('Y'), min: 7, max: null }] };
    const bandNotHigh: Gate = { kind: 'boolean', id: 'bandNotHigh', name: 'band ∧ ¬high', parentId: null, operator: 'and', operands: [{ populationId: 'band', complement: false }, { populationId: 'highY', complement: true }] };
    const orWithin: Gate = { kind: 'boolean', id: 'orWithin', name: 'within Q', parentId: 'X+Y+', operator: 'or', operands: [{ populationId: 'band', complement: false }, { populationId: 'highY', complement: false }] };
    evaluator.update(strategy([band, high, bandNotHigh, quadrantAt(4, 5, null), orWithin]));
    // band (x 2…5) without y ≥ 7: 4 × 7 = 28. X+Y+ is x ≥ 4, y ≥ 5 (30 events); band ∨ highY inside it:
    // x ∈ {4,5} (10 events) plus x ≥ 6 with y ≥ 7 (4 × 3 = 12).
    expect(evaluator.count('bandNotHigh')).toBe(28);
    expect(evaluator.count('orWithin')).toBe(22);
    const moved = evaluator.update(strategy([band, high, bandNotHigh, quadrantAt(6, 5, null), orWithin]));
    expect(moved.recomputed).toEqual(['X-Y-', 'X+Y-', 'X+Y+', 'X-Y+', 'orWithin']);
  });

  it('gates compensated values: the file spillover ("FCS") recovers the true intensities', () => {
    // True FITC 100 or 1000 with PE 0; 20% of FITC spills into PE, so raw PE is 20 or 200.
    const truth = Float64Array.of(100, 1000, 100, 1000);
    const source = channelSourceFromColumns(
      { 'FITC-A': truth, 'PE-A': Float64Array.from(truth, (v) => 0.2 * v) },
      { channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.2], [0, 1]], source: '$SPILLOVER' },
    );
    const evaluator = new GatingEvaluator(source);
    evaluator.update(strategy([pePositive('uncompensated')]));
    expect(evaluator.count('PE+')).toBe(4);
    evaluator.update(strategy([pePositive('FCS')]));
    expect(evaluator.count('PE+')).toBe(0);
  });

  it('rejects a strategy that does not fit the file and keeps the previous results', () => {
    const evaluator = new GatingEvaluator(gridSource());
    evaluator.update(strategy([band]));
    const wrong: Gate = { ...band, id: 'wrong', bounds: [{ dimension: channel('FSC-A'), min: 0, max: 1 }] };
    expect(() => evaluator.update(strategy([wrong]))).toThrow(GatingStrategyError);
    const scaled: GatingStrategy = strategy([{ ...band, bounds: [{ dimension: channel('X', 'half'), min: 0.2, max: 0.6 }] }], { half: { kind: 'linear', T: 10, A: 0 } });
    evaluator.update(scaled);
    const failing = { ...strategy([wrong, scaled.gates[0]]), transforms: { half: { kind: 'linear', T: 20, A: 0 } } } satisfies GatingStrategy;
    expect(() => evaluator.update(failing)).toThrow(/channel "FSC-A".*not in this file.*"X", "Y"/);
    // x/10 ∈ [0.2, 0.6) ⇔ x ∈ {2…5}: the old populations and the old transform are still in force.
    expect(evaluator.count('band')).toBe(40);
    expect(evaluator.column(channel('X', 'half'))[7]).toBe(0.7);
  });

  it('handles a file without events', () => {
    const evaluator = new GatingEvaluator(channelSourceFromColumns({ X: new Float64Array(0), Y: new Float64Array(0) }));
    evaluator.update(strategy([band, quadrantAt(4, 5, 'band')]));
    expect(evaluator.count('X+Y+')).toBe(0);
    expect(evaluator.statistics(['X+Y+'], channel('X'))[0].median).toBeNaN();
  });

  it('refuses unknown populations', () => {
    const evaluator = new GatingEvaluator(gridSource());
    evaluator.update(strategy([band]));
    expect(() => evaluator.indices('nope')).toThrow(/population "nope" is not in the current gating strategy/);
    expect(evaluator.count(null)).toBe(100);
  });
});
