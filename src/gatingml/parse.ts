/**
 * Gating-ML 2.0 (Spidlen et al., Cytometry A 2015;87:683) → GatingStrategy. Reads gates, transformations
 * (flin, flog, fasinh, logicle, hyperlog, fratio) and spectrumMatrix compensations, plus the FlowFate extension in
 * custom_info (names, and the biex/arcsinh transforms that export as their Gating-ML equivalents). Throws
 * GatingStrategyError naming the element at fault.
 */
import { invertMatrix } from '../compensation/matrix.ts';
import type { SpectrumMatrix } from '../compensation/types.ts';
import { checkStrategy } from '../gating/strategy.ts';
import {
  type BooleanGate,
  type Dimension,
  type Gate,
  GATING_STRATEGY_VERSION,
  type GatingStrategy,
  GatingStrategyError,
  type QuadrantGate,
} from '../gating/types.ts';
import type { RatioDefinition, Transform } from '../transforms/types.ts';
import {
  attribute,
  children,
  numberAttribute,
  optionalNumberAttribute,
  parseNumber,
  parseXmlDocument,
  requireAttribute,
  type XmlElement,
} from './xml.ts';

const GATE_ELEMENTS = new Set(['RectangleGate', 'PolygonGate', 'EllipsoidGate', 'QuadrantGate', 'BooleanGate']);

export function parseGatingMl(xml: string): GatingStrategy {
  const strategy: GatingStrategy = { version: GATING_STRATEGY_VERSION, transforms: {}, ratios: {}, compensations: {}, gates: [] };
  collectDefinitions(parseXmlDocument(xml), strategy);
  checkStrategy(strategy);
  return strategy;
}

/** Reads the definitions below `element` in document order; unknown wrappers (FlowKit's test files nest gates in <sample>) are searched. */
function collectDefinitions(element: XmlElement, strategy: GatingStrategy): void {
  for (const child of element.children) {
    if (child.name === 'transformation') readTransformation(child, strategy);
    else if (child.name === 'spectrumMatrix') readSpectrumMatrix(child, strategy);
    else if (GATE_ELEMENTS.has(child.name)) strategy.gates.push(readGate(child.name, child));
    else if (child.name !== 'custom_info') collectDefinitions(child, strategy);
  }
}

/** FlowFate's own elements inside <data-type:custom_info>. */
function extension(element: XmlElement, name: string): XmlElement[] {
  return children(element, 'custom_info').flatMap((info) => children(info, name));
}

function readTransformation(element: XmlElement, strategy: GatingStrategy): void {
  const id = requireAttribute(element, 'id', 'Gating-ML transformation');
  const where = `Gating-ML transformation "${id}"`;
  if (Object.hasOwn(strategy.transforms, id) || Object.hasOwn(strategy.ratios, id)) throw new GatingStrategyError(where, 'id is defined twice');
  const bodies = element.children.filter((c) => c.name !== 'custom_info');
  if (bodies.length !== 1) throw new GatingStrategyError(where, `expected one transformation element, found ${bodies.map((b) => b.name).join(', ') || 'none'}`);
  const [body] = bodies;
  const kind = body.name;
  const number = (name: string) => numberAttribute(body, name, where);
  if (kind === 'fratio') {
    const operands = children(body, 'fcs-dimension').map((d) => requireAttribute(d, 'name', where));
    if (operands.length !== 2) throw new GatingStrategyError(where, `fratio needs 2 fcs-dimensions, found ${operands.length}`);
    const ratio: RatioDefinition = { numerator: operands[0], denominator: operands[1], A: number('A'), B: number('B'), C: number('C') };
    strategy.ratios[id] = ratio;
    return;
  }
  const [own] = extension(element, 'transform');
  strategy.transforms[id] = own ? readFlowFateTransform(own, where) : readStandardTransform(kind, number, where);
}

