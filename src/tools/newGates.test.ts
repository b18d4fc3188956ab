import { describe, expect, it } from 'vitest';
import type { AxisSpec } from '../analysis/axes.ts';
import { emptyGatingDocument } from '../analysis/gatingDocument.ts';
import { emptyStrategy } from '../analysis/sampleSession.ts';
import { channelSourceFromColumns } from '../gating/channelSource.ts';
import { GatingEvaluator } from '../gating/evaluator.ts';
import { windingNumber } from '../gating/regions.ts';
import type { Gate, GatingStrategy } from '../gating/types.ts';
import { createRng } from '../simulate/rng.ts';
import { addNewGate, gateFromShape, type NewGateContext } from './newGates.ts';
import type { PlotView } from './placement.ts';
import type { DrawnShape } from './shapes.ts';
import { AREA, linearAxis, logicleAxis, plotView } from './toolHarness.fixtures.ts';

const uncompensated = (axis: AxisSpec): AxisSpec => ({ ...axis, compensation: 'uncompensated' });
const logPlot = plotView(uncompensated(logicleAxis('FITC-A')), uncompensated(logicleAxis('PE-A')));
const linearPlot = plotView(linearAxis('FITC-A'), linearAxis('PE-A'));

function context(view: PlotView, strategy: GatingStrategy = emptyStrategy(), parentId: string | null = 'cells'): NewGateContext {
  return { strategy, parentId, view, channelLabel: (channel) => (channel === 'PE-A' ? 'PE-A (PI)' : channel) };
}

function draw(shape: DrawnShape, view: PlotView, strategy?: GatingStrategy): Gate {
  const made = gateFromShape(shape, context(view, strategy));
  if (!made) throw new Error('no gate');
  return made.gate;
}

