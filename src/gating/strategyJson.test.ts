import { describe, expect, it } from 'vitest';
import { parseGatingStrategy, stringifyGatingStrategy } from './strategyJson.ts';
import { template } from './strategy.fixtures.ts';

describe('FlowFate strategy JSON', () => {
  it('round-trips every gate, transform, ratio and compensation', () => {
    expect(parseGatingStrategy(stringifyGatingStrategy(template))).toEqual(template);
  });

  it.each([
    ['not JSON', '{', /template: not valid JSON/],
    ['another version', { ...template, version: 2 }, /template.version: this FlowFate reads gating strategy version 1, got 2/],
    ['a string where a number belongs', { ...template, gates: [{ ...template.gates[1], bounds: [{ dimension: { source: { kind: 'channel', name: 'X' }, compensation: 'FCS', transform: null }, min: '0.8', max: null }] }] }, /template.gates\[0\].bounds\[0\].min: expected a finite number/],
    ['an unknown gate kind', { ...template, gates: [{ kind: 'lasso', id: 'x' }] }, /template.gates\[0\].kind: expected one of "rectangle", "polygon"/],
    ['an unknown transform kind', { ...template, transforms: { t: { kind: 'log10' } } }, /template.transforms.t.kind: expected one of/],
    ['a vertex with 3 coordinates', { ...template, gates: [{ ...template.gates[0], vertices: [[1, 2, 3]] }] }, /template.gates\[0\].vertices\[0\]: expected \[x, y\]/],
    ['a meaningless tree', { ...template, gates: template.gates.slice(1) }, /gate "singlets": parent "cells" is not a population/],
  ])('rejects %s with where and what', (_case, input, message) => {
    expect(() => parseGatingStrategy(input)).toThrow(message);
  });
});
