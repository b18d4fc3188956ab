/**
 * A placed gate as pixels: outlines to draw, the region that grabs it, its handles and where its labels go. Drawing
 * and hit-testing both read the figure, so what the user grabs is exactly what they see.
 */
import type { QuadrantGate } from '../gating/types.ts';
import { frameBoundary, screenFrame, type Vector } from './ellipseFrame.ts';
import { type PlacedGate, toPixelPoint } from './placement.ts';
import type { PlotArea, Point } from './pointer.ts';

/** What dragging a handle changes. */
export type HandleTarget =
  /** Rectangle sides: a corner moves two, an edge one. */
  | { kind: 'sides'; sides: { dimension: number; side: 'min' | 'max' }[] }
  | { kind: 'vertex'; index: number }
  /** An end of an ellipse's on-screen axis (see screenFrame). */
  | { kind: 'axisEnd'; axis: 0 | 1; sign: 1 | -1 }
  /** Divider values: a quadrant centre moves one per divider, an arm or a multi-range boundary one. */
  | { kind: 'cuts'; cuts: { divider: number; index: number }[] };

export interface Handle {
  target: HandleTarget;
  at: Point;
  /** Also grabbable anywhere along this segment (edges, quadrant arms, range boundaries). */
  along: [Point, Point] | null;
  /** Drawn as a square; lines the outline already shows are not. */
  marker: boolean;
  cursor: 'move' | 'ew-resize' | 'ns-resize' | 'nwse-resize' | 'nesw-resize';
}

export interface Outline {
  points: Point[];
  closed: boolean;
}

/** A population's label; `at` is the baseline of its last line, `align` the SVG text-anchor. */
export interface FigureLabel {
  populationId: string;
  name: string;
  at: Point;
  align: 'start' | 'middle' | 'end';
  /** What the label names, for a leader line when it has to move (a range's bar); absent: `at` itself. */
  anchor?: Point;
}

export interface GateFigure {
  gateId: string;
  outlines: Outline[];
  /** Pixel polygon whose inside grabs the whole gate; null when only its lines and handles do (quadrants). */
  body: Point[] | null;
  handles: Handle[];
  labels: FigureLabel[];
}

/** Height of a two-line label above its baseline. */
export const LABEL_HEIGHT_PX = 26;
const LABEL_INSET_PX = 4;
/** Histogram gates are drawn as bars stacked from the top of the plot, one level per gate. */
const BAR_TOP_PX = 34;
const BAR_STEP_PX = 30;
const BAR_HALF_HEIGHT_PX = 8;
/** Samples per polygon edge where the gate's space is not the axis's (its edges are curves on screen). */
const EDGE_SAMPLES = 24;
const ELLIPSE_SAMPLES = 96;

export function barY(area: PlotArea, level: number): number {
  return area.top + BAR_TOP_PX + level * BAR_STEP_PX;
}

function clampLabel(at: Point, area: PlotArea): Point {
  return {
    x: Math.min(area.right - LABEL_INSET_PX, Math.max(area.left + LABEL_INSET_PX, at.x)),
    y: Math.min(area.bottom - LABEL_INSET_PX, Math.max(area.top + LABEL_HEIGHT_PX, at.y)),
  };
}

/** Label centred above the highest point of an outline (or inside the plot when there is no room above). */
function labelAbove(points: readonly Point[], area: PlotArea, populationId: string, name: string): FigureLabel {
  const top = points.reduce((best, p) => (p.y < best.y ? p : best), points[0]);
  return { populationId, name, at: clampLabel({ x: top.x, y: top.y - LABEL_INSET_PX }, area), align: 'middle' };
}

/** The figure of a placed gate; `level` stacks histogram gates so that overlapping ranges stay apart. */
export function gateFigure(placed: PlacedGate, area: PlotArea, level: number): GateFigure {
  const { gate } = placed;
  switch (gate.kind) {
    case 'rectangle':
      return placed.maps.length === 1 ? rangeFigure(placed, area, level) : rectangleFigure(placed, area);
    case 'polygon':
      return polygonFigure(placed, area);
    case 'ellipsoid':
      return ellipseFigure(placed, area);
    case 'quadrant':
      return placed.maps.length === 1 ? multiRangeFigure(placed, gate, area, level) : quadrantFigure(placed, gate, area);
    default: {
      const unknown: never = gate;
      throw new Error(`no figure for ${JSON.stringify(unknown)}`);
    }
  }
}

