/**
 * An experiment's gating: one template applied to every sample, plus per-sample tailored gates that replace a
 * template gate of the same id (FlowJo's "special" gates, FlowKit's custom sample gates). Tailored gates are
 * flagged wherever results are shown or exported. A root gate may be scoped to one assay, so the apoptosis tree
 * applies to Annexin V/PI tubes and the cell-cycle tree to PI-DNA tubes of the same experiment (FlowJo's groups).
 */
import type { Gate, GateId, GatingStrategy } from '../gating/types.ts';
import { emptyStrategy } from './sampleSession.ts';
import type { Assay } from './sampleSheet.ts';

/** How a gate is drawn; kept beside the strategy because it never changes a count. */
export interface GateAppearance {
  /** CSS colour of the outline and label. */
  colour: string;
}

export interface GatingDocument {
  template: GatingStrategy;
  /** Root gate id → the assay whose samples it (with everything gated below it) applies to; other roots apply to all. */
  scopes?: Record<GateId, Assay>;
  /** sample id → gate id → the sample's own version of that gate. */
  overrides: Record<string, Record<GateId, Gate>>;
  /** gate id → how it is drawn; gates without an entry use a default colour. */
  appearance?: Record<GateId, GateAppearance>;
}

export function emptyGatingDocument(): GatingDocument {
  return { template: emptyStrategy(), overrides: {} };
}

/**
 * The strategy one sample is gated with: the template's gates that apply to its assay (unscoped ones, and those
 * scoped to `assay`), with that sample's tailored gates in place.
 */
export function strategyForSample(document: GatingDocument, sampleId: string, assay: Assay | null): GatingStrategy {
  const overrides = document.overrides[sampleId];
  const scopes = document.scopes ?? {};
  const roots = Object.keys(scopes).length > 0 ? rootGates(document.template) : null;
  const applies = (gate: Gate) => {
    const scope = roots ? scopes[roots.get(gate.id) ?? gate.id] : undefined;
    return scope === undefined || scope === assay;
  };
  if (!overrides && !roots) return document.template;
  return { ...document.template, gates: document.template.gates.filter(applies).map((gate) => overrides?.[gate.id] ?? gate) };
}

/** Gate id → the id of the root gate (no parent) it descends from. */
function rootGates(template: GatingStrategy): Map<GateId, GateId> {
  const gateOfPopulation = new Map<string, Gate>();
  for (const gate of template.gates) for (const id of populationsOf(gate)) gateOfPopulation.set(id, gate);
  const roots = new Map<GateId, GateId>();
  const rootOf = (gate: Gate, depth: number): GateId => {
    const known = roots.get(gate.id);
    if (known !== undefined) return known;
    const parent = gate.parentId === null ? undefined : gateOfPopulation.get(gate.parentId);
    // A missing parent or a cycle is the evaluator's to report; the gate counts as its own root here.
    const root = parent && depth < template.gates.length ? rootOf(parent, depth + 1) : gate.id;
    roots.set(gate.id, root);
    return root;
  };
  for (const gate of template.gates) rootOf(gate, 0);
  return roots;
}

/**
 * Replaces everything scoped to `assay` by a new tree (e.g. the gates the apoptosis analysis suggested): its root
 * gates are scoped to the assay, its matrices and transforms join the template, and `perSample` gives each sample's
 * tailored versions of the new gates (e.g. pre-gates fitted to that sample's own scatter).
 */
export function setAssayGates(
  document: GatingDocument,
  assay: Assay,
  tree: Pick<GatingStrategy, 'gates' | 'transforms' | 'compensations'>,
  perSample: Record<string, Record<GateId, Gate>> = {},
): GatingDocument {
  const scopes = document.scopes ?? {};
  const oldRoots = Object.keys(scopes).filter((id) => scopes[id] === assay);
  const cleared = oldRoots.reduce((doc, id) => removeGate(doc, id), document);
  const newIds = new Set(tree.gates.map((g) => g.id));
  const clash = cleared.template.gates.find((g) => newIds.has(g.id));
  if (clash) throw new RangeError(`gate id "${clash.id}" is already used outside the ${assay} gates`);
  const remainingScopes = Object.fromEntries(Object.entries(cleared.scopes ?? {}).filter(([, scope]) => scope !== assay));
  const newRoots = tree.gates.filter((g) => g.parentId === null).map((g) => [g.id, assay] as const);
  const overrides = { ...cleared.overrides };
  for (const [sampleId, gates] of Object.entries(perSample)) overrides[sampleId] = { ...overrides[sampleId], ...gates };
  return {
    ...cleared,
    template: {
      ...cleared.template,
      transforms: { ...cleared.template.transforms, ...tree.transforms },
      compensations: { ...cleared.template.compensations, ...tree.compensations },
      gates: [...cleared.template.gates, ...tree.gates],
    },
    scopes: { ...remainingScopes, ...Object.fromEntries(newRoots) },
    overrides,
  };
}

/** Gate ids tailored for a sample (only those still in the template count). */
export function tailoredGateIds(document: GatingDocument, sampleId: string): GateId[] {
  const overrides = document.overrides[sampleId] ?? {};
  return document.template.gates.filter((gate) => overrides[gate.id]).map((gate) => gate.id);
}

