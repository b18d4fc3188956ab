import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import { applyTransform } from '../transforms/transform.ts';
import type { Transform } from '../transforms/types.ts';
import { coordinatesOf, type GateCoordinates, withCoordinates } from './coordinates.ts';

const logicle: Transform = { kind: 'logicle', T: 262144, W: 0.6, M: 4.5, A: 0 };
const transforms = { display: logicle };
const dim = (name: string, transform: string | null = null): Dimension => ({ source: { kind: 'channel', name }, compensation: 'FCS', transform });

const quadrant: Gate = {
  kind: 'quadrant',
  id: 'q',
  name: 'Q',
  parentId: null,
  dividers: [{ id: 'x', dimension: dim('FITC-A'), values: [812.5] }, { id: 'y', dimension: dim('PE-A'), values: [1500] }],
  quadrants: [{ id: 'q1', name: 'Q1', positions: [{ dividerId: 'x', interval: 0 }] }],
};
const polygon: Gate = {
  kind: 'polygon',
  id: 'p',
  name: 'P',
  parentId: null,
  dimensions: [dim('FITC-A', 'display'), dim('PE-A', 'display')],
  vertices: [[0.3, 0.3], [0.7, 0.3], [0.5, 0.8]],
};

describe('typed coordinates in data units', () => {
  it('sets a quadrant centre to exactly the numbers typed', () => {
    expect(coordinatesOf(quadrant, {})).toEqual({ kind: 'dividers', dividers: [{ channel: 'FITC-A', values: [812.5] }, { channel: 'PE-A', values: [1500] }] });
    const result = withCoordinates(quadrant, { kind: 'dividers', dividers: [{ channel: 'FITC-A', values: [1000] }, { channel: 'PE-A', values: [2000] }] }, {});
    expect(result.ok && result.gate.kind === 'quadrant' && result.gate.dividers.map((d) => d.values)).toEqual([[1000], [2000]]);
  });

  it('shows a logicle-space polygon in data units and stores typed data values in its space', () => {
    const shown = coordinatesOf(polygon, transforms);
    if (shown?.kind !== 'polygon') throw new Error('not a polygon');
    expect(applyTransform(logicle, shown.vertices[2][1])).toBeCloseTo(0.8, 12);
    const typed: GateCoordinates = { ...shown, vertices: [...shown.vertices.slice(0, 2), [5000, 20000]] };
    const result = withCoordinates(polygon, typed, transforms);
    if (!result.ok || result.gate.kind !== 'polygon') throw new Error('rejected');
    expect(result.gate.vertices[2]).toEqual([applyTransform(logicle, 5000), applyTransform(logicle, 20000)]);
    expect(result.gate.vertices[0][0]).toBeCloseTo(0.3, 12);
  });

  it('an ellipse typed as centre and axis ends passes through both ends', () => {
    const ellipse: Gate = { kind: 'ellipsoid', id: 'e', name: 'E', parentId: null, dimensions: [dim('FITC-A'), dim('PE-A')], mean: [0, 0], covariance: [[1, 0], [0, 1]], distanceSquare: 4 };
    const result = withCoordinates(ellipse, { kind: 'ellipse', channels: ['FITC-A', 'PE-A'], centre: [500, 500], ends: [[700, 600], [450, 600]] }, {});
    if (!result.ok || result.gate.kind !== 'ellipsoid') throw new Error('rejected');
    const { mean, covariance, distanceSquare } = result.gate;
    const [[a, b], [c, d]] = covariance;
    const det = a * d - b * c;
    const distance = ([x, y]: number[]) => {
      const [dx, dy] = [x - mean[0], y - mean[1]];
      return (dx * (d * dx - b * dy) + dy * (-c * dx + a * dy)) / det;
    };
    expect(distance([700, 600])).toBeCloseTo(distanceSquare, 9);
    expect(distance([450, 600])).toBeCloseTo(distanceSquare, 9);
    const shown = coordinatesOf(result.gate, {});
    expect(shown?.kind === 'ellipse' && shown.centre).toEqual([500, 500]);
  });

  it('names every problem with the field it belongs to', () => {
    const rectangle: Gate = { kind: 'rectangle', id: 'r', name: 'R', parentId: null, bounds: [{ dimension: dim('FITC-A'), min: 1, max: 2 }, { dimension: dim('PE-A', 'display'), min: 0.1, max: null }] };
    const bad = withCoordinates(rectangle, { kind: 'rectangle', bounds: [{ channel: 'FITC-A', min: 5, max: 5 }, { channel: 'PE-A', min: Number.NaN, max: null }] }, transforms);
    expect(bad).toEqual({
      ok: false,
      errors: [
        { field: 'bounds.0.max', message: 'FITC-A max must be above its min' },
        { field: 'bounds.1.min', message: 'PE-A min must be a number' },
      ],
    });
    const empty = withCoordinates(rectangle, { kind: 'rectangle', bounds: [{ channel: 'FITC-A', min: null, max: null }, { channel: 'PE-A', min: 1, max: null }] }, transforms);
    expect(empty.ok === false && empty.errors).toEqual([{ field: 'bounds.0.min', message: 'FITC-A needs a min, a max or both' }]);
    const unordered = withCoordinates(quadrant, { kind: 'dividers', dividers: [{ channel: 'FITC-A', values: [1] }, { channel: 'PE-A', values: [] }] }, {});
    expect(unordered.ok === false && unordered.errors[0]).toEqual({ field: 'dividers.1', message: 'PE-A needs 1 values' });
    const flat = withCoordinates(polygon, { kind: 'polygon', channels: ['FITC-A', 'PE-A'], vertices: [[1, 1], [2, 2]] }, transforms);
    expect(flat.ok === false && flat.errors[0].field).toBe('vertices');
    const logPolygon = { ...polygon, dimensions: [dim('FITC-A', 'log'), dim('PE-A', 'log')] as [Dimension, Dimension] };
    const offScale = withCoordinates(logPolygon, { kind: 'polygon', channels: ['FITC-A', 'PE-A'], vertices: [[-5, 1], [2, 2], [3, 1]] }, { log: { kind: 'log', T: 262144, M: 4.5 } });
    expect(offScale.ok === false && offScale.errors).toEqual([{ field: 'vertices.0.0', message: 'vertex 1 FITC-A is outside the scale this gate is defined on' }]);
  });
});
