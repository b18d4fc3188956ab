import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { template } from '../gating/strategy.fixtures.ts';
import type { GatingStrategy, QuadrantGate } from '../gating/types.ts';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { applyTransform } from '../transforms/transform.ts';
import { parseGatingMl } from './parse.ts';
import { writeGatingMl } from './write.ts';

describe('Gating-ML export and import', () => {
  it('round-trips every gate, transform, ratio, compensation reference and name of a FlowFate strategy', () => {
    expect(parseGatingMl(writeGatingMl(template))).toEqual(template);
  });

  it('writes arcsinh and biex as standard transforms that give the same scale values', () => {
    const xml = writeGatingMl(template);
    const standardOnly = parseGatingMl(xml.replace(/<data-type:custom_info>[\s\S]*?<\/data-type:custom_info>/g, ''));
    for (const [id, x] of [['display', 1234.5], ['display', -80], ['fitc', 5000], ['fitc', -300]] as const) {
      expect(applyTransform(standardOnly.transforms[id], x)).toBeCloseTo(applyTransform(template.transforms[id], x), 12);
    }
    expect(standardOnly.transforms.display.kind).toBe('asinh');
    expect(standardOnly.transforms.fitc.kind).toBe('logicle');
  });

  it('keeps quadrant intervals of a multi-value divider through Gating-ML locations', () => {
    const gate: QuadrantGate = {
      kind: 'quadrant',
      id: 'DNA',
      name: 'DNA',
      parentId: null,
      dividers: [{ id: 'pi', dimension: { source: { kind: 'channel', name: 'PI-A' }, compensation: 'uncompensated', transform: null }, values: [-5, 0, 1e6] }],
      quadrants: [0, 1, 2, 3].map((interval) => ({ id: `i${interval}`, name: `interval ${interval}`, positions: [{ dividerId: 'pi', interval }] })),
    };
    const strategy: GatingStrategy = { version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [gate] };
    expect(parseGatingMl(writeGatingMl(strategy))).toEqual(strategy);
  });

  it('qualifies divider ids that two quadrant gates share, and refuses other id collisions', () => {
    const quadrant = template.gates.find((g) => g.kind === 'quadrant') as QuadrantGate;
    const second: QuadrantGate = { ...quadrant, id: 'second', quadrants: quadrant.quadrants.map((q) => ({ ...q, id: `${q.id}2` })) };
    const xml = writeGatingMl({ ...template, gates: [...template.gates, second] });
    expect(xml).toContain('gating:id="second:annexin"');
    expect(parseGatingMl(xml)).toEqual({ ...template, gates: [...template.gates, second] });
    expect(() => writeGatingMl({ ...template, transforms: { ...template.transforms, cells: template.transforms.pi } })).toThrow(/id "cells": is used twice/);
  });

  it.each([
    ['Gating-ML 1.5', '<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v1.5/gating"/>', /Gating-ML 1.5; only Gating-ML 2.0 is supported/],
    ['a DOCTYPE', `<!DOCTYPE x [<!ENTITY a "b">]><gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"/>`, /DOCTYPE are not accepted/],
    ['broken XML', '<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating"><gating:RectangleGate>', /not well-formed XML/],
    [
      'a dimension without compensation-ref',
      '<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:data-type="x"><gating:RectangleGate gating:id="R"><gating:dimension gating:min="1"><data-type:fcs-dimension data-type:name="FL1-H"/></gating:dimension></gating:RectangleGate></gating:Gating-ML>',
      /Gating-ML RectangleGate "R" dimension 1: missing attribute "compensation-ref"/,
    ],
    [
      'an unknown transformation',
      '<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:transforms="t"><transforms:transformation transforms:id="T"><transforms:fsquare/></transforms:transformation></gating:Gating-ML>',
      /Gating-ML transformation "T": unsupported transformation "fsquare"/,
    ],
    [
      'a non-numeric bound',
      '<gating:Gating-ML xmlns:gating="http://www.isac-net.org/std/Gating-ML/v2.0/gating" xmlns:data-type="x"><gating:RectangleGate gating:id="R"><gating:dimension gating:compensation-ref="FCS" gating:min="low"><data-type:fcs-dimension data-type:name="FL1-H"/></gating:dimension></gating:RectangleGate></gating:Gating-ML>',
      /dimension 1: min "low" is not a finite number/,
    ],
  ])('rejects %s with a clear message', (_case, xml, message) => {
    expect(() => parseGatingMl(xml)).toThrow(message);
  });
});

describeWithCorpus('Gating-ML round trip of the ISAC compliance files', () => {
  const folder = join(corpusDir, 'gatingml', 'gate_ref', 'gml');
  it.each(readdirSync(folder).filter((f) => f.endsWith('.xml')))('%s', (file) => {
    const strategy = parseGatingMl(readFileSync(join(folder, file), 'utf8'));
    expect(parseGatingMl(writeGatingMl(strategy))).toEqual(strategy);
  });
});
