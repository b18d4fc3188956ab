import { describe, expect, it } from 'vitest';
import { setupMismatch, suggestApoptosisChannels } from './channels.ts';

const channels = (...specs: [string, string | null][]) => specs.map(([name, label]) => ({ name, label }));

const CANTO = channels(
  ['FSC-A', null], ['FSC-H', null], ['FSC-W', null], ['SSC-A', null], ['SSC-H', null], ['SSC-W', null],
  ['FITC-A', 'Annexin V'], ['PE-A', 'PI'], ['Time', null],
);

describe('suggestApoptosisChannels', () => {
  it('is confident on a labelled FACSCanto file, with the stain names as the reason', () => {
    const { annexin, pi } = suggestApoptosisChannels(CANTO);
    expect(annexin).toMatchObject({ status: 'confident', suggested: 'FITC-A' });
    expect(annexin.candidates[0].reason).toContain('Annexin V');
    expect(pi).toMatchObject({ status: 'confident', suggested: 'PE-A' });
    expect(pi.candidates[0].reason).toContain('PI');
  });

  it('prefers the area parameter when height and width carry the same stain', () => {
    const { annexin } = suggestApoptosisChannels(channels(['FITC-H', 'Annexin V'], ['FITC-A', 'Annexin V'], ['FITC-W', 'Annexin V']));
    expect(annexin.suggested).toBe('FITC-A');
  });

  it('recognises 7-AAD and Alexa Fluor 488 conjugates, and ignores scatter and time', () => {
    const { annexin, pi } = suggestApoptosisChannels(channels(['FSC-A', 'FITC'], ['Alexa Fluor 488-A', null], ['PerCP-Cy5-5-A', '7-AAD'], ['Time', 'PI']));
    expect(annexin.suggested).toBe('Alexa Fluor 488-A');
    expect(pi.suggested).toBe('PerCP-Cy5-5-A');
    expect(pi.candidates.map((c) => c.name)).not.toContain('Time');
  });

  it('returns the tied candidates instead of guessing when unlabelled detectors could each hold PI', () => {
    const { annexin, pi } = suggestApoptosisChannels(channels(['FSC-A', null], ['SSC-A', null], ['FITC-A', null], ['PE-A', null], ['PerCP-Cy5-5-A', null], ['APC-A', null]));
    expect(annexin).toMatchObject({ status: 'confident', suggested: 'FITC-A' });
    expect(pi.status).toBe('ambiguous');
    expect(pi.suggested).toBeNull();
    expect(pi.candidates.map((c) => c.name).toSorted()).toEqual(['PE-A', 'PerCP-Cy5-5-A']);
  });

  it('handles Accuri/FACSCalibur FL channels: FL1 for Annexin V, FL2/FL3 tied for PI', () => {
    const { annexin, pi } = suggestApoptosisChannels(channels(['FSC-A', null], ['SSC-A', null], ['FL1-A', null], ['FL2-A', null], ['FL3-A', null], ['FL4-A', null]));
    expect(annexin.suggested).toBe('FL1-A');
    expect(pi.status).toBe('ambiguous');
    expect(pi.candidates.map((c) => c.name)).toEqual(['FL2-A', 'FL3-A']);
  });

  it('says so when nothing fits, and never offers the Annexin V channel for PI', () => {
    expect(suggestApoptosisChannels(channels(['FSC-A', null], ['APC-A', 'CD45'])).annexin).toEqual({ status: 'none', suggested: null, candidates: [] });
    const { pi } = suggestApoptosisChannels(channels(['FITC-A', 'Annexin V']));
    expect(pi.status).toBe('none');
  });
});

describe('setupMismatch', () => {
  const scatter = { fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H', kind: 'height' as const } };
  const tube = (name: string, pi: string) => ({ name, fluorescence: { annexin: 'FITC-A', pi }, scatter });
  it('accepts tubes that read the same channels and names both setups otherwise', () => {
    expect(setupMismatch(tube('b.fcs', 'PE-A'), tube('a.fcs', 'PE-A'))).toBeNull();
    expect(setupMismatch(tube('b.fcs', 'PerCP-A'), tube('a.fcs', 'PE-A'))).toBe(
      '"b.fcs" uses channels FITC-A, PerCP-A, FSC-A, SSC-A, FSC-H, but "a.fcs" uses FITC-A, PE-A, FSC-A, SSC-A, FSC-H; analyse files of one instrument setup together.',
    );
    const noPulse = { ...tube('c.fcs', 'PE-A'), scatter: { ...scatter, singletPulse: null } };
    expect(setupMismatch(noPulse, tube('a.fcs', 'PE-A'))).toBe(
      '"c.fcs" uses channels FITC-A, PE-A, FSC-A, SSC-A, but "a.fcs" uses FITC-A, PE-A, FSC-A, SSC-A, FSC-H; analyse files of one instrument setup together.',
    );
  });
});
