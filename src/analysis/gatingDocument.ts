/**
 * An experiment's gating: one template applied to every sample, plus per-sample tailored gates that replace a
 * template gate of the same id (FlowJo's "special" gates, FlowKit's custom sample gates). Tailored gates are
 * flagged wherever results are shown or exported. A gate may belong to a sample group (sampleGroups.ts): the
 * apoptosis tree applies to the Annexin V/PI tubes, the cell-cycle tree to the PI-DNA tubes, a gate drawn for
 * "48 h tubes" to those files; a gate applies where its group and its parent's apply (FlowJo's groups).
 */
import type { Gate, GateId, GatingStrategy } from '../gating/types.ts';
import { type GroupId, groupContains, type SampleGroup } from './sampleGroups.ts';
import { emptyStrategy } from './sampleSession.ts';
import type { Assay } from './sampleSheet.ts';

/** How a gate is drawn; kept beside the strategy because it never changes a count. */
export interface GateAppearance {
  /** CSS colour of the outline and label. */
  colour: string;
}

export interface GatingDocument {
  template: GatingStrategy;
  /** Gate id → the group whose samples it (with everything gated below it) applies to; other gates apply to all. */
  scopes?: Record<GateId, GroupId>;
  /** The groups users made (the assays' groups always exist). */
  groups?: Record<GroupId, SampleGroup>;
  /** Gate ids each guided analysis wrote at its last run: the next run replaces these and leaves the user's alone. */
  analysisGates?: Partial<Record<Assay, GateId[]>>;
  /** sample id → gate id → the sample's own version of that gate. */
  overrides: Record<string, Record<GateId, Gate>>;
  /** gate id → how it is drawn; gates without an entry use a default colour. */
  appearance?: Record<GateId, GateAppearance>;
}

export function emptyGatingDocument(): GatingDocument {
  return { template: emptyStrategy(), overrides: {}, analysisGates: {} };
}

/**
 * A document saved by an earlier FlowFate, as this one reads it. Before groups, only the guided analyses put gates
 * in a group (their assay's), so every gate of an assay's group was its analysis's; nothing else changes.
 */
export function migrateGatingDocument(document: GatingDocument): GatingDocument {
  if (document.analysisGates) return document;
  const analysisGates: Partial<Record<Assay, GateId[]>> = {};
  for (const gate of document.template.gates) {
    const group = gateGroup(document, gate.id);
    if (group === 'apoptosis' || group === 'cellCycle') (analysisGates[group] ??= []).push(gate.id);
  }
  return { ...document, analysisGates };
}

/**
 * The strategy one sample is gated with: the template's gates whose groups (their own and their ancestors') hold the
 * sample, with that sample's tailored gates in place.
 */
export function strategyForSample(document: GatingDocument, sampleId: string, assay: Assay | null): GatingStrategy {
  const overrides = document.overrides[sampleId];
  const scopes = document.scopes ?? {};
  const scoped = Object.keys(scopes).length > 0;
  if (!overrides && !scoped) return document.template;
  const parents = scoped ? parentGates(document.template) : null;
  const verdicts = new Map<GateId, boolean>();
  const applies = (gate: Gate, depth: number): boolean => {
    const known = verdicts.get(gate.id);
    if (known !== undefined) return known;
    const parent = parents?.get(gate.id);
    // A missing parent or a cycle is the evaluator's to report; here the gate only answers for itself.
    const verdict = groupContains(document.groups, scopes[gate.id] ?? null, sampleId, assay) && (!parent || depth > parents!.size || applies(parent, depth + 1));
    verdicts.set(gate.id, verdict);
    return verdict;
  };
  return { ...document.template, gates: document.template.gates.filter((gate) => applies(gate, 0)).map((gate) => overrides?.[gate.id] ?? gate) };
}

/** Population id → the gate that makes it (a quadrant gate makes each of its quadrants). */
export function populationGates(strategy: Pick<GatingStrategy, 'gates'>): Map<string, Gate> {
  const gates = new Map<string, Gate>();
  for (const gate of strategy.gates) for (const id of populationsOf(gate)) gates.set(id, gate);
  return gates;
}

