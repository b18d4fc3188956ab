import { describe, expect, it } from 'vitest';
import { findChannel, fluorescenceChannels, noChannelMessage, suggestChannel } from './suggest.ts';

const channels = (...specs: [string, string | null][]) => specs.map(([name, label]) => ({ name, label }));

describe('suggestChannel', () => {
  it('ranks a dye in $PnS above one in $PnN above a detector hint, areas first', () => {
    const hints = [{ pattern: /^pe/i, score: 5, reason: 'PE detector' }];
    const file = channels(['PE-A', null], ['7-AAD-A', null], ['APC-A', 'PI'], ['APC-H', 'PI'], ['Time', 'PI']);
    const suggestion = suggestChannel(file, 'viability', hints);
    expect(suggestion.status).toBe('confident');
    expect(suggestion.candidates.map((c) => c.name)).toEqual(['APC-A', 'APC-H', '7-AAD-A', 'PE-A']);
    expect(suggestion.candidates[0].reason).toBe('stain name ($PnS) mentions PI');
    expect(suggestion.candidates[2].reason).toBe('channel name ($PnN) mentions 7-AAD');
  });

  it('reports ties and leaves out excluded channels', () => {
    const hints = [{ pattern: /^fl[23]/i, score: 3, reason: 'FL2/FL3' }];
    const file = channels(['FL1-H', null], ['FL2-H', null], ['FL3-H', null]);
    expect(suggestChannel(file, 'viability', hints)).toMatchObject({ status: 'ambiguous', suggested: null });
    expect(suggestChannel(file, 'viability', hints, ['FL2-H'])).toMatchObject({ status: 'confident', suggested: 'FL3-H' });
  });
});

describe('noChannelMessage', () => {
  const file = channels(['FSC-H', null], ['SSC-H', null], ['FL1-H', null], ['FL2-H', 'CD8 PE'], ['Time', null]);
  it('lists the fluorescence channels when nothing fits', () => {
    const none = suggestChannel(file, 'annexin', []);
    expect(noChannelMessage(file, none, 'Annexin V', 'give it with --annexin')).toBe(
      'No channel is named for Annexin V; give it with --annexin: the fluorescence channels are FL1-H, FL2-H (CD8 PE).',
    );
    expect(fluorescenceChannels(file).map((c) => c.name)).toEqual(['FL1-H', 'FL2-H']);
  });

  it('lists the tied candidates', () => {
    const tied = suggestChannel(file, 'viability', [{ pattern: /^fl/i, score: 1, reason: 'FL' }]);
    expect(noChannelMessage(file, tied, 'the viability dye', 'choose one')).toBe('Several channels could hold the viability dye: FL1-H, FL2-H (CD8 PE); choose one.');
  });
});

describe('findChannel', () => {
  const canto = channels(['FSC-A', null], ['FITC-A', 'Annexin V'], ['PE-A', 'PI'], ['BL 695/40-A', 'viability;7-AAD;695/40@488/A']);
  it('matches $PnN first, then $PnS, case-insensitively', () => {
    expect(findChannel(canto, 'fitc-a')).toBe('FITC-A');
    expect(findChannel(canto, 'annexin v')).toBe('FITC-A');
    expect(findChannel(canto, ' PI ')).toBe('PE-A');
    expect(findChannel(canto, 'APC-A')).toBeNull();
  });

  it('finds a dye named inside a longer stain name, and PI-A before its width', () => {
    expect(findChannel(canto, '7-AAD')).toBe('BL 695/40-A');
    expect(findChannel(channels(['PI-A', null], ['PI-W', null]), 'PI')).toBe('PI-A');
    expect(findChannel(channels(['FL1', 'PI']), 'propidium iodide')).toBe('FL1');
  });

  it('refuses a name shared by several channels, naming them', () => {
    expect(() => findChannel(channels(['FITC-A', 'Annexin V'], ['FITC-H', 'Annexin V']), 'Annexin V')).toThrow(/2 channels \(FITC-A, FITC-H\)/);
  });
});
