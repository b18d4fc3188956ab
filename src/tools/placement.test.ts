import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import { inverseTransform } from '../transforms/transform.ts';
import type { Transform } from '../transforms/types.ts';
import { gateFigure } from './figures.ts';
import { placeGate } from './placement.ts';
import { AREA, linearAxis, logicleAxis, plotView } from './toolHarness.fixtures.ts';

const dim = (name: string, transform: string | null = null, compensation = 'FCS'): Dimension => ({ source: { kind: 'channel', name }, compensation, transform });
const logicle = logicleAxis('FITC-A').scale as Transform;
const otherLogicle: Transform = { kind: 'logicle', T: 262144, W: 1, M: 4.5, A: 0 };

const triangle = (dimensions: [Dimension, Dimension], vertices: [number, number][]): Gate => ({ kind: 'polygon', id: 'tri', name: 'Tri', parentId: null, dimensions, vertices });

describe('placing gates on a plot', () => {
  const logPlot = plotView(logicleAxis('FITC-A'), logicleAxis('PE-A'));
  const linearPlot = plotView(linearAxis('FITC-A', 100000), linearAxis('PE-A', 100000));

  it('draws a data-unit polygon on logicle axes at its vertices, its edges curved as the scale bends them', () => {
    const gate = triangle([dim('FITC-A'), dim('PE-A')], [[100, 100], [50000, 100], [50000, 50000]]);
    const placed = placeGate(gate, logPlot, {});
    expect(placed?.maps.map((m) => m.affine)).toEqual([false, false]);
    const figure = gateFigure(placed!, AREA, 0);
    expect(figure.handles.map((h) => h.at)).toEqual(gate.kind === 'polygon' && gate.vertices.map(([x, y]) => ({ x: logPlot.x.pixels.toPixel(x), y: logPlot.y!.pixels.toPixel(y) })));
    const outline = figure.outlines[0].points;
    expect(outline.length).toBeGreaterThan(3);
    // Halfway along the bottom edge in data units is far right of halfway on screen.
    const middle = outline.find((p) => Math.abs(p.x - logPlot.x.pixels.toPixel(25050)) < 1e-9);
    expect(middle!.x).toBeGreaterThan((logPlot.x.pixels.toPixel(100) + logPlot.x.pixels.toPixel(50000)) / 2 + 20);
  });

  it('draws a polygon stored in another logicle space through that space, then the plot’s', () => {
    const gate = triangle([dim('FITC-A', 'wide'), dim('PE-A', 'wide')], [[0.4, 0.4], [0.8, 0.4], [0.8, 0.8]]);
    const placed = placeGate(gate, linearPlot, { wide: otherLogicle });
    const [a] = gateFigure(placed!, AREA, 0).handles;
    expect(a.at.x).toBeCloseTo(linearPlot.x.pixels.toPixel(inverseTransform(otherLogicle, 0.4)), 9);
    expect(a.at.y).toBeCloseTo(linearPlot.y!.pixels.toPixel(inverseTransform(otherLogicle, 0.4)), 9);
  });

  it('a polygon in the plot’s own display space has straight edges (no extra points)', () => {
    const gate = triangle([dim('FITC-A', 'display'), dim('PE-A', 'display')], [[0.4, 0.4], [0.8, 0.4], [0.8, 0.8]]);
    const placed = placeGate(gate, logPlot, { display: { ...logicle } });
    expect(gateFigure(placed!, AREA, 0).outlines[0].points).toHaveLength(3);
  });

  it('a gate over (y, x) is drawn the right way round', () => {
    const gate = triangle([dim('PE-A'), dim('FITC-A')], [[100, 900], [500, 900], [500, 100]]);
    const placed = placeGate(gate, plotView(linearAxis('FITC-A'), linearAxis('PE-A')), {});
    expect(placed?.maps.map((m) => m.axis)).toEqual(['y', 'x']);
    expect(gateFigure(placed!, AREA, 0).handles[0].at).toEqual({ x: 62 + 900 * 0.364, y: 372 - 100 * 0.36 });
  });

  it('leaves out gates over other channels, another compensation, another number of dimensions, and Boolean gates', () => {
    const density = plotView(linearAxis('FITC-A'), linearAxis('PE-A'));
    const histogram = plotView(linearAxis('FITC-A'), null);
    const range: Gate = { kind: 'rectangle', id: 'r', name: 'R', parentId: null, bounds: [{ dimension: dim('FITC-A'), min: 1, max: 2 }] };
    expect(placeGate(triangle([dim('FITC-A'), dim('SSC-A')], [[0, 0], [1, 0], [1, 1]]), density, {})).toBeNull();
    expect(placeGate(triangle([dim('FITC-A', null, 'uncompensated'), dim('PE-A')], [[0, 0], [1, 0], [1, 1]]), density, {})).toBeNull();
    expect(placeGate(triangle([dim('FITC-A'), dim('FITC-A')], [[0, 0], [1, 0], [1, 1]]), density, {})).toBeNull();
    expect(placeGate(range, density, {})).toBeNull();
    expect(placeGate(range, histogram, {})).not.toBeNull();
    expect(placeGate(triangle([dim('FITC-A'), dim('PE-A')], [[0, 0], [1, 0], [1, 1]]), histogram, {})).toBeNull();
    expect(placeGate({ kind: 'boolean', id: 'b', name: 'B', parentId: null, operator: 'not', operands: [{ populationId: 'r', complement: false }] }, density, {})).toBeNull();
  });
});

