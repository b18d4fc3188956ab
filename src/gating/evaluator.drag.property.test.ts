import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelSourceFromColumns } from './channelSource.ts';
import { GatingEvaluator } from './evaluator.ts';
import type { Dimension, Gate, GatingStrategy } from './types.ts';

const channel = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform: null });
const strategy = (gates: Gate[]): GatingStrategy => ({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates });

const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);
const position = fc.integer({ min: -22, max: 22 });
const bound = fc.option(position, { nil: null });

/** One drag step: where the range's ends, the quadrant's centre and the child rectangle's y-range are now. */
const step = fc.record({ rangeMin: position, rangeMax: bound, xCut: position, yCut: position, childMin: position, childMax: bound });
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** A range on X → a quadrant gate on X/Y within it → a rectangle on Y within one quadrant, and a Boolean of two quadrants. */
function tree(s: Step): GatingStrategy {
  return strategy([
    { kind: 'rectangle', id: 'range', name: 'range', parentId: null, bounds: [{ dimension: channel('X'), min: s.rangeMin, max: s.rangeMax }] },
    {
      kind: 'quadrant',
      id: 'Q',
      name: 'Q',
      parentId: 'range',
      dividers: [
        { id: 'x', dimension: channel('X'), values: [s.xCut] },
        { id: 'y', dimension: channel('Y'), values: [s.yCut] },
      ],
      quadrants: [0, 1, 2, 3].map((q) => ({ id: `q${q}`, name: `q${q}`, positions: [{ dividerId: 'x', interval: q & 1 }, { dividerId: 'y', interval: q >> 1 }] })),
    },
    { kind: 'rectangle', id: 'child', name: 'child', parentId: 'q1', bounds: [{ dimension: channel('Y'), min: s.childMin, max: s.childMax }] },
    {
      kind: 'boolean',
      id: 'either',
      name: 'either',
      parentId: null,
      operator: 'or',
      operands: [
        { populationId: 'q0', complement: false },
        { populationId: 'child', complement: false },
      ],
    },
  ]);
}

/** The tree with the quadrant's x cut at `xCut`, everything else fixed. */
const at = (xCut: number): Step => ({ rangeMin: 1, rangeMax: null, xCut, yCut: 9, childMin: 12, childMax: null });

const IDS = ['range', 'q0', 'q1', 'q2', 'q3', 'child', 'either'];

describe('gate drags', () => {
  it('counts and events after any sequence of moves equal a fresh evaluation of the final gates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 150 }),
        fc.array(step, { minLength: 2, maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }),
        (points, steps, askEvents, prepareSteps) => {
        const source = channelSourceFromColumns({ X: Float64Array.from(points, (p) => p[0]), Y: Float64Array.from(points, (p) => p[1]) });
        const dragged = new GatingEvaluator(source);
        steps.forEach((s, k) => {
          dragged.update(tree(s));
          // Sometimes the events of a moved population are asked mid-drag (a plot of it, statistics), sometimes not;
          // sometimes idle time prepares the moved gates' grids, partly or wholly.
          if (askEvents[k]) dragged.indices('q1');
          const preparation = dragged.prepareToMove(0);
          for (let n = 0; n < (prepareSteps[k] ?? 0); n++) preparation.next();
          const fresh = new GatingEvaluator(source);
          fresh.update(tree(s));
          for (const id of IDS) {
            expect(dragged.count(id)).toBe(fresh.count(id));
            expect([...dragged.indices(id)]).toEqual([...fresh.indices(id)]);
          }
        });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a rejected update after moves leaves the last good counts and events in place', () => {
    const points = Array.from({ length: 60 }, (_, i) => [(i * 7) % 23, (i * 11) % 19] as const);
    const source = channelSourceFromColumns({ X: Float64Array.from(points, (p) => p[0]), Y: Float64Array.from(points, (p) => p[1]) });
    const evaluator = new GatingEvaluator(source);
    for (const xCut of [5, 8, 11]) evaluator.update(tree(at(xCut)));
    const broken = tree(at(14));
    broken.gates.push({ kind: 'rectangle', id: 'bad', name: 'bad', parentId: 'q2', bounds: [{ dimension: channel('nope'), min: 0, max: 1 }] });
    expect(() => evaluator.update(broken)).toThrow();
    const fresh = new GatingEvaluator(source);
    fresh.update(tree(at(11)));
    for (const id of IDS) expect([...evaluator.indices(id)]).toEqual([...fresh.indices(id)]);
  });
});
