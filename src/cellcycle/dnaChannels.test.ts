import { describe, expect, it } from 'vitest';
import { dnaChannelSuggestion, dnaHistogramTop, noDnaChannelMessage, suggestDnaChannels } from './dnaChannels.ts';

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

  it('recognises a dye given as the stain of a bare detector ("FL1 (PI)") and Beckman pulse names', () => {
    const genomeSize = [channel('SSC'), channel('FL1', 'PI'), channel('Time')];
    expect(suggestDnaChannels(genomeSize)).toEqual({ dna: 'FL1', pulse: null });
    const galliosFcs2 = ['FS INT LIN', 'SS INT LIN', 'TIME', 'FL3 INT LIN', 'FL3 PEAK LIN', 'FS PEAK LIN', 'FS TOF LIN'].map((n) => channel(n, n));
    expect(suggestDnaChannels(galliosFcs2)).toEqual({ dna: 'FL3 INT LIN', pulse: { channel: 'FL3 PEAK LIN', kind: 'height' } });
    const galliosFcs3 = ['FS-H', 'FS-A', 'FS-W', 'SS-H', 'SS-A', 'SS-W', 'FL3-H', 'FL3-A', 'TIME'].map((n) => channel(n));
    expect(suggestDnaChannels(galliosFcs3)).toEqual({ dna: 'FL3-A', pulse: { channel: 'FL3-H', kind: 'height' } });
    expect(suggestDnaChannels([channel('FL3-A'), channel('FL3-W'), channel('FL3-H')])).toEqual({ dna: 'FL3-A', pulse: { channel: 'FL3-W', kind: 'width' } });
    expect(suggestDnaChannels([channel('FSC-A'), channel('DRAQ5-A'), channel('DRAQ5-H')])?.dna).toBe('DRAQ5-A');
    expect(suggestDnaChannels([channel('V450-A', 'FxCycle Violet'), channel('V450-W')])?.pulse?.channel).toBe('V450-W');
  });

  it('finds nothing without a DNA dye or detector, and then lists the fluorescence channels to choose from', () => {
    const annexinOnly = [channel('FSC-A'), channel('FITC-A', 'Annexin V'), channel('APC-A', 'CD38')];
    expect(suggestDnaChannels(annexinOnly)).toBeNull();
    expect(dnaChannelSuggestion(annexinOnly).status).toBe('none');
    expect(noDnaChannelMessage(annexinOnly, 'give it with --dna')).toBe(
      'No channel is named for the DNA dye; give it with --dna: the fluorescence channels are FITC-A (Annexin V), APC-A (CD38).',
    );
    expect(suggestDnaChannels([channel('FL3 LOG', 'PI')])).toBeNull();
  });
});

describe('dnaHistogramTop', () => {
  it('is the range divided by the gain, and refuses log amplification', () => {
    expect(dnaHistogramTop({ name: 'PI-A', range: 262144, gain: 1, amplification: [0, 0] })).toBe(262144);
    expect(dnaHistogramTop({ name: 'PI-A', range: 1024, gain: 2, amplification: [0, 0] })).toBe(512);
    expect(() => dnaHistogramTop({ name: 'FL2-H', range: 1024, gain: 1, amplification: [4, 1] })).toThrow(/was recorded log-amplified \(\$PnE\): cell-cycle models need DNA content on a linear scale/);
  });
});
