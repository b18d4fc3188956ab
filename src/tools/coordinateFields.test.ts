import { describe, expect, it } from 'vitest';
import type { Gate } from '../gating/types.ts';
import { coordinateFields, coordinatesWithEdits, formatField, parseField, populationLabels } from './coordinateFields.ts';
import type { GateCoordinates } from './coordinates.ts';

describe('coordinate form fields', () => {
  const quadrant: GateCoordinates = { kind: 'dividers', dividers: [{ channel: 'FITC-A', values: [1234.56789012] }, { channel: 'PE-A', values: [987.654321098] }] };

  it('labels a quadrant centre, range bounds, polygon vertices, ellipse points and multi-range boundaries', () => {
    expect(coordinateFields(quadrant).map((f) => f.label)).toEqual(['Centre FITC-A', 'Centre PE-A']);
    expect(coordinateFields({ kind: 'rectangle', bounds: [{ channel: 'PI-A', min: 1, max: null }] })).toEqual([
      { key: 'bounds.0.min', label: 'PI-A min', value: 1, optional: true },
      { key: 'bounds.0.max', label: 'PI-A max', value: null, optional: true },
    ]);
    expect(coordinateFields({ kind: 'polygon', channels: ['A', 'B'], vertices: [[1, 2], [3, 4], [5, 6]] }).map((f) => f.label).slice(0, 3)).toEqual(['Vertex 1 A', 'Vertex 1 B', 'Vertex 2 A']);
    expect(coordinateFields({ kind: 'ellipse', channels: ['A', 'B'], centre: [0, 0], ends: [[1, 0], [0, 1]] }).map((f) => f.key)).toEqual(['centre.0', 'centre.1', 'ends.0.0', 'ends.0.1', 'ends.1.0', 'ends.1.1']);
    expect(coordinateFields({ kind: 'dividers', dividers: [{ channel: 'PI-A', values: [1, 2, 3] }] }).map((f) => f.label)).toEqual(['Boundary 1 PI-A', 'Boundary 2 PI-A', 'Boundary 3 PI-A']);
  });

  it('keeps the exact value of every field that was not edited', () => {
    expect(formatField(1234.56789012)).toBe('1234.568');
    const edited = coordinatesWithEdits(quadrant, { 'dividers.0.values.0': ' 1000 ' });
    expect(edited).toEqual({ kind: 'dividers', dividers: [{ channel: 'FITC-A', values: [1000] }, { channel: 'PE-A', values: [987.654321098] }] });
    expect(quadrant.dividers[0].values[0]).toBe(1234.56789012);
  });

  it('reads plain numbers only: empty is unbounded where allowed, anything else is not a number', () => {
    expect([parseField('1e3'), parseField('-0.5'), parseField(''), parseField('1,000'), parseField('12abc')]).toEqual([1000, -0.5, null, Number.NaN, Number.NaN]);
    expect(coordinatesWithEdits({ kind: 'rectangle', bounds: [{ channel: 'PI-A', min: 1, max: 2 }] }, { 'bounds.0.max': '' })).toMatchObject({ bounds: [{ max: null }] });
    expect(coordinatesWithEdits(quadrant, { 'dividers.1.values.0': '' })).toMatchObject({ dividers: [{}, { values: [Number.NaN] }] });
  });

  it('labels quadrants by their sides for renaming', () => {
    const gate: Gate = {
      kind: 'quadrant',
      id: 'q',
      name: 'Q',
      parentId: null,
      dividers: [
        { id: 'x', dimension: { source: { kind: 'channel', name: 'FITC-A' }, compensation: 'FCS', transform: null }, values: [1] },
        { id: 'y', dimension: { source: { kind: 'channel', name: 'PE-A' }, compensation: 'FCS', transform: null }, values: [1] },
      ],
      quadrants: [
        { id: 'viable', name: 'Viable', positions: [{ dividerId: 'x', interval: 0 }, { dividerId: 'y', interval: 0 }] },
        { id: 'late', name: 'Late apoptotic', positions: [{ dividerId: 'y', interval: 1 }, { dividerId: 'x', interval: 1 }] },
      ],
    };
    expect(populationLabels(gate)).toEqual([
      { id: 'viable', label: 'FITC-A− PE-A− name' },
      { id: 'late', label: 'FITC-A+ PE-A+ name' },
    ]);
  });
});
