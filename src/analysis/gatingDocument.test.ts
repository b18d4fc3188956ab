import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import {
  addGate, emptyGatingDocument, importStrategy, lineageKey, removeGate, replaceGate, revertToTemplate, setAssayGates, setGateAppearance, strategyForSample, tailoredGateIds,
  updateGateEverywhere,
} from './gatingDocument.ts';

const dim = (name: string): Dimension => ({ source: { kind: 'channel', name }, compensation: 'uncompensated', transform: null });
const cells: Gate = { kind: 'rectangle', id: 'cells', name: 'Cells', parentId: null, bounds: [{ dimension: dim('FSC-A'), min: 10, max: null }] };
const quad: Gate = {
  kind: 'quadrant',
  id: 'q',
  name: 'Quadrant',
  parentId: 'cells',
  dividers: [
    { id: 'dx', dimension: dim('FITC-A'), values: [100] },
    { id: 'dy', dimension: dim('PE-A'), values: [200] },
  ],
  quadrants: [
    { id: 'neg', name: 'Neg', positions: [{ dividerId: 'dx', interval: 0 }, { dividerId: 'dy', interval: 0 }] },
    { id: 'pos', name: 'Pos', positions: [{ dividerId: 'dx', interval: 1 }, { dividerId: 'dy', interval: 1 }] },
  ],
};
const both: Gate = { kind: 'boolean', id: 'either', name: 'Either', parentId: 'cells', operator: 'or', operands: [{ populationId: 'neg', complement: false }, { populationId: 'pos', complement: false }] };

describe('gating document', () => {
  const document = [cells, quad, both].reduce(addGate, emptyGatingDocument());

  it('gives each sample the template, with its own tailored gates in place', () => {
    const moved: Gate = { ...quad, dividers: [{ ...quad.dividers[0], values: [150] }, quad.dividers[1]] };
    const tailored = replaceGate(document, moved, 'sample-2');
    expect(strategyForSample(tailored, 'sample-1', null).gates).toEqual([cells, quad, both]);
    expect(strategyForSample(tailored, 'sample-2', null).gates).toEqual([cells, moved, both]);
    expect(tailoredGateIds(tailored, 'sample-2')).toEqual(['q']);
    expect(tailoredGateIds(revertToTemplate(tailored, 'sample-2', 'q'), 'sample-2')).toEqual([]);
  });

  it('removing a gate removes the gates below it and the Boolean gates using its populations', () => {
    const tailored = replaceGate(document, { ...both, name: 'renamed' }, 'sample-2');
    const withoutQuadrant = removeGate(tailored, 'q');
    expect(withoutQuadrant.template.gates.map((g) => g.id)).toEqual(['cells']);
    expect(withoutQuadrant.overrides['sample-2']).toEqual({});
    expect(removeGate(document, 'cells').template.gates).toEqual([]);
  });

  it('renames a gate in the template and in every tailored version; colours go with the gate', () => {
    const tailored = replaceGate(document, { ...quad, dividers: [{ ...quad.dividers[0], values: [150] }, quad.dividers[1]] }, 'sample-2');
    const renamed = updateGateEverywhere(tailored, 'q', (gate) => ({ ...gate, name: 'Annexin V × PI' }));
    expect(strategyForSample(renamed, 'sample-1', null).gates[1].name).toBe('Annexin V × PI');
    expect(strategyForSample(renamed, 'sample-2', null).gates[1]).toMatchObject({ name: 'Annexin V × PI', dividers: [{ values: [150] }, { values: [200] }] });
    const coloured = setGateAppearance(setGateAppearance(renamed, 'q', { colour: '#ff0000' }), 'cells', { colour: '#00ff00' });
    expect(removeGate(coloured, 'q').appearance).toEqual({ cells: { colour: '#00ff00' } });
  });
});