function readStandardTransform(kind: string, number: (name: string) => number, where: string): Transform {
  switch (kind) {
    case 'flin':
      return { kind: 'linear', T: number('T'), A: number('A') };
    case 'flog':
      return { kind: 'log', T: number('T'), M: number('M') };
    case 'fasinh':
      return { kind: 'asinh', T: number('T'), M: number('M'), A: number('A') };
    case 'logicle':
      return { kind: 'logicle', T: number('T'), W: number('W'), M: number('M'), A: number('A') };
    case 'hyperlog':
      return { kind: 'hyperlog', T: number('T'), W: number('W'), M: number('M'), A: number('A') };
    default:
      throw new GatingStrategyError(where, `unsupported transformation "${kind}"`);
  }
}

function readFlowFateTransform(element: XmlElement, where: string): Transform {
  const number = (name: string) => numberAttribute(element, name, `${where} (FlowFate extension)`);
  const kind = attribute(element, 'kind');
  if (kind === 'biex') {
    return { kind: 'biex', maxValue: number('maxValue'), positiveDecades: number('positiveDecades'), negativeDecades: number('negativeDecades'), widthBasis: number('widthBasis') };
  }
  if (kind === 'arcsinh') return { kind: 'arcsinh', cofactor: number('cofactor') };
  throw new GatingStrategyError(where, `unknown FlowFate transform kind "${kind ?? ''}"`);
}

function readSpectrumMatrix(element: XmlElement, strategy: GatingStrategy): void {
  const id = requireAttribute(element, 'id', 'Gating-ML spectrumMatrix');
  const where = `Gating-ML spectrumMatrix "${id}"`;
  if (Object.hasOwn(strategy.compensations, id)) throw new GatingStrategyError(where, 'id is defined twice');
  const names = (list: string) =>
    children(element, list)
      .flatMap((l) => children(l, 'fcs-dimension'))
      .map((d) => requireAttribute(d, 'name', `${where} ${list}`));
  const rows = children(element, 'spectrum').map((spectrum, i) =>
    children(spectrum, 'coefficient').map((c) => numberAttribute(c, 'value', `${where} spectrum ${i + 1}`)),
  );
  const matrix: SpectrumMatrix = { fluorochromes: names('fluorochromes'), detectors: names('detectors'), coefficients: rows };
  // matrix-inverted-already="true" stores S⁻¹; keep the spectrum itself so that every matrix means the same thing.
  if (attribute(element, 'matrix-inverted-already') === 'true') matrix.coefficients = invertMatrix(rows, where);
  strategy.compensations[id] = matrix;
}

function readDimension(element: XmlElement, where: string): Dimension {
  const compensation = requireAttribute(element, 'compensation-ref', where);
  const transform = attribute(element, 'transformation-ref')?.trim() || null;
  const [channel] = children(element, 'fcs-dimension');
  const [derived] = children(element, 'new-dimension');
  if (channel) return { source: { kind: 'channel', name: requireAttribute(channel, 'name', where) }, compensation, transform };
  if (derived) return { source: { kind: 'ratio', ratioId: requireAttribute(derived, 'transformation-ref', where) }, compensation, transform };
  throw new GatingStrategyError(where, 'needs an fcs-dimension or a new-dimension');
}

