/**
 * GatingStrategy → Gating-ML 2.0 XML. Standard elements carry all of the gating; FlowFate-only facts (display names,
 * and that a logicle is a FlowJo biex or a fasinh is an arcsinh with a cofactor) go in data-type:custom_info, which
 * other readers ignore and parseGatingMl restores. Quadrant intervals are written as Gating-ML location points.
 */
import { biexToLogicle } from '../transforms/biex.ts';
import type { Transform } from '../transforms/types.ts';
import { checkStrategy } from '../gating/strategy.ts';
import { type Dimension, type Gate, type GatingStrategy, GatingStrategyError, type QuadrantDivider } from '../gating/types.ts';
import { DATATYPE_NAMESPACE, GATING_NAMESPACE, TRANSFORMS_NAMESPACE } from './xml.ts';

export const FLOWFATE_NAMESPACE = 'urn:flowfate:gating-ml-extension:1';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Attributes from pairs; null values are left out. Numbers print in the shortest form that reads back exactly. */
function attributes(pairs: [string, string | number | null][]): string {
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== null)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
}

function customInfo(elements: string[]): string[] {
  return elements.length === 0 ? [] : ['<data-type:custom_info>', ...elements.map((e) => `  ${e}`), '</data-type:custom_info>'];
}

function indent(lines: string[], depth = 1): string[] {
  return lines.map((line) => `${'  '.repeat(depth)}${line}`);
}

function transformElement(kind: string, values: [string, number][]): string {
  return `<transforms:${kind}${attributes(values.map(([k, v]) => [`transforms:${k}`, v]))} />`;
}

/** A Gating-ML transformation equivalent to `transform`: biex as its logicle, arcsinh(x/c) as fasinh(T = c·sinh 1, M = 1/ln 10, A = 0). */
function standardTransform(transform: Transform): string {
  const t = transformElement;
  switch (transform.kind) {
    case 'linear':
      return t('flin', [['T', transform.T], ['A', transform.A]]);
    case 'log':
      return t('flog', [['T', transform.T], ['M', transform.M]]);
    case 'asinh':
      return t('fasinh', [['T', transform.T], ['M', transform.M], ['A', transform.A]]);
    case 'logicle':
    case 'hyperlog':
      return t(transform.kind, [['T', transform.T], ['W', transform.W], ['M', transform.M], ['A', transform.A]]);
    case 'biex': {
      const { T, W, M, A } = biexToLogicle(transform);
      return t('logicle', [['T', T], ['W', W], ['M', M], ['A', A]]);
    }
    case 'arcsinh':
      // (asinh(x·sinh(M·ln10)/T) + 0) / (M·ln10) with M·ln10 = 1 and T = c·sinh(1) is asinh(x/c).
      return t('fasinh', [['T', transform.cofactor * Math.sinh(1)], ['M', 1 / Math.LN10], ['A', 0]]);
    default: {
      const unknown: never = transform;
      throw new Error(`unknown transform ${JSON.stringify(unknown)}`);
    }
  }
}

function flowFateTransform(transform: Transform): string[] {
  if (transform.kind === 'biex') {
    const { maxValue, positiveDecades, negativeDecades, widthBasis } = transform;
    return [`<flowfate:transform${attributes([['kind', 'biex'], ['maxValue', maxValue], ['positiveDecades', positiveDecades], ['negativeDecades', negativeDecades], ['widthBasis', widthBasis]])} />`];
  }
  if (transform.kind === 'arcsinh') return [`<flowfate:transform${attributes([['kind', 'arcsinh'], ['cofactor', transform.cofactor]])} />`];
  return [];
}

function dimensionSource(dimension: Dimension): string {
  return dimension.source.kind === 'channel'
    ? `<data-type:fcs-dimension${attributes([['data-type:name', dimension.source.name]])} />`
    : `<data-type:new-dimension${attributes([['data-type:transformation-ref', dimension.source.ratioId]])} />`;
}

function dimensionAttributes(dimension: Dimension): [string, string | null][] {
  return [['gating:compensation-ref', dimension.compensation], ['gating:transformation-ref', dimension.transform]];
}