describe('lineageKey', () => {
  const strategy = [cells, quad, both].reduce(addGate, emptyGatingDocument()).template;
  it('changes when an ancestor moves, not when a child or a name changes', () => {
    const movedQuadrant: Gate = { ...quad, dividers: [{ ...quad.dividers[0], values: [150] }, quad.dividers[1]] };
    const withMovedQuadrant = { ...strategy, gates: [cells, movedQuadrant, both] };
    expect(lineageKey(withMovedQuadrant, 'cells')).toBe(lineageKey(strategy, 'cells'));
    expect(lineageKey(withMovedQuadrant, 'neg')).not.toBe(lineageKey(strategy, 'neg'));
    expect(lineageKey(withMovedQuadrant, 'either')).not.toBe(lineageKey(strategy, 'either'));
    const renamed = { ...strategy, gates: [{ ...cells, name: 'Live cells' }, quad, both] };
    expect(lineageKey(renamed, 'neg')).toBe(lineageKey(strategy, 'neg'));
  });
});

describe('assay scopes', () => {
  const dnaRoot: Gate = { kind: 'rectangle', id: 'dna-singlets', name: 'Singlets', parentId: null, bounds: [{ dimension: dim('PI-W'), min: null, max: 90 }] };
  const sub: Gate = { kind: 'rectangle', id: 'g1', name: 'G0/G1', parentId: 'dna-singlets', bounds: [{ dimension: dim('PI-A'), min: 40, max: 60 }] };
  const generic: Gate = { kind: 'rectangle', id: 'all-fsc', name: 'FSC+', parentId: null, bounds: [{ dimension: dim('FSC-A'), min: 1, max: null }] };
  let document = addGate(emptyGatingDocument(), generic);
  document = setAssayGates(document, 'apoptosis', { gates: [cells, quad, both], transforms: {}, compensations: {} });
  document = setAssayGates(document, 'cellCycle', { gates: [dnaRoot, sub], transforms: {}, compensations: {} }, { s1: { g1: { ...sub, name: 'tailored' } } });

  it('gives each sample the unscoped gates and those of its own assay only', () => {
    expect(strategyForSample(document, 's1', 'apoptosis').gates.map((g) => g.id)).toEqual(['all-fsc', 'cells', 'q', 'either']);
    expect(strategyForSample(document, 's1', 'cellCycle').gates.map((g) => g.name)).toEqual(['FSC+', 'Singlets', 'tailored']);
    expect(strategyForSample(document, 's1', null).gates.map((g) => g.id)).toEqual(['all-fsc']);
  });

  it('replaces an assay tree as a whole, keeping the other assay and the unscoped gates', () => {
    const again = setAssayGates(document, 'apoptosis', { gates: [{ ...cells, name: 'Cells v2' }], transforms: {}, compensations: {} });
    expect(again.template.gates.map((g) => g.id)).toEqual(['all-fsc', 'dna-singlets', 'g1', 'cells']);
    expect(again.scopes).toEqual({ 'dna-singlets': 'cellCycle', cells: 'apoptosis' });
    expect(again.overrides.s1).toEqual({ g1: { ...sub, name: 'tailored' } });
    expect(() => setAssayGates(again, 'cellCycle', { gates: [{ ...generic }], transforms: {}, compensations: {} })).toThrow('all-fsc');
  });
});

describe('importStrategy', () => {
  it('makes the imported gates the template of every sample, dropping tailored gates and scopes', () => {
    let document = setAssayGates(emptyGatingDocument(), 'apoptosis', { gates: [cells, quad], transforms: {}, compensations: {} }, { s1: { cells: { ...cells, name: 'own' } } });
    document = setGateAppearance(document, 'cells', { colour: '#123456' });
    const imported = importStrategy(document, { ...document.template, gates: [cells] });
    expect(strategyForSample(imported, 's1', null).gates).toEqual([cells]);
    expect(imported.scopes).toEqual({});
    expect(imported.appearance).toEqual({ cells: { colour: '#123456' } });
  });
});
