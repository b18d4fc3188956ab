import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import {
  addGate, emptyGatingDocument, gateGroup, type GatingDocument, importStrategy, lineageKey, migrateGatingDocument, removeGate, replaceGate, revertToTemplate,
  setAssayGates, setGateAppearance, setGateGroup, strategyForSample, tailoredGateIds, updateGateEverywhere,
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

function generic(): Gate {
  return { kind: 'rectangle', id: 'all-fsc', name: 'FSC+', parentId: null, bounds: [{ dimension: dim('FSC-A'), min: 1, max: null }] };
}

describe('assay scopes', () => {
  const dnaRoot: Gate = { kind: 'rectangle', id: 'dna-singlets', name: 'Singlets', parentId: null, bounds: [{ dimension: dim('PI-W'), min: null, max: 90 }] };
  const sub: Gate = { kind: 'rectangle', id: 'g1', name: 'G0/G1', parentId: 'dna-singlets', bounds: [{ dimension: dim('PI-A'), min: 40, max: 60 }] };
  let document = addGate(emptyGatingDocument(), generic());
  document = setAssayGates(document, 'apoptosis', { gates: [cells, quad, both], transforms: {}, compensations: {} });
  document = setAssayGates(document, 'cellCycle', { gates: [dnaRoot, sub], transforms: {}, compensations: {} }, { s1: { g1: { ...sub, name: 'tailored' } } });

  it('gives each sample the unscoped gates and those of its own assay only', () => {
    expect(strategyForSample(document, 's1', 'apoptosis').gates.map((g) => g.id)).toEqual(['all-fsc', 'cells', 'q', 'either']);
    expect(strategyForSample(document, 's1', 'cellCycle').gates.map((g) => g.name)).toEqual(['FSC+', 'Singlets', 'tailored']);
    expect(strategyForSample(document, 's1', null).gates.map((g) => g.id)).toEqual(['all-fsc']);
  });

  it('replaces what the last run of an assay wrote, keeping the other assay and the unscoped gates', () => {
    const again = setAssayGates(document, 'apoptosis', { gates: [{ ...cells, name: 'Cells v2' }], transforms: {}, compensations: {} });
    expect(again.template.gates.map((g) => g.id)).toEqual(['all-fsc', 'cells', 'dna-singlets', 'g1']);
    expect(again.template.gates[1].name).toBe('Cells v2');
    expect(again.analysisGates).toEqual({ apoptosis: ['cells'], cellCycle: ['dna-singlets', 'g1'] });
    expect(again.scopes).toEqual({ 'dna-singlets': 'cellCycle', cells: 'apoptosis' });
    expect(again.overrides.s1).toEqual({ g1: { ...sub, name: 'tailored' } });
    expect(() => setAssayGates(again, 'cellCycle', { gates: [generic()], transforms: {}, compensations: {} })).toThrow('all-fsc');
  });
});

describe('sample groups', () => {
  const userGate: Gate = { kind: 'rectangle', id: 'rectangle-1', name: 'Big cells', parentId: null, bounds: [{ dimension: dim('FSC-A'), min: 5e4, max: null }] };
  const child: Gate = { kind: 'rectangle', id: 'polygon-1', name: 'Bright', parentId: 'cells', bounds: [{ dimension: dim('FITC-A'), min: 1e3, max: null }] };
  const late = { id: 'group-1', name: '48 h tubes', sampleIds: ['s2', 's3'] };
  let document: GatingDocument = { ...emptyGatingDocument(), groups: { 'group-1': late } };
  document = setAssayGates(document, 'apoptosis', { gates: [cells, quad], transforms: {}, compensations: {} });
  document = setGateGroup(addGate(document, userGate), 'rectangle-1', 'apoptosis');
  document = addGate(document, child);

  it('applies a gate drawn for the Annexin V / PI tubes to those tubes only, and never to a PI DNA tube', () => {
    expect(strategyForSample(document, 's1', 'apoptosis').gates.map((g) => g.id)).toEqual(['cells', 'q', 'rectangle-1', 'polygon-1']);
    expect(strategyForSample(document, 's1', 'cellCycle').gates).toEqual([]);
    expect(gateGroup(document, 'rectangle-1')).toBe('apoptosis');
  });

  it('gives a gate below another its parent’s group, and can narrow it to a group of the user’s', () => {
    expect(gateGroup(document, 'polygon-1')).toBe('apoptosis');
    const narrowed = setGateGroup(document, 'polygon-1', 'group-1');
    expect(gateGroup(narrowed, 'polygon-1')).toBe('group-1');
    expect(strategyForSample(narrowed, 's1', 'apoptosis').gates.map((g) => g.id)).toEqual(['cells', 'q', 'rectangle-1']);
    expect(strategyForSample(narrowed, 's2', 'apoptosis').gates.map((g) => g.id)).toEqual(['cells', 'q', 'rectangle-1', 'polygon-1']);
    // In the user's group but not an Annexin V / PI tube: its parent does not apply, so neither does it.
    expect(strategyForSample(narrowed, 's3', 'cellCycle').gates).toEqual([]);
    expect(gateGroup(setGateGroup(narrowed, 'polygon-1', null), 'polygon-1')).toBe('apoptosis');
  });

  it('keeps the user’s gates of the assay’s group, and those drawn below the analysis’s gates, when the analysis runs again', () => {
    const again = setAssayGates(document, 'apoptosis', { gates: [{ ...cells, name: 'Cells v2' }, quad], transforms: {}, compensations: {} });
    expect(again.template.gates.map((g) => [g.id, g.name])).toEqual([['cells', 'Cells v2'], ['q', 'Quadrant'], ['rectangle-1', 'Big cells'], ['polygon-1', 'Bright']]);
    expect(again.scopes).toEqual({ cells: 'apoptosis', 'rectangle-1': 'apoptosis' });
  });

  it('reads a document saved before groups: its scoped trees were the analyses’, its other gates apply to every sample', () => {
    const legacy: GatingDocument = {
      template: { ...emptyGatingDocument().template, gates: [generic(), cells, quad] },
      scopes: { cells: 'apoptosis' },
      overrides: {},
    };
    const read = migrateGatingDocument(legacy);
    expect(read.analysisGates).toEqual({ apoptosis: ['cells', 'q'] });
    expect(strategyForSample(read, 's1', 'cellCycle').gates.map((g) => g.id)).toEqual(['all-fsc']);
    const rerun = setAssayGates(read, 'apoptosis', { gates: [cells], transforms: {}, compensations: {} });
    expect(rerun.template.gates.map((g) => g.id)).toEqual(['all-fsc', 'cells']);
    expect(migrateGatingDocument(read)).toBe(read);
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
