import { describe, expect, it } from 'vitest';
import { type DoseResponsePoint, fitDoseResponse } from './doseResponseFit.ts';
import { logisticValue } from './fourParameterLogistic.ts';

/** Replicate points on a known curve, with a small alternating offset so the fit has residuals. */
function onCurve(doses: readonly number[], curve: { bottom: number; top: number; ec50: number; hill: number }, offsets = [-1, 0.5, 0.5]): DoseResponsePoint[] {
  const p = { bottom: curve.bottom, top: curve.top, logEc50: Math.log10(curve.ec50), hill: curve.hill };
  return doses.flatMap((concentration) => offsets.map((offset) => ({ concentration, response: logisticValue(concentration, p) + offset })));
}

const FULL = [0, 1, 3, 10, 30, 100, 300, 1000];

describe('fitDoseResponse', () => {
  it('recovers a known curve: EC50 inside its asymmetric 95 % CI, Hill slope, plateaus', () => {
    const fit = fitDoseResponse(onCurve(FULL, { bottom: 20, top: 90, ec50: 25, hill: -1.2 }), 'nM');
    expect(fit.warnings).toEqual([]);
    expect(fit.n).toBe(24);
    expect(fit.concentrationCount).toBe(8);
    expect(fit.degreesOfFreedom).toBe(20);
    expect(fit.ec50).toBeCloseTo(25, 6);
    expect(fit.curve).toMatchObject({ bottom: expect.closeTo(20, 6), top: expect.closeTo(90, 6), hill: expect.closeTo(-1.2, 6) });
    if (fit.ec50 === null || fit.ec50Low === null || fit.ec50High === null) throw new Error('no EC50');
    expect(fit.ec50Low).toBeLessThan(fit.ec50);
    expect(fit.ec50High).toBeGreaterThan(fit.ec50);
    expect(fit.ec50High / fit.ec50).toBeCloseTo(fit.ec50 / fit.ec50Low, 9);
  });

  it('needs four concentrations and five points, and says so', () => {
    const three = fitDoseResponse(onCurve([0, 10, 100], { bottom: 0, top: 100, ec50: 10, hill: 1 }));
    expect(three.ec50).toBeNull();
    expect(three.warnings).toEqual([expect.stringContaining('Only 3 concentrations')]);
    const four = fitDoseResponse(onCurve([0, 1, 10, 100], { bottom: 0, top: 100, ec50: 10, hill: 1 }, [0]));
    expect(four.warnings).toEqual([expect.stringContaining('Only 4 points')]);
  });

  it('uses dose 0 as the untreated plateau and ignores responses that are not numbers', () => {
    const points = [...onCurve([0, 3, 10, 30, 100], { bottom: 5, top: 65, ec50: 12, hill: 1.5 }), { concentration: 10, response: Number.NaN }, { concentration: -1, response: 3 }];
    const fit = fitDoseResponse(points, 'nM');
    expect(fit.n).toBe(15);
    expect(fit.curve?.bottom).toBeCloseTo(5, 6);
    expect(fit.ec50).toBeCloseTo(12, 6);
  });

  it('refuses an EC50 beyond the concentrations tested, naming the side', () => {
    const above = fitDoseResponse(onCurve([0, 1, 3, 10, 30], { bottom: 10, top: 90, ec50: 80, hill: 1.5 }), 'nM');
    expect(above.ec50).toBeNull();
    expect(above.warnings[0]).toMatch(/above the highest concentration tested \(30 nM\).*Test higher concentrations/);
    const below = fitDoseResponse(onCurve([1, 3, 10, 30, 100], { bottom: 10, top: 90, ec50: 0.3, hill: 1.5 }), 'µM');
    expect(below.ec50).toBeNull();
    expect(below.warnings[0]).toMatch(/below the lowest concentration tested \(1 µM\)/);
  });

  it('calls a jump between two concentrations a step, not an EC50', () => {
    const step = [0, 1, 3, 10, 30, 100].flatMap((concentration) => [-0.5, 0.5].map((offset) => ({ concentration, response: (concentration >= 10 ? 80 : 10) + offset })));
    const fit = fitDoseResponse(step, 'nM');
    expect(fit.ec50).toBeNull();
    expect(fit.warnings[0]).toMatch(/jumps between 3 nM and 10 nM/);
  });

  it('warns when a plateau is extrapolated or the interval is wide, and still reports the EC50', () => {
    const partial = fitDoseResponse(onCurve([0, 5, 10, 20, 50], { bottom: 10, top: 90, ec50: 30, hill: 1.2 }, [-3, 1, 2]), 'nM');
    expect(partial.ec50).not.toBeNull();
    expect(partial.warnings).toContainEqual(expect.stringMatching(/^The highest concentration reaches only \d+ % of the fitted effect/));
    const noUntreated = fitDoseResponse(onCurve([3, 10, 30, 100, 300], { bottom: 10, top: 90, ec50: 8, hill: 1 }), 'nM');
    expect(noUntreated.warnings).toContainEqual(expect.stringMatching(/^The lowest concentration already gives \d+ % of the fitted effect and there is no untreated/));
    const noisy = fitDoseResponse(onCurve([0, 1, 10, 100, 1000], { bottom: 10, top: 40, ec50: 20, hill: 0.6 }, [-6, 6, 0]), 'nM');
    expect(noisy.ec50).toBeCloseTo(20, 5);
    expect(noisy.warnings).toEqual([expect.stringMatching(/^The 95 % confidence interval of the EC50 spans more than 100-fold \(1\.27 nM to 316 nM\)/)]);
  });
});