/** Pixel extent of a bound along its axis; an unbounded side lies on the plot's edge. */
function boundPixels(placed: PlacedGate, dimension: number, area: PlotArea): { min: number; max: number } {
  if (placed.gate.kind !== 'rectangle') throw new Error('bounds of a rectangle only');
  const bound = placed.gate.bounds[dimension];
  const map = placed.maps[dimension];
  const [low, high] = map.axis === 'x' ? [area.left, area.right] : [area.bottom, area.top];
  return { min: bound.min === null ? low : map.toPixel(bound.min), max: bound.max === null ? high : map.toPixel(bound.max) };
}

function rectangleFigure(placed: PlacedGate, area: PlotArea): GateFigure {
  const xDimension = placed.maps[0].axis === 'x' ? 0 : 1;
  const yDimension = 1 - xDimension;
  const x = boundPixels(placed, xDimension, area);
  const y = boundPixels(placed, yDimension, area);
  const corner = (xs: 'min' | 'max', ys: 'min' | 'max'): Point => ({ x: x[xs], y: y[ys] });
  const corners: Point[] = [corner('min', 'min'), corner('max', 'min'), corner('max', 'max'), corner('min', 'max')];
  const sides = (xs: 'min' | 'max' | null, ys: 'min' | 'max' | null): HandleTarget => ({
    kind: 'sides',
    sides: [...(xs ? [{ dimension: xDimension, side: xs }] : []), ...(ys ? [{ dimension: yDimension, side: ys }] : [])],
  });
  const edge = (a: Point, b: Point, target: HandleTarget, cursor: Handle['cursor']): Handle => ({
    target,
    at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    along: [a, b],
    marker: true,
    cursor,
  });
  // Screen diagonals: min-min and max-max corners lie on the same one when both axes grow the same way on screen.
  const sameDirection = Math.sign(x.max - x.min) === Math.sign(y.max - y.min);
  const handles: Handle[] = [
    { target: sides('min', 'min'), at: corners[0], along: null, marker: true, cursor: sameDirection ? 'nwse-resize' : 'nesw-resize' },
    { target: sides('max', 'min'), at: corners[1], along: null, marker: true, cursor: sameDirection ? 'nesw-resize' : 'nwse-resize' },
    { target: sides('max', 'max'), at: corners[2], along: null, marker: true, cursor: sameDirection ? 'nwse-resize' : 'nesw-resize' },
    { target: sides('min', 'max'), at: corners[3], along: null, marker: true, cursor: sameDirection ? 'nesw-resize' : 'nwse-resize' },
    edge(corners[0], corners[1], sides(null, 'min'), 'ns-resize'),
    edge(corners[1], corners[2], sides('max', null), 'ew-resize'),
    edge(corners[2], corners[3], sides(null, 'max'), 'ns-resize'),
    edge(corners[3], corners[0], sides('min', null), 'ew-resize'),
  ];
  const { gate } = placed;
  return { gateId: gate.id, outlines: [{ points: corners, closed: true }], body: corners, handles, labels: [labelAbove(corners, area, gate.id, gate.name)] };
}

function bar(left: number, right: number, y: number): Point[] {
  return [
    { x: left, y: y - BAR_HALF_HEIGHT_PX },
    { x: right, y: y - BAR_HALF_HEIGHT_PX },
    { x: right, y: y + BAR_HALF_HEIGHT_PX },
    { x: left, y: y + BAR_HALF_HEIGHT_PX },
  ];
}

