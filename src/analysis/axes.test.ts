import { describe, expect, it } from 'vitest';
import type { Channel } from '../fcs/types.ts';
import { applyTransform } from '../transforms/transform.ts';
import { axisOfKind, channelTop, defaultAxisKind, fileCompensationFor, mergeAxes } from './axes.ts';

const channel = (overrides: Partial<Channel>): Channel => ({
  index: 1, name: 'FITC-A', label: null, bits: 32, range: 262144, amplification: [0, 0], gain: 1, datatype: 'F', ...overrides,
});

describe('axes', () => {
  it('puts the top of a channel at its scaled range: decoded log decades, or $PnR divided by the gain', () => {
    expect(channelTop(channel({}))).toBe(262144);
    expect(channelTop(channel({ datatype: 'I', range: 1024, amplification: [4, 0] }))).toBe(10_000);
    expect(channelTop(channel({ datatype: 'I', range: 1024, amplification: [4, 0.1] }))).toBe(1000);
    expect(channelTop(channel({ range: 1024, gain: 8 }))).toBe(128);
  });

  it('draws scatter and time linearly and fluorescence on logicle by default', () => {
    expect(['FSC-A', 'SSC-H', 'FS Lin', 'Time'].map((name) => defaultAxisKind(channel({ name })))).toEqual(['linear', 'linear', 'linear', 'linear']);
    expect(defaultAxisKind(channel({ name: 'PE-A' }))).toBe('logicle');
  });

  it('makes a logicle axis whose visible range ends at the top of scale and starts at scale 0', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i - 100) * 10);
    const axis = axisOfKind('logicle', channel({}), 'FCS', values);
    if (axis.scale === null) throw new Error('expected a logicle scale');
    expect(axis.domain[1]).toBe(262144);
    expect(applyTransform(axis.scale, axis.domain[0])).toBeCloseTo(0, 9);
    expect(axis.domain[0]).toBeLessThan(0);
    expect(axisOfKind('log', channel({}), 'FCS', values).domain).toEqual([2.62144, 262144]);
  });

  it('uses the file compensation only for the channels its matrix covers', () => {
    const spillover = { channels: ['FITC-A', 'PE-A'] };
    expect(fileCompensationFor('PE-A', spillover)).toBe('FCS');
    expect(fileCompensationFor('FSC-A', spillover)).toBe('uncompensated');
    expect(fileCompensationFor('PE-A', null)).toBe('uncompensated');
  });
});

describe('mergeAxes', () => {
  it('keeps the widest logicle linear region, so the sample with the most negative data fits', () => {
    const narrow = axisOfKind('logicle', channel({}), 'FCS', Float64Array.from([-20, 5, 100]));
    const wide = axisOfKind('logicle', channel({}), 'FCS', Float64Array.from([-2000, 5, 100]));
    const merged = mergeAxes([narrow, wide]);
    expect(merged).toEqual(wide);
    expect(merged.domain[0]).toBeLessThan(narrow.domain[0]);
    const linear = axisOfKind('linear', channel({}), 'FCS', []);
    expect(mergeAxes([linear, linear])).toBe(linear);
  });

  it('shows every decade of a log-amplified channel, as a Beckman FL INT LOG channel from 0.1 to 1024', () => {
    const beckman = axisOfKind('logicle', channel({ range: 1024, datatype: 'I', amplification: [4, 0.1024] }), 'uncompensated', Float64Array.from([0.1024, 1, 100]));
    if (beckman.scale?.kind !== 'logicle') throw new Error('expected a logicle scale');
    expect(beckman.scale.T).toBeCloseTo(1024, 6);
    expect(beckman.scale.M).toBe(4);
  });
});
