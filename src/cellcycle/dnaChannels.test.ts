import { describe, expect, it } from 'vitest';
import { dnaHistogramTop, suggestDnaChannels } from './dnaChannels.ts';

const channel = (name: string, label: string | null = null) => ({ name, label });

describe('suggestDnaChannels', () => {
  it('takes the DNA dye area and its width, else its height', () => {
    const demo = ['FSC-A', 'FSC-H', 'SSC-A', 'PI-A', 'PI-H', 'PI-W', 'Time'].map((n) => channel(n));
    expect(suggestDnaChannels(demo)).toEqual({ dna: 'PI-A', pulse: { channel: 'PI-W', kind: 'width' } });
    expect(suggestDnaChannels(demo.filter((c) => c.name !== 'PI-W'))).toEqual({ dna: 'PI-A', pulse: { channel: 'PI-H', kind: 'height' } });
    expect(suggestDnaChannels(demo.filter((c) => !/^PI-[WH]$/.test(c.name)))).toEqual({ dna: 'PI-A', pulse: null });
  });

  it('recognises the dye by its stain name ($PnS) on a detector channel', () => {
    const accuri = [channel('FSC-A'), channel('FL2-A', 'Propidium iodide'), channel('FL2-H'), channel('FL1-A', 'CD38')];
    expect(suggestDnaChannels(accuri)).toEqual({ dna: 'FL2-A', pulse: { channel: 'FL2-H', kind: 'height' } });
    expect(suggestDnaChannels([channel('BV421-A', 'DAPI'), channel('BV421-W')])).toEqual({ dna: 'BV421-A', pulse: { channel: 'BV421-W', kind: 'width' } });
  });

  it('finds nothing without a DNA dye area', () => {
    expect(suggestDnaChannels([channel('FSC-A'), channel('FITC-A', 'Annexin V'), channel('PI-H')])).toBeNull();
  });
});

describe('dnaHistogramTop', () => {
  it('is the range divided by the gain, and refuses log amplification', () => {
    expect(dnaHistogramTop({ name: 'PI-A', range: 262144, gain: 1, amplification: [0, 0] })).toBe(262144);
    expect(dnaHistogramTop({ name: 'PI-A', range: 1024, gain: 2, amplification: [0, 0] })).toBe(512);
    expect(() => dnaHistogramTop({ name: 'FL2-H', range: 1024, gain: 1, amplification: [4, 1] })).toThrow(/was recorded log-amplified \(\$PnE\): cell-cycle models need DNA content on a linear scale/);
  });
});
