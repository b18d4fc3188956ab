import { describe, expect, it } from 'vitest';
import { selectByBoolean, selectInEllipsoid, selectInPolygon, selectInRectangle, splitIntoQuadrants, windingNumber } from './regions.ts';

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
const scratchFor = (n: number) => new Uint32Array(n);
const list = (indices: Uint32Array) => [...indices];

describe('rectangle and range', () => {
  it('is half-open [min, max) per Gating-ML, excludes NaN, and an absent max admits +∞', () => {
    const x = Float64Array.of(10, 19.999, 20, Number.NaN, 9.999, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
    expect(list(selectInRectangle(all(7), [x], [{ min: 10, max: 20 }], scratchFor(7)))).toEqual([0, 1]);
    expect(list(selectInRectangle(all(7), [x], [{ min: 10, max: null }], scratchFor(7)))).toEqual([0, 1, 2, 5]);
    expect(list(selectInRectangle(all(7), [x], [{ min: null, max: 10 }], scratchFor(7)))).toEqual([4, 6]);
  });

  it('needs every dimension inside and only looks at the given events', () => {
    const x = Float32Array.of(1, 5, 5, 5);
    const y = Float32Array.of(5, 1, 5, 5);
    const inside = selectInRectangle(Uint32Array.of(0, 1, 3), [x, y], [{ min: 2, max: 8 }, { min: 2, max: 8 }], scratchFor(4));
    expect(list(inside)).toEqual([3]);
  });
});

describe('polygon', () => {
  const square: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4]];

  it('counts the winding of a counter-clockwise square as +1 and of a clockwise one as −1', () => {
    expect(windingNumber(Float64Array.of(0, 4, 4, 0), Float64Array.of(0, 0, 4, 4), 1, 1)).toBe(1);
    expect(windingNumber(Float64Array.of(0, 0, 4, 4), Float64Array.of(0, 4, 4, 0), 1, 1)).toBe(-1);
    expect(windingNumber(Float64Array.of(0, 4, 4, 0), Float64Array.of(0, 0, 4, 4), 5, 1)).toBe(0);
  });

  it('keeps the left and bottom edges and drops the right and top ones, like a half-open rectangle', () => {
    const x = Float64Array.of(0, 2, 4, 2, 2, 0, 4);
    const y = Float64Array.of(2, 0, 2, 4, 2, 0, 4);
    // left edge, bottom edge, right edge, top edge, centre, bottom-left corner, top-right corner
    expect(list(selectInPolygon(all(7), x, y, square, scratchFor(7)))).toEqual([0, 1, 4, 5]);
  });

  it('fills both lobes of a self-intersecting bow-tie', () => {
    // (0,0) → (4,4) → (4,0) → (0,4) crosses itself at (2,2): the left lobe winds −1, the right lobe +1.
    const bowTie: [number, number][] = [[0, 0], [4, 4], [4, 0], [0, 4]];
    const x = Float64Array.of(0.5, 3.5, 2, 2);
    const y = Float64Array.of(2, 2, 0.5, 3.5);
    expect(list(selectInPolygon(all(4), x, y, bowTie, scratchFor(4)))).toEqual([0, 1]);
  });

  it('treats a region wound twice as a hole (odd winding), as the Gating-ML compliance results require', () => {
    // Outer loop plus an inner loop traced the same way round (the shape of the suite's Polygon3NS):
    // the square [100, 200] × [180, 300] is wound twice.
    const polygon: [number, number][] = [[10, 10], [500, 10], [500, 390], [100, 390], [100, 180], [200, 180], [200, 300], [10, 300]];
    expect(windingNumber(Float64Array.from(polygon, (v) => v[0]), Float64Array.from(polygon, (v) => v[1]), 150, 250)).toBe(2);
    const x = Float64Array.of(150, 50, 300);
    const y = Float64Array.of(250, 100, 350);
    expect(list(selectInPolygon(all(3), x, y, polygon, scratchFor(3)))).toEqual([1, 2]);
  });
});

describe('ellipsoid', () => {
  it('includes the boundary of Ellipse1 (half-axes 10 and 5 rotated 45°) and nothing beyond it', () => {
    // Covariance [[62.5, 37.5], [37.5, 62.5]] has eigenvalues 100 and 25 along (1, 1) and (−1, 1): half-axes 10 and 5.
    const mean = [12.99701, 16.22941];
    const along = (t: number, axis: [number, number]) => [mean[0] + t * axis[0], mean[1] + t * axis[1]];
    const major: [number, number] = [Math.SQRT1_2, Math.SQRT1_2];
    const minor: [number, number] = [-Math.SQRT1_2, Math.SQRT1_2];
    const points = [along(9.99, major), along(10.01, major), along(-9.99, major), along(4.99, minor), along(5.01, minor), mean];
    const x = Float64Array.from(points, (p) => p[0]);
    const y = Float64Array.from(points, (p) => p[1]);
    const inside = selectInEllipsoid(all(6), [x, y], mean, [[62.5, 37.5], [37.5, 62.5]], 1, scratchFor(6));
    expect(list(inside)).toEqual([0, 2, 3, 5]);
  });

  it('names the gate when its covariance cannot be inverted', () => {
    expect(() => selectInEllipsoid(all(1), [Float64Array.of(0), Float64Array.of(0)], [0, 0], [[1, 1], [1, 1]], 1, scratchFor(1), 'covariance matrix of gate "E"')).toThrow(
      /covariance matrix of gate "E" is singular/,
    );
  });
});

describe('quadrants', () => {
  it('sends events on a divider to the upper interval and NaN to no quadrant', () => {
    const x = Float64Array.of(10, 9.99, 10, 0, Number.NaN, Number.POSITIVE_INFINITY);
    const y = Float64Array.of(5, 5, 4.99, 0, 1, Number.NEGATIVE_INFINITY);
    const [pp, np, nn, pn] = splitIntoQuadrants(
      all(6),
      [{ column: x, values: [10] }, { column: y, values: [5] }],
      [[1, 1], [0, 1], [0, 0], [1, 0]],
    );
    expect([list(pp), list(np), list(nn), list(pn)]).toEqual([[0], [1], [3], [2, 5]]);
  });

  it('lets a quadrant leave a divider unconstrained and a divider have several values', () => {
    const fsc = Float64Array.of(20, 50, 90, 50);
    const fl1 = Float64Array.of(1, 1, 1, 9);
    // FSC intervals: (−∞, 28) [28, 70) [70, ∞); FL1 split at 6. "middle FSC, any FL1" and "high FL1, any FSC".
    const [middle, highFl1] = splitIntoQuadrants(all(4), [{ column: fsc, values: [28, 70] }, { column: fl1, values: [6] }], [[1, -1], [-1, 1]]);
    expect([list(middle), list(highFl1)]).toEqual([[1, 3], [3]]);
  });
});

describe('boolean', () => {
  const a = Uint8Array.of(1, 1, 0, 0);
  const b = Uint8Array.of(1, 0, 1, 0);
  it.each([
    ['and', [false, false], [0]],
    ['or', [false, false], [0, 1, 2]],
    ['and', [false, true], [1]],
    ['or', [true, true], [1, 2, 3]],
  ] as const)('%s with complements %j', (operator, complements, expected) => {
    expect(list(selectByBoolean(all(4), operator, [a, b], complements, scratchFor(4)))).toEqual(expected);
  });

  it('not takes the complement of its one operand, within the given events only', () => {
    expect(list(selectByBoolean(Uint32Array.of(0, 2, 3), 'not', [a], [false], scratchFor(4)))).toEqual([2, 3]);
  });
});