/** Gate id → the gate whose population is its parent (absent for root gates and missing parents). */
function parentGates(template: GatingStrategy): Map<GateId, Gate> {
  const gateOfPopulation = populationGates(template);
  const parents = new Map<GateId, Gate>();
  for (const gate of template.gates) {
    const parent = gate.parentId === null ? undefined : gateOfPopulation.get(gate.parentId);
    if (parent) parents.set(gate.id, parent);
  }
  return parents;
}

/** The group a gate belongs to: its own, else the nearest ancestor's; null when it applies to every sample. */
export function gateGroup(document: GatingDocument, gateId: GateId): GroupId | null {
  const parents = parentGates(document.template);
  const seen = new Set<GateId>();
  for (let id: GateId | undefined = gateId; id !== undefined && !seen.has(id); id = parents.get(id)?.id) {
    seen.add(id);
    const scope = document.scopes?.[id];
    if (scope !== undefined) return scope;
  }
  return null;
}

/** Puts a gate (and what is gated below it) in a group; null: every sample. */
export function setGateGroup(document: GatingDocument, gateId: GateId, groupId: GroupId | null): GatingDocument {
  const { [gateId]: _previous, ...others } = document.scopes ?? {};
  return { ...document, scopes: groupId === null ? others : { ...others, [gateId]: groupId } };
}

/**
 * Puts a guided analysis's new tree (e.g. the gates the apoptosis analysis suggested) in place of what its last run
 * wrote: gates of the same id are replaced where they stand (gates the user drew below them stay), gates the last
 * run wrote that the new tree lacks go, and the user's own gates of the assay's group are left alone. The new root
 * gates belong to the assay's group; matrices and transforms join the template; `perSample` gives each sample's
 * tailored versions of the new gates (e.g. pre-gates fitted to that sample's own scatter).
 */
export function setAssayGates(
  document: GatingDocument,
  assay: Assay,
  tree: Pick<GatingStrategy, 'gates' | 'transforms' | 'compensations'>,
  perSample: Record<string, Record<GateId, Gate>> = {},
): GatingDocument {
  const previous = new Set(document.analysisGates?.[assay] ?? []);
  const newIds = new Set(tree.gates.map((g) => g.id));
  const clash = document.template.gates.find((g) => newIds.has(g.id) && !previous.has(g.id));
  if (clash) throw new RangeError(`gate id "${clash.id}" is already used outside the ${assay} gates`);
  const dropped = [...previous].filter((id) => !newIds.has(id)).reduce((doc, id) => removeGate(doc, id), document);
  const byId = new Map(tree.gates.map((g) => [g.id, g]));
  const kept = dropped.template.gates.map((g) => byId.get(g.id) ?? g);
  const added = tree.gates.filter((g) => !dropped.template.gates.some((old) => old.id === g.id));
  const overrides = Object.fromEntries(
    Object.entries(dropped.overrides).map(([sampleId, gates]) => [sampleId, Object.fromEntries(Object.entries(gates).filter(([id]) => !newIds.has(id)))]),
  );
  for (const [sampleId, gates] of Object.entries(perSample)) overrides[sampleId] = { ...overrides[sampleId], ...gates };
  const remainingScopes = Object.fromEntries(Object.entries(dropped.scopes ?? {}).filter(([id]) => !newIds.has(id)));
  const newRoots = tree.gates.filter((g) => g.parentId === null).map((g) => [g.id, assay] as const);
  return {
    ...dropped,
    template: {
      ...dropped.template,
      transforms: { ...dropped.template.transforms, ...tree.transforms },
      compensations: { ...dropped.template.compensations, ...tree.compensations },
      gates: [...kept, ...added],
    },
    scopes: { ...remainingScopes, ...Object.fromEntries(newRoots) },
    overrides,
    analysisGates: { ...dropped.analysisGates, [assay]: [...newIds] },
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
  const analysisGates = document.analysisGates && Object.fromEntries(Object.entries(document.analysisGates).map(([assay, ids]) => [assay, ids.filter((id) => !removed.has(id))]));
  const gates = document.template.gates.filter((g) => !removed.has(g.id));
  return { ...document, template: { ...document.template, gates }, overrides, appearance, scopes, analysisGates };
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
  const byPopulation = populationGates(strategy);
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
  return { template: strategy, overrides: {}, scopes: {}, groups: document.groups, appearance, analysisGates: {} };
}
