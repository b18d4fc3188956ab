import { describe, expect, it } from 'vitest';
import { usableFileSpillover } from './fileSpillover.ts';

describe('usableFileSpillover', () => {
  it('keeps a matrix that can compensate', () => {
    const spillover = { channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.2], [0.05, 1]], source: '$SPILLOVER' };
    expect(usableFileSpillover({ spillover })).toEqual({ spillover, note: null });
    expect(usableFileSpillover({ spillover: null })).toEqual({ spillover: null, note: null });
  });

  it('sets aside a singular matrix with a plain note', () => {
    // FL2 is written as an exact copy of FL1: the rows are equal.
    const spillover = { channels: ['FL1-A', 'FL2-A'], matrix: [[1, 1], [1, 1]], source: '$SPILLOVER' };
    const { spillover: used, note } = usableFileSpillover({ spillover });
    expect(used).toBeNull();
    expect(note?.code).toBe('SPILLOVER_UNUSABLE');
    expect(note?.message).toMatch(/^The file's spillover matrix \(\$SPILLOVER\) cannot be inverted \(it is singular\), so it cannot compensate: this sample is shown uncompensated/);
  });
});
