/** Meaning-level checks of a gating strategy and its population tree, shared by JSON templates and Gating-ML import. */
import { checkSpectrumMatrix } from '../compensation/compensate.ts';
import { compileTransform } from '../transforms/transform.ts';
import { type Dimension, type Gate, type GatingStrategy, GatingStrategyError, type Population, type PopulationId } from './types.ts';

/** Quadrant gates are split by cell bitmask in one pass (regions.ts), which caps their size. */
const MAX_QUADRANTS = 32;
const MAX_QUADRANT_CELLS = 1 << 16;

/** The population each id names: a non-quadrant gate, or a quadrant of a quadrant gate. */
export function populationGates(strategy: GatingStrategy): Map<PopulationId, Gate> {
  const byPopulation = new Map<PopulationId, Gate>();
  for (const gate of strategy.gates) {
    if (gate.kind === 'quadrant') for (const quadrant of gate.quadrants) byPopulation.set(quadrant.id, gate);
    else byPopulation.set(gate.id, gate);
  }
  return byPopulation;
}

/** The dimensions a gate reads (none for a Boolean gate: its operands' own gates read theirs). */
export function gateDimensions(gate: Gate): Dimension[] {
  switch (gate.kind) {
    case 'rectangle':
      return gate.bounds.map((b) => b.dimension);
    case 'polygon':
    case 'ellipsoid':
      return gate.dimensions;
    case 'quadrant':
      return gate.dividers.map((d) => d.dimension);
    case 'boolean':
      return [];
    default: {
      const unknown: never = gate;
      throw new GatingStrategyError(`gate ${JSON.stringify(unknown)}`, 'unknown gate kind');
    }
  }
}

/** Populations of the strategy, parents (and Boolean operands) before the populations that use them. */
export function listPopulations(strategy: GatingStrategy): Population[] {
  return orderGates(strategy).flatMap((gate): Population[] =>
    gate.kind === 'quadrant'
      ? gate.quadrants.map((q) => ({ id: q.id, name: q.name, parentId: gate.parentId, gateId: gate.id }))
      : [{ id: gate.id, name: gate.name, parentId: gate.parentId, gateId: gate.id }],
  );
}

/** Gates in dependency order; throws GatingStrategyError on unknown references and cycles. */
export function orderGates(strategy: GatingStrategy): Gate[] {
  const byPopulation = populationGates(strategy);
  const quadrantGateIds = new Set(strategy.gates.filter((g) => g.kind === 'quadrant').map((g) => g.id));
  const state = new Map<Gate, 'visiting' | 'done'>();
  const ordered: Gate[] = [];
  const resolve = (id: PopulationId, from: Gate, role: string): Gate => {
    const target = byPopulation.get(id);
    if (target) return target;
    const hint = quadrantGateIds.has(id) ? ' — it is a quadrant gate; refer to one of its quadrants' : '';
    throw new GatingStrategyError(`gate "${from.id}"`, `${role} "${id}" is not a population of this strategy${hint}`);
  };
  const visit = (gate: Gate, path: Gate[]): void => {
    const seen = state.get(gate);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(gate)), gate].map((g) => `"${g.id}"`).join(' → ');
      throw new GatingStrategyError(`gate "${gate.id}"`, `depends on itself: ${cycle}`);
    }
    state.set(gate, 'visiting');
    if (gate.parentId !== null) visit(resolve(gate.parentId, gate, 'parent'), [...path, gate]);
    if (gate.kind === 'boolean') for (const operand of gate.operands) visit(resolve(operand.populationId, gate, 'operand'), [...path, gate]);
    state.set(gate, 'done');
    ordered.push(gate);
  };
  for (const gate of strategy.gates) visit(gate, []);
  return ordered;
}

/** Throws GatingStrategyError, naming where and what, unless the strategy can be evaluated on a file with its channels. */
export function checkStrategy(strategy: GatingStrategy): void {
  for (const [id, transform] of Object.entries(strategy.transforms)) {
    try {
      compileTransform(transform);
    } catch (error) {
      throw new GatingStrategyError(`transform "${id}"`, error instanceof Error ? error.message : String(error));
    }
  }
  for (const [id, ratio] of Object.entries(strategy.ratios)) {
    if (!ratio.numerator || !ratio.denominator) throw new GatingStrategyError(`ratio "${id}"`, 'needs a numerator and a denominator channel');
    if (![ratio.A, ratio.B, ratio.C].every(Number.isFinite)) throw new GatingStrategyError(`ratio "${id}"`, 'A, B and C must be finite numbers');
  }
  for (const [id, matrix] of Object.entries(strategy.compensations)) {
    if (id === 'FCS' || id === 'uncompensated') throw new GatingStrategyError(`compensation "${id}"`, 'this id is reserved');
    checkSpectrumMatrix(matrix, `compensation "${id}"`);
  }
  const ids = new Set<string>();
  const claim = (id: string, where: string) => {
    if (!id) throw new GatingStrategyError(where, 'has an empty id');
    if (ids.has(id)) throw new GatingStrategyError(where, `id "${id}" is used twice`);
    ids.add(id);
  };
  for (const gate of strategy.gates) {
    claim(gate.id, `gate "${gate.id}"`);
    if (gate.kind === 'quadrant') for (const q of gate.quadrants) claim(q.id, `quadrant "${q.id}" of gate "${gate.id}"`);
    checkGate(gate, strategy);
  }
  orderGates(strategy);
}