describe('new gates from drawings', () => {
  it('a rectangle is stored in data units at the pixels drawn, and a side on the plot’s edge is unbounded', () => {
    const gate = draw({ kind: 'rectangle', from: { x: 300, y: 100 }, to: { x: AREA.right, y: 250 } }, logPlot);
    expect(gate).toMatchObject({ kind: 'rectangle', id: 'rectangle-1', name: 'Rectangle 1', parentId: 'cells' });
    if (gate.kind !== 'rectangle') throw new Error('not a rectangle');
    expect(gate.bounds.map((b) => b.dimension)).toEqual([
      { source: { kind: 'channel', name: 'FITC-A' }, compensation: 'uncompensated', transform: null },
      { source: { kind: 'channel', name: 'PE-A' }, compensation: 'uncompensated', transform: null },
    ]);
    expect(gate.bounds[0]).toMatchObject({ min: logPlot.x.pixels.toData(300), max: null });
    expect(gate.bounds[1]).toMatchObject({ min: logPlot.y!.pixels.toData(250), max: logPlot.y!.pixels.toData(100) });
  });

  it('a polygon is stored in the plot’s display transform, registered once under an id derived from it', () => {
    const made = gateFromShape({ kind: 'polygon', vertices: [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 150, y: 200 }] }, context(logPlot));
    const ids = Object.keys(made!.transforms);
    expect(ids).toEqual([expect.stringMatching(/^display_FITC-A_logicle_[0-9a-f]{8}$/)]);
    expect(made!.transforms[ids[0]]).toEqual(logPlot.x.scale);
    expect(made!.gate.kind === 'polygon' && made!.gate.dimensions.map((d) => d.transform)).toEqual([ids[0], ids[0]]);
    const document = addNewGate(emptyGatingDocument(), made!);
    const again = gateFromShape({ kind: 'polygon', vertices: [{ x: 300, y: 100 }, { x: 400, y: 100 }, { x: 350, y: 200 }] }, context(logPlot, document.template));
    expect(again!.transforms).toEqual({});
    expect(again!.gate).toMatchObject({ id: 'polygon-2', name: 'Polygon 2' });
    expect(gateFromShape({ kind: 'polygon', vertices: [{ x: 1, y: 1 }, { x: 2, y: 1 }, { x: 2, y: 2 }] }, context(logPlot))!.transforms).toEqual(made!.transforms);
  });

  it('on linear axes a polygon is stored in data units', () => {
    const gate = draw({ kind: 'polygon', vertices: [{ x: 62, y: 372 }, { x: 426, y: 372 }, { x: 426, y: 12 }] }, linearPlot);
    expect(gate.kind === 'polygon' && gate.vertices).toEqual([[0, 0], [1000, 0], [1000, 1000]]);
  });

  it('a quadrant is split at the clicked point in data units, its quadrants named by side, in FlowJo’s order', () => {
    const gate = draw({ kind: 'quadrant', centre: { x: 62 + 0.364 * 250, y: 372 - 0.36 * 750 } }, linearPlot);
    if (gate.kind !== 'quadrant') throw new Error('not a quadrant gate');
    expect(gate.name).toBe('FITC-A × PE-A');
    expect(gate.dividers.map((d) => [d.dimension.source, d.dimension.transform, d.values[0]])).toEqual([
      [{ kind: 'channel', name: 'FITC-A' }, null, expect.closeTo(250, 9)],
      [{ kind: 'channel', name: 'PE-A' }, null, expect.closeTo(750, 9)],
    ]);
    expect(gate.quadrants.map((q) => [q.name, q.positions.map((p) => p.interval)])).toEqual([
      ['FITC-A− PE-A+', [0, 1]],
      ['FITC-A+ PE-A+', [1, 1]],
      ['FITC-A+ PE-A−', [1, 0]],
      ['FITC-A− PE-A−', [0, 0]],
    ]);
  });

  it('a range and a multi-range are data-unit cuts; four ranges on a DNA channel are the cell-cycle phases', () => {
    const dna = plotView(linearAxis('PE-A'), null);
    const range = draw({ kind: 'range', from: 244, to: 153 }, dna);
    expect(range).toMatchObject({ name: 'PE-A range 1', bounds: [{ min: expect.closeTo(250, 9), max: expect.closeTo(500, 9) }] });
    const phases = draw({ kind: 'multiRange', boundaries: [80.2, 153, 244, 262.2, 335] }, dna);
    if (phases.kind !== 'quadrant') throw new Error('not a multi-range');
    expect(phases.name).toBe('Cell cycle phases');
    expect(phases.dividers[0].values.map((v) => Math.round(v))).toEqual([50, 250, 500, 550, 750]);
    expect(phases.quadrants.map((q) => [q.name, q.positions[0].interval])).toEqual([['Sub-G1', 1], ['G0/G1', 2], ['S', 3], ['G2/M', 4]]);
    const fitc = plotView(linearAxis('FITC-A'), null);
    const single = gateFromShape({ kind: 'range', from: 100, to: 150 }, context(fitc))!;
    const withRange = addNewGate(emptyGatingDocument(), single).template;
    const other = draw({ kind: 'multiRange', boundaries: [100, 200, 300] }, fitc, withRange);
    expect(other.kind === 'quadrant' && [other.name, other.quadrants.map((q) => q.name)]).toEqual(['FITC-A ranges', ['FITC-A range 2', 'FITC-A range 3']]);
  });

  it('adding a gate brings its transforms and a colour into the document', () => {
    const made = gateFromShape({ kind: 'ellipse', from: { x: 100, y: 100 }, to: { x: 200, y: 160 } }, context(logPlot))!;
    const document = addNewGate(emptyGatingDocument(), made);
    expect(document.template.gates).toEqual([made.gate]);
    expect(document.template.transforms).toEqual(made.transforms);
    expect(document.appearance?.[made.gate.id]?.colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('what the user sees is what is counted', () => {
  const rng = createRng(7);
  const n = 20000;
  const columns = {
    'FITC-A': Float64Array.from({ length: n }, () => 10 ** (rng.uniform() * 5.2) - 150),
    'PE-A': Float64Array.from({ length: n }, () => 10 ** (rng.uniform() * 5.2) - 150),
  };
  const evaluator = new GatingEvaluator(channelSourceFromColumns(columns));
  const pixelOf = (i: number) => ({ x: logPlot.x.pixels.toPixel(columns['FITC-A'][i]), y: logPlot.y!.pixels.toPixel(columns['PE-A'][i]) });

  function counted(shape: DrawnShape): Set<number> {
    const made = gateFromShape(shape, context(logPlot, emptyStrategy(), null))!;
    evaluator.update({ ...emptyStrategy(), transforms: made.transforms, gates: [made.gate] });
    return new Set(evaluator.indices(made.gate.id));
  }

  it('a polygon drawn on logicle axes holds exactly the events plotted inside it', () => {
    const vertices = [{ x: 110, y: 330 }, { x: 380, y: 300 }, { x: 300, y: 60 }, { x: 180, y: 150 }];
    const xs = Float64Array.from(vertices, (v) => v.x);
    const ys = Float64Array.from(vertices, (v) => v.y);
    const onScreen = new Set(Array.from({ length: n }, (_, i) => i).filter((i) => (windingNumber(xs, ys, pixelOf(i).x, pixelOf(i).y) & 1) === 1));
    expect(onScreen.size).toBeGreaterThan(1000);
    expect(counted({ kind: 'polygon', vertices })).toEqual(onScreen);
  });

  it('an ellipse drawn on logicle axes holds exactly the events plotted inside it', () => {
    const [from, to] = [{ x: 120, y: 90 }, { x: 360, y: 250 }];
    const [cx, cy, a, b] = [(from.x + to.x) / 2, (from.y + to.y) / 2, (to.x - from.x) / 2, (to.y - from.y) / 2];
    const inside = (i: number) => ((pixelOf(i).x - cx) / a) ** 2 + ((pixelOf(i).y - cy) / b) ** 2 <= 1 - 1e-9;
    const nearEdge = (i: number) => Math.abs(((pixelOf(i).x - cx) / a) ** 2 + ((pixelOf(i).y - cy) / b) ** 2 - 1) < 1e-9;
    const onScreen = new Set(Array.from({ length: n }, (_, i) => i).filter(inside));
    const engine = counted({ kind: 'ellipse', from, to });
    expect(onScreen.size).toBeGreaterThan(1000);
    expect([...engine].filter((i) => !onScreen.has(i) && !nearEdge(i))).toEqual([]);
    expect([...onScreen].filter((i) => !engine.has(i))).toEqual([]);
  });
});
