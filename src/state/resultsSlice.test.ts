import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';

const strategy = { version: 1 as const, transforms: {}, ratios: {}, compensations: {}, gates: [] };
const counts = [{ id: 'cells', name: 'Cells', parentId: null, count: 120, percentOfParent: 60, percentOfTotal: 60 }];

describe('gating results', () => {
  it("drops a sample's counts when its new gates fail, so no stale number is shown beside the error", () => {
    const store = createAppStore();
    const result = { kind: 'counts' as const, result: { strategy, counts } };
    store.getState().setGatingOutcomes(new Map([['s1', result], ['s2', result]]));
    store.getState().setGatingOutcomes(new Map([['s1', { kind: 'error' as const, error: { code: 'BAD_GATING', message: 'channel "NOPE-A" is not in this file' } }]]));
    expect(store.getState().gatingResults.s1).toBeUndefined();
    expect(store.getState().gatingErrors.s1?.message).toBe('channel "NOPE-A" is not in this file');
    expect(store.getState().gatingResults.s2?.counts).toEqual(counts);

    store.getState().setGatingOutcomes(new Map([['s1', result]]));
    expect(store.getState().gatingErrors.s1).toBeUndefined();
  });
});
