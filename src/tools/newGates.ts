/**
 * A finished drawing → a new gate under the plotted population, over the plot's channels and compensation.
 * Rectangles, ranges, quadrants and multi-ranges are axis-aligned, so they are stored in data units (transform null):
 * their thresholds are exact numbers a user can type, and they mean the same on any display scale. Polygons and
 * ellipses are stored in the plot's display transform (registered in the strategy under an id derived from its
 * parameters), so the straight edges and the ellipse the user saw are exactly what is counted.
 */
import { addGate, type GatingDocument, setGateAppearance } from '../analysis/gatingDocument.ts';
import type { Dimension, Gate, GatingStrategy, PopulationId, QuadrantGate, RectangleBound } from '../gating/types.ts';
import { scaleOf } from '../transforms/transform.ts';
import type { Transform, TransformId } from '../transforms/types.ts';
import { ellipsoidOfFrame } from './ellipseFrame.ts';
import { freshGateId } from './gateIds.ts';
import { freeName, multiRangeNames, numberedName, quadrantName } from './gateNames.ts';
import { type PlotAxisView, type PlotView, sameTransform } from './placement.ts';
import type { PlotArea } from './pointer.ts';
import type { DrawnShape } from './shapes.ts';

/** Outline colours given to new gates in turn: dark and saturated enough to read over a pseudocolour density. */
export const GATE_COLOURS = ['#111111', '#c2185b', '#00695c', '#4527a0', '#e65100', '#1565c0'] as const;

export interface NewGateContext {
  /** The template the gate joins (for free ids, names and registered transforms). */
  strategy: GatingStrategy;
  parentId: PopulationId | null;
  view: PlotView;
  /** What the plot calls a channel, e.g. "PE-A (PI)"; recognises DNA dyes for cell-cycle names. */
  channelLabel(channel: string): string;
}

export interface NewGate {
  gate: Gate;
  /** Display transforms the gate refers to that the strategy does not define yet. */
  transforms: Record<TransformId, Transform>;
}

/** A pointer this close to the plot's edge means "to the end of the scale": that side is left unbounded. */
const EDGE_PX = 0.5;

function dimension(axis: PlotAxisView, transform: TransformId | null): Dimension {
  return { source: { kind: 'channel', name: axis.channel }, compensation: axis.compensation, transform };
}

/**
 * A deterministic id for a display transform: the same axis always registers under the same id. It is an XML
 * NCName (Gating-ML writes it as transforms:id): letters, digits, "_", "-" and "." only, starting with a letter.
 */
function transformId(axis: PlotAxisView, transform: Transform): TransformId {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(transform)) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `display_${axis.channel.replace(/[^A-Za-z0-9_.-]/g, '_')}_${transform.kind}_${hash.toString(16).padStart(8, '0')}`;
}

/** The id the axis's display transform has (or gets) in the strategy; null for a linear axis (data units). */
function displaySpace(axis: PlotAxisView, strategy: GatingStrategy, added: Record<TransformId, Transform>): TransformId | null {
  const scale = axis.scale;
  if (scale === null) return null;
  const known = Object.entries({ ...strategy.transforms, ...added }).find(([, t]) => sameTransform(t, scale));
  if (known) return known[0];
  const id = transformId(axis, scale);
  added[id] = scale;
  return id;
}

function displayValue(axis: PlotAxisView, pixel: number): number {
  const data = axis.pixels.toData(pixel);
  return axis.scale === null ? data : scaleOf(axis.scale).apply(data);
}

const onEdge = (pixel: number, edge: number) => Math.abs(pixel - edge) <= EDGE_PX;

/** Data-unit bound between two pixels of an axis; a side on the plot's edge is unbounded. */
function bound(axis: PlotAxisView, which: 'x' | 'y', a: number, b: number, area: PlotArea): RectangleBound {
  const [lowEdge, highEdge] = which === 'x' ? [area.left, area.right] : [area.bottom, area.top];
  const low = [a, b].find((p) => onEdge(p, lowEdge));
  const high = [a, b].find((p) => onEdge(p, highEdge));
  const [min, max] = [axis.pixels.toData(a), axis.pixels.toData(b)].toSorted((p, q) => p - q);
  return { dimension: dimension(axis, null), min: low === undefined ? min : null, max: high === undefined ? max : null };
}