function dimensionElement(dimension: Dimension, bounds: [string, number | null][] = []): string[] {
  return [`<gating:dimension${attributes([...dimensionAttributes(dimension), ...bounds])}>`, `  ${dimensionSource(dimension)}`, '</gating:dimension>'];
}

/** A point inside interval k of the divider (FlowKit reads a location as the interval that contains it). */
function locationOf(divider: QuadrantDivider, interval: number): number {
  const { values } = divider;
  if (interval === 0) return values[0] - Math.max(1, Math.abs(values[0]));
  if (interval === values.length) return values[values.length - 1] + Math.max(1, Math.abs(values[values.length - 1]));
  return (values[interval - 1] + values[interval]) / 2;
}

function gateBody(gate: Gate, dividerIds: Map<QuadrantDivider, string>): string[] {
  switch (gate.kind) {
    case 'rectangle':
      return gate.bounds.flatMap((b) => dimensionElement(b.dimension, [['gating:min', b.min], ['gating:max', b.max]]));
    case 'polygon':
      return [
        ...gate.dimensions.flatMap((d) => dimensionElement(d)),
        ...gate.vertices.flatMap(([x, y]) => ['<gating:vertex>', ...[x, y].map((v) => `  <gating:coordinate${attributes([['data-type:value', v]])} />`), '</gating:vertex>']),
      ];
    case 'ellipsoid':
      return [
        ...gate.dimensions.flatMap((d) => dimensionElement(d)),
        '<gating:mean>',
        ...gate.mean.map((v) => `  <gating:coordinate${attributes([['data-type:value', v]])} />`),
        '</gating:mean>',
        '<gating:covarianceMatrix>',
        ...gate.covariance.flatMap((row) => ['  <gating:row>', ...row.map((v) => `    <gating:entry${attributes([['data-type:value', v]])} />`), '  </gating:row>']),
        '</gating:covarianceMatrix>',
        `<gating:distanceSquare${attributes([['data-type:value', gate.distanceSquare]])} />`,
      ];
    case 'quadrant':
      return [
        ...gate.dividers.flatMap((d) => [
          `<gating:divider${attributes([['gating:id', dividerIds.get(d) ?? d.id], ...dimensionAttributes(d.dimension)])}>`,
          `  ${dimensionSource(d.dimension)}`,
          ...d.values.map((v) => `  <gating:value>${v}</gating:value>`),
          '</gating:divider>',
        ]),
        ...gate.quadrants.flatMap((q) => [
          `<gating:Quadrant${attributes([['gating:id', q.id]])}>`,
          ...q.positions.map((p) => {
            const divider = gate.dividers.find((d) => d.id === p.dividerId) as QuadrantDivider;
            return `  <gating:position${attributes([['gating:divider_ref', dividerIds.get(divider) ?? p.dividerId], ['gating:location', locationOf(divider, p.interval)]])} />`;
          }),
          '</gating:Quadrant>',
        ]),
      ];
    case 'boolean':
      return [
        `<gating:${gate.operator}>`,
        ...gate.operands.map((o) => `  <gating:gateReference${attributes([['gating:ref', o.populationId], ['gating:use-as-complement', o.complement ? 'true' : null]])} />`),
        `</gating:${gate.operator}>`,
      ];
    default: {
      const unknown: never = gate;
      throw new Error(`unknown gate ${JSON.stringify(unknown)}`);
    }
  }
}

const GATE_ELEMENT = { rectangle: 'RectangleGate', polygon: 'PolygonGate', ellipsoid: 'EllipsoidGate', quadrant: 'QuadrantGate', boolean: 'BooleanGate' } as const;

function gateElement(gate: Gate, dividerIds: Map<QuadrantDivider, string>): string[] {
  const names = [{ id: gate.id, name: gate.name }, ...(gate.kind === 'quadrant' ? gate.quadrants : [])];
  const info = names.map((n) => `<flowfate:population${attributes([['id', n.id], ['name', n.name]])} />`);
  for (const divider of gate.kind === 'quadrant' ? gate.dividers : []) {
    const written = dividerIds.get(divider) ?? divider.id;
    if (written !== divider.id) info.push(`<flowfate:divider${attributes([['ref', written], ['id', divider.id]])} />`);
  }
  const element = `gating:${GATE_ELEMENT[gate.kind]}`;
  return [`<${element}${attributes([['gating:id', gate.id], ['gating:parent_id', gate.parentId]])}>`, ...indent([...customInfo(info), ...gateBody(gate, dividerIds)]), `</${element}>`];
}