function checkDimension(dimension: Dimension, strategy: GatingStrategy, where: string): void {
  const { source, compensation, transform } = dimension;
  if (source.kind === 'channel' && !source.name) throw new GatingStrategyError(where, 'has no channel name');
  if (source.kind === 'ratio' && !Object.hasOwn(strategy.ratios, source.ratioId)) throw new GatingStrategyError(where, `ratio "${source.ratioId}" is not defined`);
  if (compensation !== 'uncompensated' && compensation !== 'FCS' && !Object.hasOwn(strategy.compensations, compensation)) {
    throw new GatingStrategyError(where, `compensation "${compensation}" is not defined (use "uncompensated", "FCS" or a matrix id)`);
  }
  if (transform !== null && !Object.hasOwn(strategy.transforms, transform)) throw new GatingStrategyError(where, `transform "${transform}" is not defined`);
}

function requireFinite(values: readonly number[], where: string, what: string): void {
  if (!values.every(Number.isFinite)) throw new GatingStrategyError(where, `${what} must be finite numbers`);
}

function checkGate(gate: Gate, strategy: GatingStrategy): void {
  const where = `gate "${gate.id}"`;
  switch (gate.kind) {
    case 'rectangle':
      if (gate.bounds.length === 0) throw new GatingStrategyError(where, 'a rectangle needs at least one dimension');
      gate.bounds.forEach((bound, d) => {
        checkDimension(bound.dimension, strategy, `${where} dimension ${d + 1}`);
        if (bound.min === null && bound.max === null) throw new GatingStrategyError(`${where} dimension ${d + 1}`, 'needs a min, a max or both');
        requireFinite([bound.min ?? 0, bound.max ?? 0], `${where} dimension ${d + 1}`, 'min and max');
      });
      return;
    case 'polygon':
      gate.dimensions.forEach((dimension, d) => checkDimension(dimension, strategy, `${where} dimension ${d + 1}`));
      if (gate.vertices.length < 3) throw new GatingStrategyError(where, `a polygon needs at least 3 vertices, got ${gate.vertices.length}`);
      requireFinite(gate.vertices.flat(), where, 'vertex coordinates');
      return;
    case 'ellipsoid': {
      const n = gate.dimensions.length;
      if (n < 2) throw new GatingStrategyError(where, 'an ellipsoid needs at least 2 dimensions');
      gate.dimensions.forEach((dimension, d) => checkDimension(dimension, strategy, `${where} dimension ${d + 1}`));
      if (gate.mean.length !== n) throw new GatingStrategyError(where, `mean has ${gate.mean.length} coordinates for ${n} dimensions`);
      if (gate.covariance.length !== n || gate.covariance.some((row) => row.length !== n)) {
        throw new GatingStrategyError(where, `covariance matrix must be ${n}×${n}`);
      }
      requireFinite([...gate.mean, ...gate.covariance.flat(), gate.distanceSquare], where, 'mean, covariance and distanceSquare');
      if (!(gate.distanceSquare > 0)) throw new GatingStrategyError(where, 'distanceSquare must be positive');
      return;
    }
    case 'quadrant':
      checkQuadrantGate(gate, strategy, where);
      return;
    case 'boolean':
      if (gate.operator === 'not' ? gate.operands.length !== 1 : gate.operands.length < 2) {
        throw new GatingStrategyError(where, `"${gate.operator}" takes ${gate.operator === 'not' ? 'exactly one operand' : 'two or more operands'}, got ${gate.operands.length}`);
      }
      return;
    default: {
      const unknown: never = gate;
      throw new GatingStrategyError(where, `unknown gate kind in ${JSON.stringify(unknown)}`);
    }
  }
}

function checkQuadrantGate(gate: Extract<Gate, { kind: 'quadrant' }>, strategy: GatingStrategy, where: string): void {
  if (gate.dividers.length === 0) throw new GatingStrategyError(where, 'a quadrant gate needs at least one divider');
  if (gate.quadrants.length === 0 || gate.quadrants.length > MAX_QUADRANTS) {
    throw new GatingStrategyError(where, `a quadrant gate needs 1 to ${MAX_QUADRANTS} quadrants, got ${gate.quadrants.length}`);
  }
  const dividers = new Map(gate.dividers.map((d) => [d.id, d]));
  if (dividers.size !== gate.dividers.length) throw new GatingStrategyError(where, 'divider ids must be distinct');
  let cells = 1;
  for (const divider of gate.dividers) {
    const at = `${where} divider "${divider.id}"`;
    checkDimension(divider.dimension, strategy, at);
    if (divider.values.length === 0) throw new GatingStrategyError(at, 'needs at least one value');
    requireFinite(divider.values, at, 'values');
    if (divider.values.some((v, k) => k > 0 && !(v > divider.values[k - 1]))) throw new GatingStrategyError(at, 'values must be strictly ascending');
    cells *= divider.values.length + 1;
  }
  if (cells > MAX_QUADRANT_CELLS) throw new GatingStrategyError(where, `dividers make ${cells} cells, more than ${MAX_QUADRANT_CELLS}`);
  for (const quadrant of gate.quadrants) {
    const at = `${where} quadrant "${quadrant.id}"`;
    if (quadrant.positions.length === 0) throw new GatingStrategyError(at, 'needs at least one position');
    const used = new Set<string>();
    for (const { dividerId, interval } of quadrant.positions) {
      const divider = dividers.get(dividerId);
      if (!divider) throw new GatingStrategyError(at, `divider "${dividerId}" is not a divider of this gate`);
      if (used.has(dividerId)) throw new GatingStrategyError(at, `divider "${dividerId}" is used twice`);
      used.add(dividerId);
      if (!Number.isInteger(interval) || interval < 0 || interval > divider.values.length) {
        throw new GatingStrategyError(at, `interval ${interval} of divider "${dividerId}" must be an integer from 0 to ${divider.values.length}`);
      }
    }
  }
}
