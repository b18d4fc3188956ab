import { describe, expect, it } from 'vitest';
import type { Gate } from '../gating/types.ts';
import { addGate, emptyGatingDocument, setGateGroup } from './gatingDocument.ts';
import { addGroup, gatesOfGroup, groupMembers, placeInGroup, removeGroup, samplesOfGate } from './groupEdits.ts';

const gate: Gate = { kind: 'rectangle', id: 'rectangle-1', name: 'Big', parentId: null, bounds: [{ dimension: { source: { kind: 'channel', name: 'FSC-A' }, compensation: 'uncompensated', transform: null }, min: 1, max: null }] };
const samples = [
  { id: 's1', assay: 'apoptosis' as const },
  { id: 's2', assay: 'cellCycle' as const },
  { id: 's3', assay: null },
];

describe('the user’s sample groups', () => {
  it('makes a group of chosen files and lists its members', () => {
    const { document, id } = addGroup(emptyGatingDocument(), '  48 h tubes ', ['s2', 's3']);
    expect(document.groups?.[id]).toEqual({ id: 'group-1', name: '48 h tubes', sampleIds: ['s2', 's3'] });
    expect(groupMembers(document.groups, id, samples)).toEqual(['s2', 's3']);
    expect(groupMembers(document.groups, 'apoptosis', samples)).toEqual(['s1']);
    expect(groupMembers(document.groups, null, samples)).toEqual(['s1', 's2', 's3']);
  });

  it('deletes an empty-handed group, but keeps one that gates belong to', () => {
    const { document, id } = addGroup(emptyGatingDocument(), '48 h tubes', ['s2']);
    expect(removeGroup(document, id).groups).toEqual({});
    const withGate = setGateGroup(addGate(document, gate), gate.id, id);
    expect(gatesOfGroup(withGate, id)).toEqual(['rectangle-1']);
    expect(removeGroup(withGate, id)).toBe(withGate);
  });
});

describe('a gate drawn for a group', () => {
  it('belongs to the group it was drawn for, and says which samples it applies to', () => {
    const drawn = placeInGroup(addGate(emptyGatingDocument(), gate), gate.id, 'apoptosis');
    expect(drawn.scopes).toEqual({ 'rectangle-1': 'apoptosis' });
    expect(samplesOfGate(drawn, gate.id, samples)).toEqual(['s1']);
    const everywhere = placeInGroup(addGate(emptyGatingDocument(), gate), gate.id, null);
    expect(everywhere.scopes).toBeUndefined();
    expect(samplesOfGate(everywhere, gate.id, samples)).toEqual(['s1', 's2', 's3']);
  });
});