function readGate(kind: string, element: XmlElement): Gate {
  const id = requireAttribute(element, 'id', `Gating-ML ${kind}`);
  const where = `Gating-ML ${kind} "${id}"`;
  const names = new Map(extension(element, 'population').map((p) => [attribute(p, 'id') ?? '', attribute(p, 'name') ?? '']));
  const common = { id, name: names.get(id) || attribute(element, 'name') || id, parentId: attribute(element, 'parent_id')?.trim() || null };
  const dimensions = () => children(element, 'dimension').map((d, i) => readDimension(d, `${where} dimension ${i + 1}`));
  switch (kind) {
    case 'RectangleGate':
      return {
        ...common,
        kind: 'rectangle',
        bounds: children(element, 'dimension').map((d, i) => {
          const at = `${where} dimension ${i + 1}`;
          return { dimension: readDimension(d, at), min: optionalNumberAttribute(d, 'min', at), max: optionalNumberAttribute(d, 'max', at) };
        }),
      };
    case 'PolygonGate': {
      const dims = dimensions();
      if (dims.length !== 2) throw new GatingStrategyError(where, `a polygon needs 2 dimensions, found ${dims.length}`);
      const vertices = children(element, 'vertex').map((vertex, i) => {
        const coordinates = children(vertex, 'coordinate').map((c) => numberAttribute(c, 'value', `${where} vertex ${i + 1}`));
        if (coordinates.length !== 2) throw new GatingStrategyError(`${where} vertex ${i + 1}`, `needs 2 coordinates, found ${coordinates.length}`);
        return [coordinates[0], coordinates[1]] as [number, number];
      });
      return { ...common, kind: 'polygon', dimensions: [dims[0], dims[1]], vertices };
    }
    case 'EllipsoidGate': {
      const [mean] = children(element, 'mean');
      const [covariance] = children(element, 'covarianceMatrix');
      const [distance] = children(element, 'distanceSquare');
      if (!mean || !covariance || !distance) throw new GatingStrategyError(where, 'needs mean, covarianceMatrix and distanceSquare');
      return {
        ...common,
        kind: 'ellipsoid',
        dimensions: dimensions(),
        mean: children(mean, 'coordinate').map((c) => numberAttribute(c, 'value', `${where} mean`)),
        covariance: children(covariance, 'row').map((row) => children(row, 'entry').map((e) => numberAttribute(e, 'value', `${where} covarianceMatrix`))),
        distanceSquare: numberAttribute(distance, 'value', `${where} distanceSquare`),
      };
    }
    case 'QuadrantGate':
      return readQuadrantGate(element, common, names, where);
    case 'BooleanGate':
      return readBooleanGate(element, common, where);
    default:
      throw new GatingStrategyError(where, 'unknown gate type');
  }
}

function readQuadrantGate(element: XmlElement, common: Pick<Gate, 'id' | 'name' | 'parentId'>, names: Map<string, string>, where: string): QuadrantGate {
  const dividers = children(element, 'divider').map((d, i) => {
    const at = `${where} divider ${i + 1}`;
    const values = children(d, 'value').map((v) => parseNumber(v.text, at, 'value'));
    return { id: requireAttribute(d, 'id', at), dimension: readDimension(d, at), values: values.toSorted((a, b) => a - b) };
  });
  // FlowFate writes a divider id that is not unique in the document as "gate:divider" and keeps the original here.
  const ownDividerIds = new Map(extension(element, 'divider').map((d) => [attribute(d, 'ref') ?? '', attribute(d, 'id') ?? '']));
  const quadrants = children(element, 'Quadrant').map((q, i) => {
    const id = requireAttribute(q, 'id', `${where} Quadrant ${i + 1}`);
    const at = `${where} Quadrant "${id}"`;
    const positions = children(q, 'position').map((p) => {
      const dividerId = requireAttribute(p, 'divider_ref', at);
      const divider = dividers.find((d) => d.id === dividerId);
      if (!divider) throw new GatingStrategyError(at, `divider_ref "${dividerId}" is not a divider of this gate`);
      // The quadrant covers the divider interval that contains its location point (FlowKit's reading).
      const location = numberAttribute(p, 'location', at);
      return { dividerId: ownDividerIds.get(dividerId) || dividerId, interval: divider.values.filter((v) => v <= location).length };
    });
    return { id, name: names.get(id) || attribute(q, 'name') || id, positions };
  });
  return { ...common, kind: 'quadrant', dividers: dividers.map((d) => ({ ...d, id: ownDividerIds.get(d.id) || d.id })), quadrants };
}

function readBooleanGate(element: XmlElement, common: Pick<Gate, 'id' | 'name' | 'parentId'>, where: string): BooleanGate {
  const operators = (['and', 'or', 'not'] as const).filter((op) => children(element, op).length > 0);
  if (operators.length !== 1) throw new GatingStrategyError(where, 'needs exactly one of and, or, not');
  const [operator] = operators;
  const operands = children(children(element, operator)[0], 'gateReference').map((reference) => ({
    populationId: requireAttribute(reference, 'ref', where),
    complement: attribute(reference, 'use-as-complement')?.trim() === 'true',
  }));
  return { ...common, kind: 'boolean', operator, operands };
}