function rangeFigure(placed: PlacedGate, area: PlotArea, level: number): GateFigure {
  const { min, max } = boundPixels(placed, 0, area);
  const y = barY(area, level);
  const cap = (x: number): [Point, Point] => [{ x, y: y - BAR_HALF_HEIGHT_PX }, { x, y: y + BAR_HALF_HEIGHT_PX }];
  const end = (x: number, side: 'min' | 'max'): Handle => ({ target: { kind: 'sides', sides: [{ dimension: 0, side }] }, at: { x, y }, along: cap(x), marker: true, cursor: 'ew-resize' });
  const { gate } = placed;
  return {
    gateId: gate.id,
    outlines: [{ points: cap(min), closed: false }, { points: [{ x: min, y }, { x: max, y }], closed: false }, { points: cap(max), closed: false }],
    body: bar(Math.min(min, max), Math.max(min, max), y),
    handles: [end(min, 'min'), end(max, 'max')],
    labels: [{ populationId: gate.id, name: gate.name, at: clampLabel({ x: (min + max) / 2, y: y - BAR_HALF_HEIGHT_PX - 2 }, area), align: 'middle', anchor: { x: (min + max) / 2, y } }],
  };
}

function polygonFigure(placed: PlacedGate, area: PlotArea): GateFigure {
  if (placed.gate.kind !== 'polygon') throw new Error('polygon figure of a polygon only');
  const { gate, maps } = placed;
  const vertices = gate.vertices.map((v) => toPixelPoint(maps, v));
  const straight = maps.every((m) => m.affine);
  const outline = straight
    ? vertices
    : gate.vertices.flatMap((from, k) => {
        const to = gate.vertices[(k + 1) % gate.vertices.length];
        return Array.from({ length: EDGE_SAMPLES }, (_, s) => {
          const t = s / EDGE_SAMPLES;
          return toPixelPoint(maps, [from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])]);
        });
      });
  const handles = vertices.map((at, index): Handle => ({ target: { kind: 'vertex', index }, at, along: null, marker: true, cursor: 'move' }));
  return { gateId: gate.id, outlines: [{ points: outline, closed: true }], body: outline, handles, labels: [labelAbove(outline, area, gate.id, gate.name)] };
}

function ellipseFigure(placed: PlacedGate, area: PlotArea): GateFigure {
  if (placed.gate.kind !== 'ellipsoid') throw new Error('ellipse figure of an ellipsoid only');
  const { gate, maps } = placed;
  const frame = screenFrame(gate, maps);
  const outline = frameBoundary(frame, ELLIPSE_SAMPLES).map((p) => toPixelPoint(maps, p));
  const end = (axis: 0 | 1, sign: 1 | -1): Handle => {
    const w = axis === 0 ? frame.u : frame.v;
    const at = toPixelPoint(maps, [frame.centre[0] + sign * w[0], frame.centre[1] + sign * w[1]] satisfies Vector);
    return { target: { kind: 'axisEnd', axis, sign }, at, along: null, marker: true, cursor: 'move' };
  };
  return {
    gateId: gate.id,
    outlines: [{ points: outline, closed: true }],
    body: outline,
    handles: [end(0, 1), end(0, -1), end(1, 1), end(1, -1)],
    labels: [labelAbove(outline, area, gate.id, gate.name)],
  };
}

/** Pixel interval of a divider's interval k; the open ends lie on the plot's edges. */
function intervalPixels(placed: PlacedGate, gate: QuadrantGate, divider: number, interval: number, area: PlotArea): [number, number] {
  const map = placed.maps[divider];
  const { values } = gate.dividers[divider];
  const [low, high] = map.axis === 'x' ? [area.left, area.right] : [area.bottom, area.top];
  return [interval === 0 ? low : map.toPixel(values[interval - 1]), interval === values.length ? high : map.toPixel(values[interval])];
}