/**
 * Writes the strategy as a Gating-ML 2.0 document. Gating-ML ids are document-wide: colliding transform, matrix, gate
 * or quadrant ids throw GatingStrategyError; a divider id used elsewhere is written as "gateId:dividerId" (and
 * restored from custom_info on import).
 */
export function writeGatingMl(strategy: GatingStrategy): string {
  checkStrategy(strategy);
  const ids = new Set<string>();
  const definitionIds = [...Object.keys(strategy.transforms), ...Object.keys(strategy.ratios), ...Object.keys(strategy.compensations)];
  const populationIds = strategy.gates.flatMap((g) => [g.id, ...(g.kind === 'quadrant' ? g.quadrants.map((q) => q.id) : [])]);
  for (const id of [...definitionIds, ...populationIds]) {
    if (ids.has(id)) throw new GatingStrategyError(`id "${id}"`, 'is used twice; Gating-ML needs every transform, matrix, gate and quadrant id to be distinct');
    ids.add(id);
  }
  const dividerIds = new Map<QuadrantDivider, string>();
  const dividers = strategy.gates.flatMap((g) => (g.kind === 'quadrant' ? g.dividers.map((d) => [g.id, d] as const) : []));
  const uses = new Map<string, number>();
  for (const [, d] of dividers) uses.set(d.id, (uses.get(d.id) ?? 0) + 1);
  for (const [gateId, d] of dividers) {
    const id = ids.has(d.id) || (uses.get(d.id) ?? 0) > 1 ? `${gateId}:${d.id}` : d.id;
    if (ids.has(id)) throw new GatingStrategyError(`divider "${d.id}" of gate "${gateId}"`, `cannot be given a distinct Gating-ML id ("${id}" is taken)`);
    ids.add(id);
    dividerIds.set(d, id);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gating:Gating-ML${attributes([['xmlns:gating', GATING_NAMESPACE], ['xmlns:transforms', TRANSFORMS_NAMESPACE], ['xmlns:data-type', DATATYPE_NAMESPACE], ['xmlns:flowfate', FLOWFATE_NAMESPACE]])}>`,
    ...indent([
      ...Object.entries(strategy.transforms).flatMap(([id, t]) => [
        `<transforms:transformation${attributes([['transforms:id', id]])}>`,
        ...indent([...customInfo(flowFateTransform(t)), standardTransform(t)]),
        '</transforms:transformation>',
      ]),
      ...Object.entries(strategy.ratios).flatMap(([id, r]) => [
        `<transforms:transformation${attributes([['transforms:id', id]])}>`,
        `  <transforms:fratio${attributes([['transforms:A', r.A], ['transforms:B', r.B], ['transforms:C', r.C]])}>`,
        ...[r.numerator, r.denominator].map((name) => `    <data-type:fcs-dimension${attributes([['data-type:name', name]])} />`),
        '  </transforms:fratio>',
        '</transforms:transformation>',
      ]),
      ...Object.entries(strategy.compensations).flatMap(([id, m]) => [
        `<transforms:spectrumMatrix${attributes([['transforms:id', id]])}>`,
        ...indent([
          ...(['fluorochromes', 'detectors'] as const).flatMap((list) => [
            `<transforms:${list}>`,
            ...m[list].map((name) => `  <data-type:fcs-dimension${attributes([['data-type:name', name]])} />`),
            `</transforms:${list}>`,
          ]),
          ...m.coefficients.flatMap((row) => ['<transforms:spectrum>', ...row.map((v) => `  <transforms:coefficient${attributes([['transforms:value', v]])} />`), '</transforms:spectrum>']),
        ]),
        '</transforms:spectrumMatrix>',
      ]),
      ...strategy.gates.flatMap((gate) => gateElement(gate, dividerIds)),
    ]),
    '</gating:Gating-ML>',
  ];
  return `${lines.join('\n')}\n`;
}
