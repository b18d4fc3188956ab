import { describe, expect, it } from 'vitest';
import type { Dimension, Gate } from '../gating/types.ts';
import {
  addGate, emptyGatingDocument, lineageKey, removeGate, replaceGate, revertToTemplate, setGateAppearance, strategyForSample, tailoredGateIds, updateGateEverywhere,
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
    expect(strategyForSample(tailored, 'sample-1').gates).toEqual([cells, quad, both]);
    expect(strategyForSample(tailored, 'sample-2').gates).toEqual([cells, moved, both]);
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
    expect(strategyForSample(renamed, 'sample-1').gates[1].name).toBe('Annexin V × PI');
    expect(strategyForSample(renamed, 'sample-2').gates[1]).toMatchObject({ name: 'Annexin V × PI', dividers: [{ values: [150] }, { values: [200] }] });
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
