import { describe, expect, it } from 'vitest';
import { readSpillover } from './spillover.ts';
import type { Channel, FcsWarning } from './types.ts';

function channel(index: number, name: string, label: string | null = null): Channel {
  return { index, name, label, bits: 32, range: 262144, amplification: [0, 0], gain: 1, datatype: 'F' };
}

const channels = [channel(1, 'FSC-A'), channel(2, 'FITC-A', 'Annexin V'), channel(3, 'PE-A', 'PI'), channel(4, 'Time')];

function read(keywords: Record<string, string>, list = channels) {
  const warnings: FcsWarning[] = [];
  return { spillover: readSpillover(keywords, list, warnings), codes: warnings.map((w) => w.code) };
}

describe('readSpillover', () => {
  it('parses $SPILLOVER row-major: row i is the spill of channel i into each detector', () => {
    expect(read({ $SPILLOVER: '2,FITC-A,PE-A,1,0.25,0.02,1' })).toEqual({
      spillover: { channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.25], [0.02, 1]], source: '$SPILLOVER' },
      codes: [],
    });
  });

  it('resolves channels given by number (BD Accuri) or by a unique $PnS', () => {
    expect(read({ $SPILLOVER: '2,2,3,1,0.1,0,1' }).spillover?.channels).toEqual(['FITC-A', 'PE-A']);
    expect(read({ SPILL: '2,Annexin V,PI,1,0.1,0,1' }).spillover?.channels).toEqual(['FITC-A', 'PE-A']);
  });

  it('prefers $SPILLOVER, then SPILL, and skips an invalid keyword with a warning', () => {
    const result = read({ $SPILLOVER: '2,FITC-A,PE-A', SPILL: '2,FITC-A,PE-A,1,0.3,0,1' });
    expect(result.spillover?.source).toBe('SPILL');
    expect(result.codes).toEqual(['SPILLOVER_INVALID']);
  });

  it('prefers a matrix whose channels all exist over one naming absent detectors (Stratedigm DET_SPILL)', () => {
    const result = read({ DET_SPILL: '2,FL1,FL2,1,0,0,1', SPILL: '2,FITC-A,PE-A,1,0.5,0,1' });
    expect(result.spillover?.source).toBe('SPILL');
    const absent = read({ SPILL: '2,FITC-A,APC-A,1,0,0,1' });
    expect(absent.spillover?.channels).toEqual(['FITC-A', 'APC-A']);
    expect(absent.codes).toEqual(['SPILLOVER_UNKNOWN_CHANNELS']);
  });

  it('reads FCS 3.0 $COMP over parameters 1..n', () => {
    expect(read({ $COMP: '2,1,0.1,0.2,1' }).spillover).toEqual({ channels: ['FSC-A', 'FITC-A'], matrix: [[1, 0.1], [0.2, 1]], source: '$COMP' });
    expect(read({ $COMP: '5,1,0,0' }).codes).toEqual(['SPILLOVER_INVALID']);
  });

  it('reads $DFCiTOj percentages by fluorescence detector number (Beckman), i into j', () => {
    const beckman = [channel(1, 'FS'), channel(2, 'FL1 LOG'), channel(3, 'FL2 LOG'), channel(4, 'FL10 LOG')];
    expect(read({ $DFC1TO2: '5.1', $DFC2TO1: '1.0', $DFC1TO10: '0' }, beckman).spillover).toEqual({
      channels: ['FL1 LOG', 'FL2 LOG'],
      matrix: [[1, 0.051], [0.01, 1]],
      source: '$DFCiTOj',
    });
  });

  it('gives no matrix when every $DFCiTOj term is zero, and warns when a detector matches two channels', () => {
    expect(read({ $DFC1TO2: '0.0', $DFC2TO1: '0' })).toEqual({ spillover: null, codes: [] });
    const ambiguous = [channel(1, 'FL1 INT LIN'), channel(2, 'FL1 INT LOG'), channel(3, 'FL2 INT LOG')];
    expect(read({ $DFC1TO2: '3' }, ambiguous)).toEqual({ spillover: null, codes: ['SPILLOVER_INVALID'] });
  });
});
