/**
 * An experiment's gating: one template applied to every sample, plus per-sample tailored gates that replace a
 * template gate of the same id (FlowJo's "special" gates, FlowKit's custom sample gates). Tailored gates are
 * flagged wherever results are shown or exported.
 */
import type { Gate, GateId, GatingStrategy } from '../gating/types.ts';
import { emptyStrategy } from './sampleSession.ts';

/** How a gate is drawn; kept beside the strategy because it never changes a count. */
export interface GateAppearance {
  /** CSS colour of the outline and label. */
  colour: string;
}

export interface GatingDocument {
  template: GatingStrategy;
  /** sample id → gate id → the sample's own version of that gate. */
  overrides: Record<string, Record<GateId, Gate>>;
  /** gate id → how it is drawn; gates without an entry use a default colour. */
  appearance?: Record<GateId, GateAppearance>;
}

export function emptyGatingDocument(): GatingDocument {
  return { template: emptyStrategy(), overrides: {} };
}

/** The strategy one sample is gated with: the template with that sample's tailored gates in place. */
export function strategyForSample(document: GatingDocument, sampleId: string): GatingStrategy {
  const overrides = document.overrides[sampleId];
  if (!overrides) return document.template;
  return { ...document.template, gates: document.template.gates.map((gate) => overrides[gate.id] ?? gate) };
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
  return { ...document, template: { ...document.template, gates: document.template.gates.filter((g) => !removed.has(g.id)) }, overrides, appearance };
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
