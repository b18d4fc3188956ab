import { describe, expect, it } from 'vitest';
import { checkStrategy, listPopulations } from './strategy.ts';
import type { Dimension, Gate, GatingStrategy, RectangleGate } from './types.ts';

const dimension = (name: string, transform: string | null = null, compensation = 'uncompensated'): Dimension => ({
  source: { kind: 'channel', name },
  compensation,
  transform,
});
const range = (id: string, parentId: string | null = null): RectangleGate => ({ kind: 'rectangle', id, name: id, parentId, bounds: [{ dimension: dimension('X'), min: 0, max: 1 }] });
const quadrant: Gate = {
  kind: 'quadrant',
  id: 'Q',
  name: 'Q',
  parentId: null,
  dividers: [{ id: 'd', dimension: dimension('X'), values: [5] }],
  quadrants: [
    { id: 'low', name: 'low', positions: [{ dividerId: 'd', interval: 0 }] },
    { id: 'high', name: 'high', positions: [{ dividerId: 'd', interval: 1 }] },
  ],
};
const strategy = (gates: Gate[], extra: Partial<GatingStrategy> = {}): GatingStrategy => ({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates, ...extra });

describe('checkStrategy', () => {
  it('accepts a valid tree and lists populations parents first, quadrants as populations', () => {
    const gates = [range('child', 'high'), quadrant, range('root')];
    checkStrategy(strategy(gates));
    expect(listPopulations(strategy(gates)).map((p) => `${p.id}<${p.parentId ?? '∅'}:${p.gateId}`)).toEqual(['low<∅:Q', 'high<∅:Q', 'child<high:child', 'root<∅:root']);
  });

  it.each([
    ['an unknown parent', [range('a', 'ghost')], /gate "a": parent "ghost" is not a population/],
    ['a quadrant gate as parent', [quadrant, range('a', 'Q')], /parent "Q" is not a population of this strategy — it is a quadrant gate; refer to one of its quadrants/],
    ['a cycle', [range('a', 'b'), range('b', 'a')], /depends on itself: "a" → "b" → "a"/],
    ['a duplicate id', [range('a'), range('a')], /id "a" is used twice/],
    ['a quadrant id clashing with a gate id', [quadrant, range('low')], /id "low" is used twice/],
    ['a polygon with 2 vertices', [{ kind: 'polygon', id: 'p', name: 'p', parentId: null, dimensions: [dimension('X'), dimension('Y')], vertices: [[0, 0], [1, 1]] }], /at least 3 vertices, got 2/],
    ['an unbounded range', [{ ...range('r'), bounds: [{ dimension: dimension('X'), min: null, max: null }] }], /needs a min, a max or both/],
    ['a not with two operands', [range('a'), range('b'), { kind: 'boolean', id: 'n', name: 'n', parentId: null, operator: 'not', operands: [{ populationId: 'a', complement: false }, { populationId: 'b', complement: false }] }], /"not" takes exactly one operand, got 2/],
    ['an undefined transform', [{ ...range('r'), bounds: [{ dimension: dimension('X', 'nope'), min: 0, max: 1 }] }], /transform "nope" is not defined/],
    ['an undefined compensation', [{ ...range('r'), bounds: [{ dimension: dimension('X', null, 'Comp1'), min: 0, max: 1 }] }], /compensation "Comp1" is not defined/],
    ['unsorted divider values', [{ ...quadrant, dividers: [{ id: 'd', dimension: dimension('X'), values: [5, 1] }] }], /values must be strictly ascending/],
    ['an interval beyond the divider', [{ ...quadrant, quadrants: [{ id: 'x', name: 'x', positions: [{ dividerId: 'd', interval: 2 }] }] }], /interval 2 of divider "d" must be an integer from 0 to 1/],
    ['an ellipsoid with a 3×2 covariance', [{ kind: 'ellipsoid', id: 'e', name: 'e', parentId: null, dimensions: [dimension('X'), dimension('Y')], mean: [0, 0], covariance: [[1, 0], [0, 1], [0, 0]], distanceSquare: 1 }], /covariance matrix must be 2×2/],
  ] satisfies [string, Gate[], RegExp][])('rejects %s', (_case, gates, message) => {
    expect(() => checkStrategy(strategy(gates))).toThrow(message);
  });

  it('rejects invalid transform parameters and matrices, naming them', () => {
    expect(() => checkStrategy(strategy([], { transforms: { L: { kind: 'logicle', T: 262144, W: 3, M: 4.5, A: 0 } } }))).toThrow(/transform "L": logicle: W = 3 is too large/);
    expect(() => checkStrategy(strategy([], { compensations: { M: { fluorochromes: ['A'], detectors: ['A'], coefficients: [[1, 2]] } } }))).toThrow(/compensation "M": row 1 \(A\) has 2 coefficients/);
    expect(() => checkStrategy(strategy([], { compensations: { FCS: { fluorochromes: ['A'], detectors: ['A'], coefficients: [[1]] } } }))).toThrow(/reserved/);
  });
});
