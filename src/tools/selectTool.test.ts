import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import { toPixelPoint } from './placement.ts';
import { logicleAxis, linearAxis, plotView, ToolHarness } from './toolHarness.fixtures.ts';

// Linear axes 0…1000 over x 62…426 and y 372…12: 0.364 px per unit across, 0.36 px per unit up.
const PX = 0.364;
const PY = 0.36;
const px = (v: number) => 62 + v * PX;
const py = (v: number) => 372 - v * PY;

const dim = (name: string, transform: string | null = null): Dimension => ({ source: { kind: 'channel', name }, compensation: 'FCS', transform });
const density = plotView(linearAxis('FITC-A'), linearAxis('PE-A'));

const rectangle: Gate = {
  kind: 'rectangle',
  id: 'rect',
  name: 'Rectangle 1',
  parentId: null,
  bounds: [
    { dimension: dim('FITC-A'), min: 200, max: 400 },
    { dimension: dim('PE-A'), min: 300, max: 600 },
  ],
};
const quadrant: Gate = {
  kind: 'quadrant',
  id: 'quad',
  name: 'FITC-A × PE-A',
  parentId: null,
  dividers: [
    { id: 'x', dimension: dim('FITC-A'), values: [500] },
    { id: 'y', dimension: dim('PE-A'), values: [500] },
  ],
  quadrants: [{ id: 'quad-q1', name: 'FITC-A− PE-A+', positions: [{ dividerId: 'x', interval: 0 }, { dividerId: 'y', interval: 1 }] }],
};

const boundsOf = (gate: Gate) => (gate.kind === 'rectangle' ? gate.bounds.map((b) => [b.min, b.max]) : null);
const valuesOf = (gate: Gate) => (gate.kind === 'quadrant' ? gate.dividers.map((d) => d.values) : null);

function closeTo(actual: (number | null)[][] | null, expected: (number | null)[][]) {
  expect(actual).not.toBeNull();
  actual?.forEach((row, i) => row.forEach((v, j) => (expected[i][j] === null ? expect(v).toBeNull() : expect(v).toBeCloseTo(expected[i][j] as number, 6))));
}

describe('select tool: select and move', () => {
  it('a click inside a gate selects it and changes nothing', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.click(px(300), py(450));
    expect(tool.effects).toEqual([{ kind: 'select', gateId: 'rect' }]);
    tool.click(px(800), py(900));
    expect(tool.effects.at(-1)).toEqual({ kind: 'select', gateId: null });
  });

  it('a press that moves less than the drag threshold is still a click', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.pointerDown(px(300), py(450)).pointerMove(px(300) + 3, py(450)).pointerUp(px(300) + 3, py(450));
    expect(tool.effectsOf('preview')).toEqual([]);
    expect(tool.effectsOf('commit')).toEqual([]);
  });

  it('dragging a gate previews every step and commits once at the release', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.drag({ x: px(300), y: py(450) }, { x: px(400), y: py(550) }, 4);
    expect(tool.effectsOf('preview')).toHaveLength(4);
    expect(tool.effectsOf('commit')).toHaveLength(1);
    closeTo(boundsOf(tool.effectsOf('commit')[0].gate), [[300, 500], [400, 700]]);
  });

  it('a drag that ends where it started records nothing', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.pointerDown(px(300), py(450)).pointerMove(px(350), py(450)).pointerUp(px(300), py(450));
    expect(tool.effectsOf('commit')).toEqual([]);
    expect(tool.effects.at(-1)).toEqual({ kind: 'revert' });
  });

  it('Esc during a drag reverts the gate; Esc with nothing under way clears the selection', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.pointerDown(px(300), py(450)).pointerMove(px(380), py(450)).key('Escape');
    expect(tool.effects.at(-1)).toEqual({ kind: 'revert' });
    expect(tool.gate('rect')).toEqual(rectangle);
    tool.pointerUp(px(380), py(450));
    expect(tool.effectsOf('commit')).toEqual([]);
    tool.key('Escape');
    expect(tool.effects.at(-1)).toEqual({ kind: 'select', gateId: null });
  });

  it('hovering names what a press would grab', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.pointerMove(px(400), py(600));
    expect(tool.state).toMatchObject({ phase: 'idle', hover: { gateId: 'rect', handle: { cursor: 'nesw-resize' } } });
  });
});

