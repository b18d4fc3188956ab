import { describe, expect, it } from 'vitest';
import { fitAxisTitle } from './axisTitleFit.ts';

describe('fitAxisTitle', () => {
  it('centres a title that fits on the plot area', () => {
    expect(fitAxisTitle(100, 12, 62, 426, 440)).toEqual({ centre: 244, size: 12 });
  });

  it('moves a title that would cross the figure edge just far enough inside', () => {
    // A 230-px figure with its plot area at 62–216: centred at 139, a 180-px title would end at 229 > 228.
    expect(fitAxisTitle(180, 12, 62, 216, 230)).toEqual({ centre: 138, size: 12 });
    expect(fitAxisTitle(200, 12, 12, 100, 230)).toEqual({ centre: 102, size: 12 });
  });

  it('sets a title wider than the figure smaller, in the middle, never below 9 px', () => {
    expect(fitAxisTitle(300, 12, 62, 216, 230)).toEqual({ centre: 115, size: 9 });
    expect(fitAxisTitle(250, 12, 62, 216, 230)).toEqual({ centre: 115, size: 10 });
  });
});