describe('figures', () => {
  const density = plotView(linearAxis('FITC-A'), linearAxis('PE-A'));

  it('an unbounded rectangle side lies on the plot’s edge', () => {
    const gate: Gate = { kind: 'rectangle', id: 'r', name: 'R', parentId: null, bounds: [{ dimension: dim('FITC-A'), min: 500, max: null }, { dimension: dim('PE-A'), min: null, max: 500 }] };
    const figure = gateFigure(placeGate(gate, density, {})!, AREA, 0);
    expect(figure.body).toEqual([{ x: 244, y: AREA.bottom }, { x: AREA.right, y: AREA.bottom }, { x: AREA.right, y: 192 }, { x: 244, y: 192 }]);
  });

  it('puts quadrant percentages in the plot’s corners', () => {
    const sides: [number, number, string][] = [[0, 1, 'UL'], [1, 1, 'UR'], [1, 0, 'LR'], [0, 0, 'LL']];
    const gate: Gate = {
      kind: 'quadrant',
      id: 'q',
      name: 'Q',
      parentId: null,
      dividers: [{ id: 'x', dimension: dim('FITC-A'), values: [500] }, { id: 'y', dimension: dim('PE-A'), values: [500] }],
      quadrants: sides.map(([x, y, name]) => ({ id: name, name, positions: [{ dividerId: 'x', interval: x }, { dividerId: 'y', interval: y }] })),
    };
    const labels = gateFigure(placeGate(gate, density, {})!, AREA, 0).labels;
    expect(labels.map((l) => [l.name, l.align, l.at.x, l.at.y])).toEqual([
      ['UL', 'start', AREA.left + 4, AREA.top + 26],
      ['UR', 'end', AREA.right - 4, AREA.top + 26],
      ['LR', 'end', AREA.right - 4, AREA.bottom - 4],
      ['LL', 'start', AREA.left + 4, AREA.bottom - 4],
    ]);
  });

  it('stacks histogram gates in levels so overlapping ranges stay apart', () => {
    const histogram = plotView(linearAxis('FITC-A'), null);
    const range: Gate = { kind: 'rectangle', id: 'r', name: 'R', parentId: null, bounds: [{ dimension: dim('FITC-A'), min: 100, max: 200 }] };
    const [first, second] = [0, 1].map((level) => gateFigure(placeGate(range, histogram, {})!, AREA, level));
    expect(second.handles[0].at.y - first.handles[0].at.y).toBe(30);
  });
});