describe('select tool: reshape by handles', () => {
  it('a rectangle corner moves its two sides, an edge one side', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.drag({ x: px(400), y: py(600) }, { x: px(500), y: py(700) });
    closeTo(boundsOf(tool.gate('rect')), [[200, 500], [300, 700]]);
    tool.drag({ x: px(200), y: py(450) }, { x: px(100), y: py(999) });
    closeTo(boundsOf(tool.gate('rect')), [[100, 500], [300, 700]]);
  });

  it('a side dragged to the edge of the plot becomes unbounded', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle] });
    tool.drag({ x: px(300), y: py(600) }, { x: px(300), y: -40 });
    closeTo(boundsOf(tool.gate('rect')), [[200, 400], [300, null]]);
  });

  it('a polygon vertex follows the pointer in the polygon’s own (logicle) space', () => {
    const view = plotView(logicleAxis('FITC-A'), logicleAxis('PE-A'));
    const scale = view.x.scale;
    const polygon: Gate = {
      kind: 'polygon',
      id: 'poly',
      name: 'Polygon 1',
      parentId: null,
      dimensions: [dim('FITC-A', 'display'), dim('PE-A', 'display')],
      vertices: [[0.3, 0.3], [0.7, 0.3], [0.5, 0.8]],
    };
    const tool = new ToolHarness('select', view, { transforms: { display: scale as NonNullable<typeof scale> }, gates: [polygon] });
    const apex = toPixelPoint(tool.placed('poly').maps, [0.5, 0.8]);
    tool.drag(apex, { x: apex.x + 40, y: apex.y - 20 });
    const moved = tool.placed('poly');
    const vertex = moved.gate.kind === 'polygon' ? moved.gate.vertices[2] : [0, 0];
    const at = toPixelPoint(moved.maps, vertex);
    expect(at.x).toBeCloseTo(apex.x + 40, 6);
    expect(at.y).toBeCloseTo(apex.y - 20, 6);
    expect(moved.gate.kind === 'polygon' && moved.gate.vertices.slice(0, 2)).toEqual([[0.3, 0.3], [0.7, 0.3]]);
  });

  it('an ellipse axis end stretches and turns that axis, the other stays perpendicular on screen', () => {
    const ellipse: Gate = {
      kind: 'ellipsoid',
      id: 'ell',
      name: 'Ellipse 1',
      parentId: null,
      dimensions: [dim('FITC-A'), dim('PE-A')],
      mean: [500, 500],
      covariance: [[100 ** 2, 0], [0, 50 ** 2]],
      distanceSquare: 1,
    };
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [ellipse] });
    tool.drag({ x: px(600), y: py(500) }, { x: px(700), y: py(500) });
    const stretched = tool.gate('ell');
    expect(stretched.kind === 'ellipsoid' && stretched.covariance.flat().map((v) => Math.round(v))).toEqual([200 ** 2, 0, 0, 50 ** 2]);
    // Turn the long axis upright, 200 units × 0.364 px = 72.8 px long: straight up on screen is 72.8 / 0.36 units.
    tool.drag({ x: px(700), y: py(500) }, { x: px(500), y: py(500 + 72.8 / PY) });
    const turned = tool.gate('ell');
    if (turned.kind !== 'ellipsoid') throw new Error('not an ellipse');
    const [[a, b], [, d]] = turned.covariance;
    expect(Math.sqrt(d)).toBeCloseTo(72.8 / PY, 6);
    expect(Math.sqrt(a)).toBeCloseTo((50 * PY) / PX, 6);
    expect(b).toBeCloseTo(0, 6);
  });
});

describe('select tool: quadrants and multi-ranges', () => {
  it('the centre moves both cuts; an arm moves only its own', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [quadrant] });
    tool.drag({ x: px(500), y: py(500) }, { x: px(600), y: py(600) });
    closeTo(valuesOf(tool.gate('quad')), [[600], [600]]);
    expect(tool.selectedGateId).toBe('quad');
    tool.drag({ x: px(600), y: py(100) }, { x: px(550), y: py(300) });
    closeTo(valuesOf(tool.gate('quad')), [[550], [600]]);
    tool.drag({ x: px(900), y: py(600) }, { x: px(700), y: py(450) });
    closeTo(valuesOf(tool.gate('quad')), [[550], [450]]);
    expect(tool.effectsOf('commit')).toHaveLength(3);
  });

  it('the inside of a quadrant does not grab it (its lines do), so gates below stay reachable', () => {
    const tool = new ToolHarness('select', density, { transforms: {}, gates: [rectangle, quadrant] });
    tool.click(px(300), py(450));
    expect(tool.selectedGateId).toBe('rect');
  });

  const phases: Gate = {
    kind: 'quadrant',
    id: 'phases',
    name: 'Cell cycle phases',
    parentId: null,
    dividers: [{ id: 'cuts', dimension: dim('PI-A'), values: [100, 300, 500, 700] }],
    quadrants: [1, 2, 3].map((interval) => ({ id: `r${interval}`, name: `R${interval}`, positions: [{ dividerId: 'cuts', interval }] })),
  };
  const histogram = plotView(linearAxis('PI-A'), null);

  it('a shared boundary moves the end of one range and the start of the next together', () => {
    const tool = new ToolHarness('select', histogram, { transforms: {}, gates: [phases] });
    tool.drag({ x: px(300), y: 250 }, { x: px(400), y: 200 });
    closeTo(valuesOf(tool.gate('phases')), [[100, 400, 500, 700]]);
  });

  it('a boundary stops two pixels short of its neighbour', () => {
    const tool = new ToolHarness('select', histogram, { transforms: {}, gates: [phases] });
    tool.drag({ x: px(300), y: 250 }, { x: px(650), y: 250 });
    closeTo(valuesOf(tool.gate('phases')), [[100, 500 - 2 / PX, 500, 700]]);
  });

  it('dragging the set’s bar moves every boundary', () => {
    const tool = new ToolHarness('select', histogram, { transforms: {}, gates: [phases] });
    tool.drag({ x: px(200), y: 12 + 34 }, { x: px(250), y: 12 + 34 });
    closeTo(valuesOf(tool.gate('phases')), [[150, 350, 550, 750]]);
  });
});
