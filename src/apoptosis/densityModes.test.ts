import { describe, expect, it } from 'vitest';
import { createRng } from '../simulate/rng.ts';
import { highestMode, lowerTail, smoothedDensity, splitAtValley } from './densityModes.ts';

/** n normal values around each centre (counts[k] at centres[k] with SD sds[k]). */
function mixture(centres: number[], sds: number[], counts: number[], seed = 5): Float64Array {
  const rng = createRng(seed);
  const values: number[] = [];
  centres.forEach((centre, k) => {
    for (let i = 0; i < counts[k]; i++) values.push(centre + sds[k] * rng.standardNormal());
  });
  return Float64Array.from(values);
}

const AXIS = { lo: 0, hi: 10, bins: 200, smoothing: 0.1 };

describe('splitAtValley', () => {
  it('finds the valley between two populations, whichever side the smaller one is on', () => {
    const values = mixture([3, 7], [0.4, 0.4], [10_000, 1_000]);
    const density = smoothedDensity(values, null, AXIS);
    const either = splitAtValley(density, { side: 'either', minSeparation: 1, minProminence: 0.01 });
    expect(either?.mainMode).toBeCloseTo(3, 0);
    expect(either?.otherMode).toBeCloseTo(7, 0);
    // In the gap, ≥ 3 SD from both modes.
    expect(either?.valley).toBeGreaterThan(4.2);
    expect(either?.valley).toBeLessThan(5.8);
    expect(splitAtValley(density, { side: 'above', minSeparation: 1, minProminence: 0.01 })?.otherMode).toBeCloseTo(7, 0);
    expect(splitAtValley(density, { side: 'below', minSeparation: 1, minProminence: 0.01 })).toBeNull();
  });

  it('cuts an empty gap in its middle', () => {
    const density = smoothedDensity(mixture([2, 8], [0.1, 0.1], [1000, 1000]), null, { ...AXIS, smoothing: 0.05 });
    expect(splitAtValley(density, { side: 'either', minSeparation: 1, minProminence: 0.01 })?.valley).toBeCloseTo(5, 0);
  });

  it('ignores a population closer than minSeparation or less prominent than minProminence', () => {
    const close = smoothedDensity(mixture([4, 5.2], [0.3, 0.3], [5000, 5000]), null, AXIS);
    expect(splitAtValley(close, { side: 'either', minSeparation: 1.5, minProminence: 0.01 })).toBeNull();
    const faint = smoothedDensity(mixture([3, 7], [0.4, 0.4], [10_000, 20]), null, AXIS);
    expect(splitAtValley(faint, { side: 'either', minSeparation: 1, minProminence: 0.05 })).toBeNull();
  });

  it('does not mistake noise in one population for a second one', () => {
    const density = smoothedDensity(mixture([5], [0.8], [20_000]), null, AXIS);
    expect(splitAtValley(density, { side: 'either', minSeparation: 0.5, minProminence: 0.01 })).toBeNull();
    expect(highestMode(density)).toBeCloseTo(5, 0);
  });

  it('leaves off-range values out instead of piling them into a fake edge mode', () => {
    const values = Float64Array.from([...mixture([5], [0.5], [5000]), ...Array.from({ length: 3000 }, () => -50)]);
    const density = smoothedDensity(values, null, AXIS);
    expect(splitAtValley(density, { side: 'either', minSeparation: 1, minProminence: 0.01 })).toBeNull();
  });

  it('reads only the given events', () => {
    const values = mixture([3, 7], [0.4, 0.4], [5000, 5000]);
    const firstPopulation = Uint32Array.from({ length: 5000 }, (_, i) => i);
    expect(splitAtValley(smoothedDensity(values, firstPopulation, AXIS), { side: 'either', minSeparation: 1, minProminence: 0.01 })).toBeNull();
  });
});

describe('lowerTail', () => {
  it('is where the density of a single normal population falls below the fraction of its peak', () => {
    const density = smoothedDensity(mixture([5], [0.5], [50_000]), null, AXIS);
    // exp(−z²/2) = 0.01 at z = 3.03; smoothing widens the SD to √(0.5² + 0.1²) = 0.51.
    expect(lowerTail(density, 0.01)).toBeCloseTo(5 - 3.03 * 0.51, 0);
  });
});
