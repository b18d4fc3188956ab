/**
 * FlowFate template / workspace JSON ⇄ GatingStrategy. The parser checks every field's shape (naming its JSON path),
 * then the strategy's meaning (checkStrategy), so anything it returns can be evaluated. Unknown fields are ignored.
 */
import type { SpectrumMatrix } from '../compensation/types.ts';
import type { RatioDefinition, Transform } from '../transforms/types.ts';
import { checkStrategy } from './strategy.ts';
import {
  type BooleanOperand,
  type Dimension,
  type Gate,
  GATING_STRATEGY_VERSION,
  type GatingStrategy,
  GatingStrategyError,
  type Quadrant,
  type QuadrantDivider,
} from './types.ts';

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new GatingStrategyError(path, 'expected an object');
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new GatingStrategyError(path, 'expected an array');
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new GatingStrategyError(path, 'expected a string');
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new GatingStrategyError(path, 'expected a finite number');
  return value;
}

function numberOrNull(value: unknown, path: string): number | null {
  return value === null || value === undefined ? null : number(value, path);
}

function stringOrNull(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new GatingStrategyError(path, `expected one of ${options.map((o) => `"${o}"`).join(', ')}`);
  }
  return value as T;
}

function numbers(value: unknown, path: string): number[] {
  return array(value, path).map((v, i) => number(v, `${path}[${i}]`));
}

function record<T>(value: unknown, path: string, read: (entry: unknown, path: string) => T): Record<string, T> {
  const entries = Object.entries(object(value ?? {}, path));
  return Object.fromEntries(entries.map(([key, entry]) => [key, read(entry, `${path}.${key}`)]));
}

function readTransform(value: unknown, path: string): Transform {
  const t = object(value, path);
  const n = (key: string) => number(t[key], `${path}.${key}`);
  const kind = oneOf(t.kind, `${path}.kind`, ['linear', 'log', 'asinh', 'logicle', 'hyperlog', 'arcsinh', 'biex'] as const);
  switch (kind) {
    case 'linear':
      return { kind, T: n('T'), A: n('A') };
    case 'log':
      return { kind, T: n('T'), M: n('M') };
    case 'asinh':
      return { kind, T: n('T'), M: n('M'), A: n('A') };
    case 'logicle':
    case 'hyperlog':
      return { kind, T: n('T'), W: n('W'), M: n('M'), A: n('A') };
    case 'arcsinh':
      return { kind, cofactor: n('cofactor') };
    case 'biex':
      return { kind, maxValue: n('maxValue'), positiveDecades: n('positiveDecades'), negativeDecades: n('negativeDecades'), widthBasis: n('widthBasis') };
    default: {
      const unknown: never = kind;
      throw new GatingStrategyError(path, `unknown transform kind ${String(unknown)}`);
    }
  }
}

function readRatio(value: unknown, path: string): RatioDefinition {
  const r = object(value, path);
  return {
    numerator: string(r.numerator, `${path}.numerator`),
    denominator: string(r.denominator, `${path}.denominator`),
    A: number(r.A, `${path}.A`),
    B: number(r.B, `${path}.B`),
    C: number(r.C, `${path}.C`),
  };
}

function readMatrix(value: unknown, path: string): SpectrumMatrix {
  const m = object(value, path);
  return {
    fluorochromes: array(m.fluorochromes, `${path}.fluorochromes`).map((v, i) => string(v, `${path}.fluorochromes[${i}]`)),
    detectors: array(m.detectors, `${path}.detectors`).map((v, i) => string(v, `${path}.detectors[${i}]`)),
    coefficients: array(m.coefficients, `${path}.coefficients`).map((row, i) => numbers(row, `${path}.coefficients[${i}]`)),
  };
}

function readDimension(value: unknown, path: string): Dimension {
  const d = object(value, path);
  const source = object(d.source, `${path}.source`);
  const kind = oneOf(source.kind, `${path}.source.kind`, ['channel', 'ratio'] as const);
  return {
    source: kind === 'channel' ? { kind, name: string(source.name, `${path}.source.name`) } : { kind, ratioId: string(source.ratioId, `${path}.source.ratioId`) },
    compensation: string(d.compensation, `${path}.compensation`),
    transform: stringOrNull(d.transform, `${path}.transform`),
  };
}

