import { describe, expect, it } from 'vitest';
import { freshGroupId, groupContains, groupName, isAssayGroup } from './sampleGroups.ts';

const groups = { 'group-1': { id: 'group-1', name: '48 h tubes', sampleIds: ['s2'] } };

describe('sample groups', () => {
  it('holds a tube in its assay’s group by the sample sheet, and in a user’s group by name', () => {
    expect(groupContains(groups, 'apoptosis', 's1', 'apoptosis')).toBe(true);
    expect(groupContains(groups, 'apoptosis', 's1', 'cellCycle')).toBe(false);
    expect(groupContains(groups, 'cellCycle', 's1', null)).toBe(false);
    expect(groupContains(groups, 'group-1', 's2', null)).toBe(true);
    expect(groupContains(groups, 'group-1', 's1', 'apoptosis')).toBe(false);
    expect(groupContains(groups, null, 's1', null)).toBe(true);
    expect(groupContains(undefined, 'group-9', 's1', null)).toBe(false);
  });

  it('names groups as the lab reads them', () => {
    expect([null, 'apoptosis', 'cellCycle', 'group-1'].map((id) => groupName(groups, id))).toEqual(['All samples', 'Annexin V / PI tubes', 'PI DNA tubes', '48 h tubes']);
    expect(isAssayGroup('cellCycle')).toBe(true);
    expect(isAssayGroup('group-1')).toBe(false);
    expect(freshGroupId(groups)).toBe('group-2');
  });
});
