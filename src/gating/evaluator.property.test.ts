import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelSourceFromColumns } from './channelSource.ts';
import { GatingEvaluator } from './evaluator.ts';
import { selectInPolygon } from './regions.ts';
import type { Dimension, Gate, GatingStrategy } from './types.ts';

const channel = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform: null });
const strategy = (gates: Gate[]): GatingStrategy => ({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates });

/** Small integers put many events exactly on dividers and edges; ±∞ stands for off-scale events. */
const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e300, -1e300) },
);
const events = fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 200 });

function source(points: [number, number][]) {
  return channelSourceFromColumns({ X: Float64Array.from(points, (p) => p[0]), Y: Float64Array.from(points, (p) => p[1]) });
}

describe('gating properties', () => {
  it('quadrants partition the plane: every event is in exactly one quadrant, on the lines and off-scale too', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (points, xCut, yCut) => {
        const evaluator = new GatingEvaluator(source(points));
        evaluator.update(
          strategy([
            {
              kind: 'quadrant',
              id: 'Q',
              name: 'Q',
              parentId: null,
              dividers: [
                { id: 'x', dimension: channel('X'), values: [xCut] },
                { id: 'y', dimension: channel('Y'), values: [yCut] },
              ],
              quadrants: [0, 1, 2, 3].map((q) => ({
                id: `q${q}`,
                name: `q${q}`,
                positions: [
                  { dividerId: 'x', interval: q & 1 },
                  { dividerId: 'y', interval: q >> 1 },
                ],
              })),
            },
          ]),
        );
        const membership = new Uint8Array(points.length);
        for (const id of ['q0', 'q1', 'q2', 'q3']) for (const i of evaluator.indices(id)) membership[i]++;
        expect([...membership].every((m) => m === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a child never has events its parent lacks, so its count never exceeds the parent’s', () => {
    const bounds = fc.tuple(fc.integer({ min: -25, max: 25 }), fc.integer({ min: 0, max: 30 }));
    fc.assert(
      fc.property(events, bounds, bounds, fc.integer({ min: -25, max: 25 }), (points, [x0, w0], [y1, h1], x2) => {
        const evaluator = new GatingEvaluator(source(points));
        evaluator.update(
          strategy([
            { kind: 'rectangle', id: 'a', name: 'a', parentId: null, bounds: [{ dimension: channel('X'), min: x0, max: x0 + w0 }] },
            { kind: 'rectangle', id: 'b', name: 'b', parentId: 'a', bounds: [{ dimension: channel('Y'), min: y1, max: y1 + h1 }] },
            { kind: 'rectangle', id: 'c', name: 'c', parentId: 'b', bounds: [{ dimension: channel('X'), min: x2, max: null }] },
          ]),
        );
        for (const [child, parent] of [['a', null], ['b', 'a'], ['c', 'b']] as const) {
          expect(evaluator.count(child)).toBeLessThanOrEqual(evaluator.count(parent));
          const parentMask = parent === null ? null : evaluator.mask(parent);
          for (const i of evaluator.indices(child)) expect(parentMask === null || parentMask[i] === 1).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('polygon membership does not depend on which vertex comes first or on the direction of travel', () => {
    const vertex = fc.tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: -10, max: 10 }));
    const finitePoints = fc.array(fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 })), { minLength: 1, maxLength: 150 });
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 9 }), finitePoints, fc.nat(), (vertices, points, shift) => {
        const x = Float64Array.from(points, (p) => p[0]);
        const y = Float64Array.from(points, (p) => p[1]);
        const all = Uint32Array.from(points, (_, i) => i);
        const inside = (polygon: [number, number][]) => [...selectInPolygon(all, x, y, polygon, new Uint32Array(points.length))];
        const k = shift % vertices.length;
        const rotated = [...vertices.slice(k), ...vertices.slice(0, k)];
        const expected = inside(vertices);
        expect(inside(rotated)).toEqual(expected);
        expect(inside(vertices.toReversed())).toEqual(expected);
        expect(inside(rotated.toReversed())).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
