/**
 * The 4PL fit against an independent reference: R's nls (Debian r-base-core) on the same points, through
 * doseResponseFit.reference.R. Skipped when Rscript is absent, except in CI, which installs it. Four data sets that
 * define their EC50 (falling and rising, with and without dose 0, a partial plateau, a shallow slope) and two that
 * cannot (midpoint above the tested range, no response).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../simulate/rng.ts';
import { sampleNormal } from '../simulate/samplers.ts';
import { type DoseResponsePoint, fitDoseResponse } from './doseResponseFit.ts';
import { referenceFits, rscriptAvailable } from '../testing/rReference.ts';

interface DataSet {
  name: string;
  doses: number[];
  replicates: number;
  curve: { bottom: number; top: number; ec50: number; hill: number };
  noise: number;
  /** False when the data are made so that they cannot define an EC50. */
  defined: boolean;
}

const DATA_SETS: DataSet[] = [
  { name: 'viability-full-curve', doses: [0, 1, 3, 10, 30, 100, 300, 1000], replicates: 3, curve: { bottom: 18, top: 91, ec50: 25, hill: -1.4 }, noise: 3, defined: true },
  { name: 'apoptosis-micromolar-no-dose-0', doses: [0.01, 0.03, 0.1, 0.3, 1, 3, 10], replicates: 2, curve: { bottom: 5, top: 60, ec50: 0.8, hill: 1.1 }, noise: 3, defined: true },
  { name: 'demo-like-partial-plateau', doses: [0, 10, 20, 50, 100], replicates: 3, curve: { bottom: 15, top: 85, ec50: 30, hill: 1.5 }, noise: 2.5, defined: true },
  { name: 'g2m-shallow', doses: [0, 2, 5, 10, 20, 50, 100, 200], replicates: 3, curve: { bottom: 15, top: 42, ec50: 18, hill: 0.9 }, noise: 1.5, defined: true },
  { name: 'undefined-midpoint-above-range', doses: [0, 1, 3, 10, 30, 100], replicates: 3, curve: { bottom: 10, top: 80, ec50: 400, hill: 1.2 }, noise: 2, defined: false },
  { name: 'undefined-no-response', doses: [0, 1, 10, 100, 1000], replicates: 3, curve: { bottom: 50, top: 50, ec50: 10, hill: 1 }, noise: 3, defined: false },
];

function points({ name, doses, replicates, curve, noise }: DataSet): DoseResponsePoint[] {
  const rng = createRng(name.length * 7919 + doses.length);
  return doses.flatMap((x) => Array.from({ length: replicates }, () => {
    const share = x === 0 ? (curve.hill > 0 ? 0 : 1) : 1 / (1 + Math.pow(curve.ec50 / x, curve.hill));
    return { concentration: x, response: curve.bottom + (curve.top - curve.bottom) * share + sampleNormal(rng, 0, noise) };
  }));
}

const relative = (a: number, b: number) => Math.abs(a / b - 1);

describe.runIf(rscriptAvailable())("4PL dose-response against R's nls", () => {
  const reference = referenceFits(DATA_SETS.map((set) => ({ name: set.name, points: points(set) })));

  it.each(DATA_SETS.filter((s) => s.defined))('$name: EC50, its 95 % CI, Hill slope and plateaus as R gives them', (set) => {
    const r = reference.get(set.name);
    const fit = fitDoseResponse(points(set));
    expect(r?.converged).toBe(true);
    if (!r || fit.ec50 === null || fit.ec50Low === null || fit.ec50High === null || !fit.curve) throw new Error(`no EC50 for ${set.name}: ${fit.warnings.join(' ')}`);
    const [bottom, top, hill] = r.top >= r.bottom ? [r.bottom, r.top, r.hill] : [r.top, r.bottom, -r.hill];
    expect(relative(fit.ec50, r.ec50)).toBeLessThan(1e-5);
    expect(relative(fit.ec50Low, r.ec50Low)).toBeLessThan(1e-4);
    expect(relative(fit.ec50High, r.ec50High)).toBeLessThan(1e-4);
    expect(relative(fit.curve.hill, hill)).toBeLessThan(1e-4);
    expect(fit.curve.bottom).toBeCloseTo(bottom, 3);
    expect(fit.curve.top).toBeCloseTo(top, 3);
    expect(fit.degreesOfFreedom).toBe(r.df);
  });

  it.each(DATA_SETS.filter((s) => !s.defined))('$name: no EC50, a plain reason, and R cannot place one in the tested range either', (set) => {
    const r = reference.get(set.name);
    const fit = fitDoseResponse(points(set), 'nM');
    expect(fit.ec50).toBeNull();
    expect(fit.warnings[0]).toMatch(/no EC50|cannot define the EC50/);
    const positives = set.doses.filter((d) => d > 0);
    const rInRange = r?.converged === true && r.ec50 >= Math.min(...positives) && r.ec50 <= Math.max(...positives) && r.ec50High / r.ec50Low < 100;
    expect(rInRange).toBe(false);
  });
});