/** Replaces a gate in the template (for every sample without its own version) or only for one sample. */
export function replaceGate(document: GatingDocument, gate: Gate, sampleId: string | null): GatingDocument {
  if (sampleId === null) {
    return { ...document, template: { ...document.template, gates: document.template.gates.map((g) => (g.id === gate.id ? gate : g)) } };
  }
  return { ...document, overrides: { ...document.overrides, [sampleId]: { ...document.overrides[sampleId], [gate.id]: gate } } };
}

/** Applies `update` to a gate in the template and in every sample's tailored version (e.g. a rename). */
export function updateGateEverywhere(document: GatingDocument, gateId: GateId, update: (gate: Gate) => Gate): GatingDocument {
  const apply = (gate: Gate) => (gate.id === gateId ? update(gate) : gate);
  const overrides = Object.fromEntries(
    Object.entries(document.overrides).map(([sample, gates]) => [sample, gates[gateId] ? { ...gates, [gateId]: apply(gates[gateId]) } : gates]),
  );
  return { ...document, template: { ...document.template, gates: document.template.gates.map(apply) }, overrides };
}

/** Sets how a gate is drawn. */
export function setGateAppearance(document: GatingDocument, gateId: GateId, appearance: GateAppearance): GatingDocument {
  return { ...document, appearance: { ...document.appearance, [gateId]: appearance } };
}

/** Adds a gate to the template. */
export function addGate(document: GatingDocument, gate: Gate): GatingDocument {
  return { ...document, template: { ...document.template, gates: [...document.template.gates, gate] } };
}

function populationsOf(gate: Gate): string[] {
  return gate.kind === 'quadrant' ? gate.quadrants.map((q) => q.id) : [gate.id];
}

/**
 * Removes a gate and everything gated below it (children, and Boolean gates using its populations), from the
 * template and from every sample's tailored gates.
 */
export function removeGate(document: GatingDocument, gateId: GateId): GatingDocument {
  const removed = new Set<GateId>();
  const doomed = new Set<string>();
  const mark = (gate: Gate) => {
    removed.add(gate.id);
    for (const id of populationsOf(gate)) doomed.add(id);
  };
  const start = document.template.gates.find((g) => g.id === gateId);
  if (!start) return document;
  mark(start);
  for (let grew = true; grew; ) {
    grew = false;
    for (const gate of document.template.gates) {
      if (removed.has(gate.id)) continue;
      const usesDoomed = (gate.parentId !== null && doomed.has(gate.parentId)) || (gate.kind === 'boolean' && gate.operands.some((o) => doomed.has(o.populationId)));
      if (usesDoomed) {
        mark(gate);
        grew = true;
      }
    }
  }
  const overrides = Object.fromEntries(
    Object.entries(document.overrides).map(([sample, gates]) => [sample, Object.fromEntries(Object.entries(gates).filter(([id]) => !removed.has(id)))]),
  );
  const appearance = document.appearance && Object.fromEntries(Object.entries(document.appearance).filter(([id]) => !removed.has(id)));
  const scopes = document.scopes && Object.fromEntries(Object.entries(document.scopes).filter(([id]) => !removed.has(id)));
  return { ...document, template: { ...document.template, gates: document.template.gates.filter((g) => !removed.has(g.id)) }, overrides, appearance, scopes };
}

/** Drops a sample's tailored version of a gate, so the template applies again. */
export function revertToTemplate(document: GatingDocument, sampleId: string, gateId: GateId): GatingDocument {
  const { [gateId]: _dropped, ...rest } = document.overrides[sampleId] ?? {};
  return { ...document, overrides: { ...document.overrides, [sampleId]: rest } };
}

/**
 * A string that changes exactly when the membership of `population` can change: the definitions of the gates it
 * descends from (and of Boolean operands). Plots key on it, so moving a child gate never re-bins its parent's plot.
 */
export function lineageKey(strategy: GatingStrategy, population: string | null): string {
  if (population === null) return 'all events';
  const byPopulation = new Map<string, Gate>();
  for (const gate of strategy.gates) {
    if (gate.kind === 'quadrant') for (const q of gate.quadrants) byPopulation.set(q.id, gate);
    else byPopulation.set(gate.id, gate);
  }
  const parts: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string | null) => {
    if (id === null || seen.has(id)) return;
    seen.add(id);
    const gate = byPopulation.get(id);
    if (!gate) return;
    parts.push(JSON.stringify({ ...gate, name: undefined }));
    visit(gate.parentId);
    if (gate.kind === 'boolean') for (const operand of gate.operands) visit(operand.populationId);
  };
  visit(population);
  return `${population}|${JSON.stringify(strategy.compensations)}|${JSON.stringify(strategy.transforms)}|${parts.join('|')}`;
}

/**
 * The document after importing a strategy (Gating-ML or a FlowFate template): its gates become the experiment's
 * template for every sample; tailored gates and assay scopes of the replaced gates go with them.
 */
export function importStrategy(document: GatingDocument, strategy: GatingStrategy): GatingDocument {
  const ids = new Set(strategy.gates.map((g) => g.id));
  const appearance = document.appearance && Object.fromEntries(Object.entries(document.appearance).filter(([id]) => ids.has(id)));
  return { template: strategy, overrides: {}, scopes: {}, appearance };
}
