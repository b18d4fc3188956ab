import { describe, expect, it } from 'vitest';
import { DOUBLE_CLICK_MS } from './pointer.ts';
import { draftOf, isBusy } from './tool.ts';
import { AREA, linearAxis, plotView, ToolHarness } from './toolHarness.fixtures.ts';

const density = plotView(linearAxis('FITC-A'), linearAxis('PE-A'));
const histogram = plotView(linearAxis('PI-A'), null);

describe('rectangle, ellipse and range tools (press, drag, release)', () => {
  it('a press that moves less than the drag threshold is a click and draws nothing', () => {
    const tool = new ToolHarness('rectangle', density);
    tool.pointerDown(100, 100).pointerMove(102, 102);
    expect(draftOf(tool.state)).toBeNull();
    tool.pointerUp(102, 102);
    expect(tool.effects).toEqual([]);
  });

  it('past the threshold the box follows the pointer and the release creates it', () => {
    const tool = new ToolHarness('rectangle', density);
    tool.pointerDown(100, 100).pointerMove(105, 100);
    expect(draftOf(tool.state)).toEqual({ kind: 'rectangle', from: { x: 100, y: 100 }, to: { x: 105, y: 100 } });
    tool.pointerMove(180, 150).pointerUp(180, 150);
    expect(tool.effectsOf('create')).toEqual([{ kind: 'create', shape: { kind: 'rectangle', from: { x: 100, y: 100 }, to: { x: 180, y: 150 } } }]);
    expect(isBusy(tool.state)).toBe(false);
  });

  it('a box too thin to hold events is not created', () => {
    const tool = new ToolHarness('ellipse', density);
    tool.drag({ x: 100, y: 100 }, { x: 200, y: 101 });
    expect(tool.effects).toEqual([]);
  });

  it('points beyond the plot are taken at its edge', () => {
    const tool = new ToolHarness('ellipse', density);
    tool.drag({ x: 100, y: 100 }, { x: 900, y: -50 });
    expect(tool.effectsOf('create')[0].shape).toEqual({ kind: 'ellipse', from: { x: 100, y: 100 }, to: { x: AREA.right, y: AREA.top } });
  });

  it.each(['Escape', 'cancel'] as const)('%s during a drag drops it', (how) => {
    const tool = new ToolHarness('rectangle', density);
    tool.pointerDown(100, 100).pointerMove(150, 150);
    expect(isBusy(tool.state)).toBe(true);
    if (how === 'Escape') tool.key('Escape');
    else tool.cancel();
    tool.pointerMove(200, 200).pointerUp(200, 200);
    expect(tool.effects).toEqual([]);
    expect(draftOf(tool.state)).toBeNull();
  });

  it('the range tool only reads x', () => {
    const tool = new ToolHarness('range', histogram);
    tool.drag({ x: 300, y: 200 }, { x: 150, y: 200 });
    expect(tool.effectsOf('create')[0].shape).toEqual({ kind: 'range', from: 300, to: 150 });
  });
});

describe('polygon tool', () => {
  const square = [
    [100, 100],
    [200, 100],
    [200, 200],
    [100, 200],
  ] as const;

  it('closes when the first vertex is clicked again, without adding it twice', () => {
    const tool = new ToolHarness('polygon', density);
    for (const [x, y] of square) tool.click(x, y);
    tool.pointerMove(103, 98);
    expect(draftOf(tool.state)).toMatchObject({ kind: 'polygon', closing: true, cursor: { x: 103, y: 98 } });
    tool.click(103, 98);
    expect(tool.effectsOf('create')).toEqual([{ kind: 'create', shape: { kind: 'polygon', vertices: square.map(([x, y]) => ({ x, y })) } }]);
    expect(isBusy(tool.state)).toBe(false);
  });

  it('closes on a double-click, which adds its vertex once', () => {
    const tool = new ToolHarness('polygon', density);
    tool.click(100, 100).click(200, 100);
    tool.click(150, 200).click(150, 200);
    expect(tool.effectsOf('create')[0].shape).toEqual({ kind: 'polygon', vertices: [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 150, y: 200 }] });
  });

  it('two slow clicks at one place are not a double-click', () => {
    const tool = new ToolHarness('polygon', density);
    tool.click(100, 100).click(200, 100).click(150, 200);
    tool.wait(DOUBLE_CLICK_MS + 1).click(150, 200);
    expect(tool.effects).toEqual([]);
    expect(draftOf(tool.state)).toMatchObject({ vertices: [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 150, y: 200 }] });
  });

  it('needs three vertices: a double-click or a click on the first vertex before that does not close it', () => {
    const tool = new ToolHarness('polygon', density);
    tool.click(100, 100).click(200, 100).click(200, 100).click(100, 100);
    expect(tool.effects).toEqual([]);
    tool.key('Enter');
    expect(tool.effects).toEqual([]);
  });

  it('Backspace takes back the last vertex, Enter closes, Esc drops the drawing', () => {
    const tool = new ToolHarness('polygon', density);
    tool.click(100, 100).click(200, 100).click(300, 300).key('Backspace');
    expect(draftOf(tool.state)).toMatchObject({ vertices: [{ x: 100, y: 100 }, { x: 200, y: 100 }] });
    tool.click(150, 250).key('Enter');
    expect(tool.effectsOf('create')).toHaveLength(1);
    tool.click(100, 100).click(200, 100).click(150, 250).key('Escape');
    expect(isBusy(tool.state)).toBe(false);
    expect(tool.effectsOf('create')).toHaveLength(1);
  });
});

describe('quadrant tool', () => {
  it('shows the cross-hair under the pointer and places the centre with a click', () => {
    const tool = new ToolHarness('quadrant', density);
    tool.pointerMove(210, 140);
    expect(draftOf(tool.state)).toEqual({ kind: 'quadrant', centre: { x: 210, y: 140 } });
    expect(isBusy(tool.state)).toBe(false);
    tool.click(210, 140);
    expect(tool.effectsOf('create')).toEqual([{ kind: 'create', shape: { kind: 'quadrant', centre: { x: 210, y: 140 } } }]);
  });

  it('a press-drag carries the centre to where the pointer is released', () => {
    const tool = new ToolHarness('quadrant', density);
    tool.drag({ x: 100, y: 100 }, { x: 250, y: 300 });
    expect(tool.effectsOf('create')[0].shape).toEqual({ kind: 'quadrant', centre: { x: 250, y: 300 } });
  });

  it('Esc while placing places nothing', () => {
    const tool = new ToolHarness('quadrant', density);
    tool.pointerDown(100, 100).key('Escape').pointerUp(100, 100);
    expect(tool.effects).toEqual([]);
  });
});

describe('multi-range tool', () => {
  it('places boundaries by clicks (any order) and ends the set with a double-click', () => {
    const tool = new ToolHarness('multiRange', histogram);
    tool.click(300, 200).click(100, 200).click(200, 200).click(380, 200).click(380, 200);
    expect(tool.effectsOf('create')).toEqual([{ kind: 'create', shape: { kind: 'multiRange', boundaries: [100, 200, 300, 380] } }]);
  });

  it('ignores a boundary on top of another, ends with Enter, and needs two boundaries', () => {
    const tool = new ToolHarness('multiRange', histogram);
    tool.click(100, 50).key('Enter');
    expect(tool.effects).toEqual([]);
    tool.wait(1000).click(102, 200).click(250, 200);
    expect(draftOf(tool.state)).toMatchObject({ boundaries: [100, 250] });
    tool.key('Enter');
    expect(tool.effectsOf('create')[0].shape).toEqual({ kind: 'multiRange', boundaries: [100, 250] });
  });
});