function quadrantFigure(placed: PlacedGate, gate: QuadrantGate, area: PlotArea): GateFigure {
  const outlines: Outline[] = [];
  const lineHandles: Handle[] = [];
  const lines = gate.dividers.map((divider, d) => divider.values.map((value) => placed.maps[d].toPixel(value)));
  gate.dividers.forEach((_, d) => {
    const vertical = placed.maps[d].axis === 'x';
    lines[d].forEach((pixel, index) => {
      const from = vertical ? { x: pixel, y: area.top } : { x: area.left, y: pixel };
      const to = vertical ? { x: pixel, y: area.bottom } : { x: area.right, y: pixel };
      outlines.push({ points: [from, to], closed: false });
      const at = vertical ? { x: pixel, y: (area.top + area.bottom) / 2 } : { x: (area.left + area.right) / 2, y: pixel };
      lineHandles.push({ target: { kind: 'cuts', cuts: [{ divider: d, index }] }, at, along: [from, to], marker: false, cursor: vertical ? 'ew-resize' : 'ns-resize' });
    });
  });
  const xDivider = placed.maps[0].axis === 'x' ? 0 : 1;
  const yDivider = 1 - xDivider;
  const centres = lines[xDivider].flatMap((x, i) =>
    lines[yDivider].map((y, j): Handle => ({
      target: { kind: 'cuts', cuts: [{ divider: xDivider, index: i }, { divider: yDivider, index: j }] },
      at: { x, y },
      along: null,
      marker: true,
      cursor: 'move',
    })),
  );
  const labels = gate.quadrants.map((quadrant): FigureLabel => {
    const place = (divider: number): { pixel: number; edge: 'low' | 'high' | 'inner' } => {
      const position = quadrant.positions.find((p) => p.dividerId === gate.dividers[divider].id);
      if (!position) return { pixel: placed.maps[divider].axis === 'x' ? (area.left + area.right) / 2 : (area.top + area.bottom) / 2, edge: 'inner' };
      const [from, to] = intervalPixels(placed, gate, divider, position.interval, area);
      const last = gate.dividers[divider].values.length;
      return { pixel: (from + to) / 2, edge: position.interval === 0 ? 'low' : position.interval === last ? 'high' : 'inner' };
    };
    const x = place(xDivider);
    const y = place(yDivider);
    const at = {
      x: x.edge === 'low' ? area.left + LABEL_INSET_PX : x.edge === 'high' ? area.right - LABEL_INSET_PX : x.pixel,
      y: y.edge === 'low' ? area.bottom - LABEL_INSET_PX : y.edge === 'high' ? area.top + LABEL_HEIGHT_PX : y.pixel + LABEL_HEIGHT_PX / 2,
    };
    const align = x.edge === 'low' ? 'start' : x.edge === 'high' ? 'end' : 'middle';
    return { populationId: quadrant.id, name: quadrant.name, at: clampLabel(at, area), align };
  });
  return { gateId: gate.id, outlines, body: null, handles: [...centres, ...lineHandles], labels };
}

function multiRangeFigure(placed: PlacedGate, gate: QuadrantGate, area: PlotArea, level: number): GateFigure {
  const map = placed.maps[0];
  const y = barY(area, level);
  const boundaries = gate.dividers[0].values.map((value) => map.toPixel(value));
  const used = gate.quadrants.flatMap((q) => q.positions.map((p) => intervalPixels(placed, gate, 0, p.interval, area)));
  const left = Math.min(...used.flat());
  const right = Math.max(...used.flat());
  const handles = boundaries.map((x, index): Handle => ({
    target: { kind: 'cuts', cuts: [{ divider: 0, index }] },
    at: { x, y },
    along: [{ x, y: area.top }, { x, y: area.bottom }],
    marker: true,
    cursor: 'ew-resize',
  }));
  const labels = gate.quadrants.map((quadrant): FigureLabel => {
    const [from, to] = intervalPixels(placed, gate, 0, quadrant.positions[0]?.interval ?? 0, area);
    const x = (from + to) / 2;
    return { populationId: quadrant.id, name: quadrant.name, at: clampLabel({ x, y: y - BAR_HALF_HEIGHT_PX - 2 }, area), align: 'middle', anchor: { x, y } };
  });
  return {
    gateId: gate.id,
    outlines: [
      ...boundaries.map((x): Outline => ({ points: [{ x, y: area.top }, { x, y: area.bottom }], closed: false })),
      { points: [{ x: left, y }, { x: right, y }], closed: false },
    ],
    body: bar(left, right, y),
    handles,
    labels,
  };
}
