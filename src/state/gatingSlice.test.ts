import { describe, expect, it } from 'vitest';
import { addGate } from '../analysis/gatingDocument.ts';
import type { Gate } from '../gating/types.ts';
import { createAppStore } from './store.ts';

const range = (id: string, min: number): Gate => ({
  kind: 'rectangle',
  id,
  name: id,
  parentId: null,
  bounds: [{ dimension: { source: { kind: 'channel', name: 'PI-A' }, compensation: 'uncompensated', transform: null }, min, max: null }],
});
const minOf = (gate: Gate | undefined) => (gate?.kind === 'rectangle' ? gate.bounds[0].min : undefined);

describe('gating history', () => {
  it('records each change as one undo step and redoes it', () => {
    const store = createAppStore();
    const { changeGating } = store.getState();
    changeGating((d) => addGate(d, range('a', 1)));
    changeGating((d) => addGate(d, range('b', 2)));
    expect(store.getState().gating.template.gates.map((g) => g.id)).toEqual(['a', 'b']);
    store.getState().undo();
    expect(store.getState().gating.template.gates.map((g) => g.id)).toEqual(['a']);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().gating.template.gates).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().gating.template.gates.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('a drag (transient steps, then a final change) is one undo step; undo mid-drag returns to its start', () => {
    const store = createAppStore();
    store.getState().changeGating((d) => addGate(d, range('a', 1)));
    const move = (min: number, transient: boolean) =>
      store.getState().changeGating((d) => ({ ...d, template: { ...d.template, gates: [range('a', min)] } }), { transient });
    move(5, true);
    move(7, true);
    expect(minOf(store.getState().gating.template.gates[0])).toBe(7);
    store.getState().undo();
    expect(minOf(store.getState().gating.template.gates[0])).toBe(1);
    move(5, true);
    move(9, false);
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(minOf(store.getState().gating.template.gates[0])).toBe(1);
    store.getState().redo();
    expect(minOf(store.getState().gating.template.gates[0])).toBe(9);
  });

  it('a new change after undo drops the redo branch', () => {
    const store = createAppStore();
    store.getState().changeGating((d) => addGate(d, range('a', 1)));
    store.getState().undo();
    store.getState().changeGating((d) => addGate(d, range('c', 3)));
    store.getState().redo();
    expect(store.getState().gating.template.gates.map((g) => g.id)).toEqual(['c']);
  });
});

describe('opening saved gates', () => {
  it('reads gates saved before sample groups existed: the analyses’ trees stay theirs, nothing is dropped', () => {
    const store = createAppStore();
    const saved = { template: { ...store.getState().gating.template, gates: [range('cells', 1), range('mine', 2)] }, scopes: { cells: 'apoptosis' }, overrides: {} };
    store.getState().loadGating(saved);
    const { gating } = store.getState();
    expect(gating.template.gates.map((g) => g.id)).toEqual(['cells', 'mine']);
    expect(gating.analysisGates).toEqual({ apoptosis: ['cells'] });
    expect(gating.scopes).toEqual({ cells: 'apoptosis' });
  });
});