/** The gate for a finished drawing; null when the plot cannot hold it (e.g. a 2-D shape on a histogram). */
export function gateFromShape(shape: DrawnShape, context: NewGateContext): NewGate | null {
  const { strategy, parentId, view } = context;
  const { x, y, area } = view;
  const transforms: Record<TransformId, Transform> = {};
  const common = (prefix: string, name: string) => ({ id: freshGateId(strategy, prefix), name, parentId });
  switch (shape.kind) {
    case 'rectangle': {
      if (!y) return null;
      const bounds = [bound(x, 'x', shape.from.x, shape.to.x, area), bound(y, 'y', shape.from.y, shape.to.y, area)];
      return { gate: { kind: 'rectangle', ...common('rectangle', numberedName(strategy, 'Rectangle')), bounds }, transforms };
    }
    case 'range':
      return { gate: { kind: 'rectangle', ...common('range', numberedName(strategy, `${x.channel} range`)), bounds: [bound(x, 'x', shape.from, shape.to, area)] }, transforms };
    case 'polygon': {
      if (!y) return null;
      const dimensions: [Dimension, Dimension] = [dimension(x, displaySpace(x, strategy, transforms)), dimension(y, displaySpace(y, strategy, transforms))];
      const vertices = shape.vertices.map((p): [number, number] => [displayValue(x, p.x), displayValue(y, p.y)]);
      return { gate: { kind: 'polygon', ...common('polygon', numberedName(strategy, 'Polygon')), dimensions, vertices }, transforms };
    }
    case 'ellipse': {
      if (!y) return null;
      const dimensions = [dimension(x, displaySpace(x, strategy, transforms)), dimension(y, displaySpace(y, strategy, transforms))];
      const cx = (shape.from.x + shape.to.x) / 2;
      const cy = (shape.from.y + shape.to.y) / 2;
      const centre: [number, number] = [displayValue(x, cx), displayValue(y, cy)];
      const frame = { centre, u: [displayValue(x, shape.to.x) - centre[0], 0] as [number, number], v: [0, displayValue(y, shape.to.y) - centre[1]] as [number, number] };
      return { gate: { kind: 'ellipsoid', ...common('ellipse', numberedName(strategy, 'Ellipse')), dimensions, ...ellipsoidOfFrame(frame, 1) }, transforms };
    }
    case 'quadrant':
      return y ? { gate: quadrantGate(context, y, x.pixels.toData(shape.centre.x), y.pixels.toData(shape.centre.y)), transforms } : null;
    case 'multiRange':
      return { gate: multiRangeGate(context, shape.boundaries.map((p) => x.pixels.toData(p))), transforms };
    default: {
      const unknown: never = shape;
      throw new Error(`unknown shape ${JSON.stringify(unknown)}`);
    }
  }
}

function quadrantGate(context: NewGateContext, y: PlotAxisView, xValue: number, yValue: number): QuadrantGate {
  const { strategy, parentId, view } = context;
  const id = freshGateId(strategy, 'quadrant');
  const dividers = [
    { id: `${id}-x`, dimension: dimension(view.x, null), values: [xValue] },
    { id: `${id}-y`, dimension: dimension(y, null), values: [yValue] },
  ];
  // FlowJo's order: Q1 upper left, Q2 upper right, Q3 lower right, Q4 lower left.
  const sides: [number, number][] = [[0, 1], [1, 1], [1, 0], [0, 0]];
  const quadrants = sides.map(([xi, yi], k) => ({
    id: `${id}-q${k + 1}`,
    name: quadrantName(view.x.channel, xi, y.channel, yi),
    positions: [{ dividerId: dividers[0].id, interval: xi }, { dividerId: dividers[1].id, interval: yi }],
  }));
  return { kind: 'quadrant', id, name: freeName(strategy, `${view.x.channel} × ${y.channel}`), parentId, dividers, quadrants };
}

/** Contiguous named ranges sharing boundaries: one divider, one population per interval between its values. */
function multiRangeGate(context: NewGateContext, boundaries: number[]): QuadrantGate {
  const { strategy, parentId, view } = context;
  const id = freshGateId(strategy, 'ranges');
  const names = multiRangeNames(strategy, view.x.channel, context.channelLabel(view.x.channel), boundaries.length - 1);
  const divider = { id: `${id}-cuts`, dimension: dimension(view.x, null), values: boundaries };
  const quadrants = names.ranges.map((name, k) => ({ id: `${id}-r${k + 1}`, name, positions: [{ dividerId: divider.id, interval: k + 1 }] }));
  return { kind: 'quadrant', id, name: names.gate, parentId, dividers: [divider], quadrants };
}

/** A gate's outline colour: its own, or the palette's by its place in the template. */
export function gateColour(document: GatingDocument, gateId: string): string {
  const own = document.appearance?.[gateId]?.colour;
  if (own) return own;
  const index = Math.max(0, document.template.gates.findIndex((g) => g.id === gateId));
  return GATE_COLOURS[index % GATE_COLOURS.length];
}

/** The document with the new gate (and the transforms it refers to) in its template, in the next colour. */
export function addNewGate(document: GatingDocument, added: NewGate): GatingDocument {
  const template = { ...document.template, transforms: { ...document.template.transforms, ...added.transforms } };
  const withGate = addGate({ ...document, template }, added.gate);
  return setGateAppearance(withGate, added.gate.id, { colour: GATE_COLOURS[document.template.gates.length % GATE_COLOURS.length] });
}