function readGate(value: unknown, path: string): Gate {
  const g = object(value, path);
  const common = { id: string(g.id, `${path}.id`), name: string(g.name ?? g.id, `${path}.name`), parentId: stringOrNull(g.parentId, `${path}.parentId`) };
  const kind = oneOf(g.kind, `${path}.kind`, ['rectangle', 'polygon', 'ellipsoid', 'quadrant', 'boolean'] as const);
  const dimensions = () => array(g.dimensions, `${path}.dimensions`).map((d, i) => readDimension(d, `${path}.dimensions[${i}]`));
  switch (kind) {
    case 'rectangle':
      return {
        ...common,
        kind,
        bounds: array(g.bounds, `${path}.bounds`).map((b, i) => {
          const at = `${path}.bounds[${i}]`;
          const bound = object(b, at);
          return { dimension: readDimension(bound.dimension, `${at}.dimension`), min: numberOrNull(bound.min, `${at}.min`), max: numberOrNull(bound.max, `${at}.max`) };
        }),
      };
    case 'polygon': {
      const dims = dimensions();
      if (dims.length !== 2) throw new GatingStrategyError(`${path}.dimensions`, `a polygon needs 2 dimensions, got ${dims.length}`);
      const vertices = array(g.vertices, `${path}.vertices`).map((v, i) => {
        const xy = numbers(v, `${path}.vertices[${i}]`);
        if (xy.length !== 2) throw new GatingStrategyError(`${path}.vertices[${i}]`, 'expected [x, y]');
        return [xy[0], xy[1]] as [number, number];
      });
      return { ...common, kind, dimensions: [dims[0], dims[1]], vertices };
    }
    case 'ellipsoid':
      return {
        ...common,
        kind,
        dimensions: dimensions(),
        mean: numbers(g.mean, `${path}.mean`),
        covariance: array(g.covariance, `${path}.covariance`).map((row, i) => numbers(row, `${path}.covariance[${i}]`)),
        distanceSquare: number(g.distanceSquare, `${path}.distanceSquare`),
      };
    case 'quadrant':
      return {
        ...common,
        kind,
        dividers: array(g.dividers, `${path}.dividers`).map((d, i): QuadrantDivider => {
          const at = `${path}.dividers[${i}]`;
          const divider = object(d, at);
          return { id: string(divider.id, `${at}.id`), dimension: readDimension(divider.dimension, `${at}.dimension`), values: numbers(divider.values, `${at}.values`) };
        }),
        quadrants: array(g.quadrants, `${path}.quadrants`).map((q, i): Quadrant => {
          const at = `${path}.quadrants[${i}]`;
          const quadrant = object(q, at);
          const positions = array(quadrant.positions, `${at}.positions`).map((p, k) => {
            const position = object(p, `${at}.positions[${k}]`);
            return { dividerId: string(position.dividerId, `${at}.positions[${k}].dividerId`), interval: number(position.interval, `${at}.positions[${k}].interval`) };
          });
          return { id: string(quadrant.id, `${at}.id`), name: string(quadrant.name ?? quadrant.id, `${at}.name`), positions };
        }),
      };
    case 'boolean':
      return {
        ...common,
        kind,
        operator: oneOf(g.operator, `${path}.operator`, ['and', 'or', 'not'] as const),
        operands: array(g.operands, `${path}.operands`).map((o, i): BooleanOperand => {
          const operand = object(o, `${path}.operands[${i}]`);
          return { populationId: string(operand.populationId, `${path}.operands[${i}].populationId`), complement: operand.complement === true };
        }),
      };
    default: {
      const unknown: never = kind;
      throw new GatingStrategyError(path, `unknown gate kind ${String(unknown)}`);
    }
  }
}

/** Parses FlowFate strategy JSON (text or an already-parsed value); throws GatingStrategyError with the JSON path at fault. */
export function parseGatingStrategy(input: unknown): GatingStrategy {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new GatingStrategyError('template', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const root = object(value, 'template');
  if (root.version !== GATING_STRATEGY_VERSION) {
    throw new GatingStrategyError('template.version', `this FlowFate reads gating strategy version ${GATING_STRATEGY_VERSION}, got ${JSON.stringify(root.version)}`);
  }
  const strategy: GatingStrategy = {
    version: GATING_STRATEGY_VERSION,
    transforms: record(root.transforms, 'template.transforms', readTransform),
    ratios: record(root.ratios, 'template.ratios', readRatio),
    compensations: record(root.compensations, 'template.compensations', readMatrix),
    gates: array(root.gates, 'template.gates').map((g, i) => readGate(g, `template.gates[${i}]`)),
  };
  checkStrategy(strategy);
  return strategy;
}

/** The strategy as FlowFate template JSON (stable key order, two-space indent). */
export function stringifyGatingStrategy(strategy: GatingStrategy): string {
  return `${JSON.stringify(strategy, null, 2)}\n`;
}
