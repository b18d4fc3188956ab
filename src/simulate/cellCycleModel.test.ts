import { describe, expect, it } from 'vitest';
import { CellCycleClass } from './cellCycleEvents.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample, type CellCycleParams } from './cellCycleModel.ts';
import { columnNamed, meanAndSd, median, quantile, valuesOfClass } from './classStatistics.fixtures.ts';
import { countLabels } from './labels.ts';

const PARAMS: CellCycleParams = { ...DEFAULT_CELL_CYCLE_PARAMS, eventCount: 60_000 };
const sample = simulateCellCycleSample(PARAMS, 202);
const ofClass = (name: string, label: number, s = sample): Float64Array => valuesOfClass(columnNamed(s.input, name), s.labels, label);

describe('simulateCellCycleSample: truth', () => {
  it('reports counts that are the label counts and phase fractions equal to the request', () => {
    const counts = countLabels(sample.labels, Object.keys(sample.truth.counts).length);
    expect(Object.values(sample.truth.counts)).toEqual(counts);
    expect(sample.truth.counts.debris).toBe(3600);
    expect(sample.truth.counts.doublet).toBe(3000);
    expect(sample.truth.singleCellCount).toBe(60_000 - 3600 - 3000);
    expect(sample.truth.counts.subG1).toBe(Math.round(0.03 * sample.truth.singleCellCount));
    const { phaseFractions, cyclingCount } = sample.truth;
    expect(phaseFractions.g0g1 + phaseFractions.s + phaseFractions.g2m).toBeCloseTo(1, 12);
    for (const phase of ['g0g1', 's', 'g2m'] as const) {
      expect(Math.abs(phaseFractions[phase] - PARAMS.phaseFractions[phase])).toBeLessThanOrEqual(1 / cyclingCount);
    }
    expect(sample.truth.g2MeanPiA).toBeCloseTo(55_000 * 1.97, 6);
  });

  it('is reproducible from its seed', () => {
    const again = simulateCellCycleSample(PARAMS, 202);
    expect(again.labels).toEqual(sample.labels);
    again.input.columns.forEach((values, i) => expect(values).toEqual(sample.input.columns[i]));
  });

  it('turns debris and doublets off', () => {
    const clean = simulateCellCycleSample({ ...PARAMS, eventCount: 5000, debrisFraction: 0, doubletFraction: 0 }, 1);
    expect(clean.truth.counts.debris).toBe(0);
    expect(clean.truth.counts.doublet).toBe(0);
    expect(clean.truth.singleCellCount).toBe(5000);
  });
});

describe('simulateCellCycleSample: DNA content', () => {
  it.each([0.03, 0.05, 0.08])('puts G0/G1 at the requested mean with CV %s, and G2/M at the requested ratio', (cv) => {
    const s = simulateCellCycleSample({ ...PARAMS, g1Cv: cv, g2g1Ratio: 1.96 }, 303);
    const g1 = meanAndSd(ofClass('PI-A', CellCycleClass.g0g1, s));
    const g2 = meanAndSd(ofClass('PI-A', CellCycleClass.g2m, s));
    // Standard errors: mean 55,000·cv/√n; the SD's relative SE is 1/√(2n) (n ≈ 32,000 and 8,700 cells).
    expect(Math.abs(g1.mean - 55_000)).toBeLessThan(5 * (55_000 * cv) / Math.sqrt(s.truth.counts.g0g1));
    expect(Math.abs(g1.sd / g1.mean / s.truth.g1CvMeasured - 1)).toBeLessThan(5 / Math.sqrt(2 * s.truth.counts.g0g1));
    expect(Math.abs(g2.mean / g1.mean - 1.96)).toBeLessThan(0.005);
    expect(Math.abs(g2.sd / g2.mean / s.truth.g2CvMeasured - 1)).toBeLessThan(5 / Math.sqrt(2 * s.truth.counts.g2m));
  });

  it('spreads S phase between the peaks, denser early than late when the density falls', () => {
    const s = ofClass('PI-A', CellCycleClass.s);
    const g1 = 55_000;
    const g2 = 55_000 * 1.97;
    expect(median(s)).toBeGreaterThan(g1);
    expect(median(s)).toBeLessThan(g2);
    const firstThird = s.filter((v) => v > g1 && v < g1 + (g2 - g1) / 3).length;
    const lastThird = s.filter((v) => v > g2 - (g2 - g1) / 3 && v < g2).length;
    // Densities 1.15 → 1 → 0.85 make p(u) = 1.15 − 0.3u: the outer thirds hold 36.7% and 30.0% of S (ratio 1.22),
    // blurred a little by the CV.
    expect(firstThird / lastThird).toBeGreaterThan(1.1);
    expect(firstThird / lastThird).toBeLessThan(1.4);
  });

  it('puts sub-G1 below G0/G1 and debris in the lowest channels', () => {
    expect(quantile(ofClass('PI-A', CellCycleClass.subG1), 0.99)).toBeLessThan(0.9 * 55_000);
    expect(median(ofClass('PI-A', CellCycleClass.subG1))).toBeGreaterThan(0.25 * 55_000);
    const debris = ofClass('PI-A', CellCycleClass.debris);
    expect(median(debris)).toBeLessThan(0.1 * 55_000);
    expect(debris.filter((v) => v < 0.1 * 55_000).length).toBeGreaterThan(debris.filter((v) => v > 0.2 * 55_000).length);
  });
});

describe('simulateCellCycleSample: the messier tubes of real instruments (issue 10)', () => {
  const messy = simulateCellCycleSample(
    {
      ...PARAMS,
      debrisFraction: 0.3,
      cutNucleusFraction: 0.8,
      clumpFraction: 0.04,
      secondPopulation: { fraction: 0.3, dnaIndex: 1.5, cv: 0.04, phaseFractions: { g0g1: 0.6, s: 0.25, g2m: 0.15 } },
    },
    404,
  );
  const ofMessy = (name: string, label: number) => ofClass(name, label, messy);

  it('counts each kind of event from the labels, and keeps the first population\'s phases as requested', () => {
    const { counts, secondPopulation, phaseFractions, cyclingCount } = messy.truth;
    expect(counts.clump).toBe(Math.round(0.04 * 60_000));
    expect(counts.cutNucleus).toBe(Math.round(0.8 * counts.debris + 0.8 * counts.cutNucleus));
    expect(messy.truth.debrisFraction).toBeCloseTo(0.3, 12);
    for (const phase of ['g0g1', 's', 'g2m'] as const) expect(Math.abs(phaseFractions[phase] - PARAMS.phaseFractions[phase])).toBeLessThanOrEqual(1 / cyclingCount);
    expect(secondPopulation?.fraction).toBeCloseTo(0.3, 3);
    expect(secondPopulation?.phaseFractions.s).toBeCloseTo(0.25, 3);
    expect(messy.truth.offScalePercent).toBeCloseTo(4, 9);
  });

  it('piles the clumps in the top channel of PI-A, and nothing else there', () => {
    expect(ofMessy('PI-A', CellCycleClass.clump).every((v) => v === 262_143)).toBe(true);
    const others = Float64Array.from(columnNamed(messy.input, 'PI-A')).filter((_, i) => messy.labels[i] !== CellCycleClass.clump);
    expect(others.every((v) => v < (262_144 * 1023) / 1024)).toBe(true);
  });

  it('spreads cut nuclei from the lowest channels up under S phase and G2/M, falling towards G0/G1', () => {
    const cut = ofMessy('PI-A', CellCycleClass.cutNucleus);
    const below = (from: number, to: number) => cut.filter((v) => v >= from * 55_000 && v < to * 55_000).length;
    expect(below(0, 0.3)).toBeGreaterThan(below(0.3, 0.6));
    expect(below(0.3, 0.6)).toBeGreaterThan(below(0.6, 0.9));
    expect(below(1.1, 2.2)).toBeGreaterThan(0.005 * cut.length);
  });

  it('puts the second population at its DNA index, with its own S phase and G2/M', () => {
    const g1 = meanAndSd(ofMessy('PI-A', CellCycleClass.secondG0g1));
    expect(Math.abs(g1.mean / (1.5 * 55_000) - 1)).toBeLessThan(0.002);
    expect(Math.abs(g1.sd / g1.mean - (messy.truth.secondPopulation?.g1CvMeasured ?? 0))).toBeLessThan(0.002);
    expect(Math.abs(median(ofMessy('PI-A', CellCycleClass.secondG2m)) / (1.5 * 55_000 * 1.97) - 1)).toBeLessThan(0.005);
    const s = median(ofMessy('PI-A', CellCycleClass.secondS));
    expect(s).toBeGreaterThan(1.5 * 55_000);
    expect(s).toBeLessThan(1.5 * 55_000 * 1.97);
  });
});

describe('simulateCellCycleSample: pulse processing', () => {
  it('makes G1 doublets overlap G2/M in PI-A but separate on PI-W and PI-H', () => {
    const doubletArea = ofClass('PI-A', CellCycleClass.doublet);
    const g2Area = ofClass('PI-A', CellCycleClass.g2m);
    // The most common aggregate, two G1 nuclei, sits on the G2/M peak.
    const g2Centre = median(g2Area);
    const g2Spread = 3 * meanAndSd(g2Area).sd;
    const nearG2 = doubletArea.filter((v) => Math.abs(v - g2Centre) < g2Spread).length;
    expect(nearG2 / doubletArea.length).toBeGreaterThan(0.2);
    expect(quantile(ofClass('PI-W', CellCycleClass.doublet), 0.02)).toBeGreaterThan(quantile(ofClass('PI-W', CellCycleClass.g2m), 0.98));
    expect(median(ofClass('PI-H', CellCycleClass.doublet))).toBeLessThan(quantile(ofClass('PI-H', CellCycleClass.g2m), 0.1));
    // A doublet's height stays close to a single G1 nucleus's height (well under twice it).
    expect(median(ofClass('PI-H', CellCycleClass.doublet))).toBeLessThan(1.6 * median(ofClass('PI-H', CellCycleClass.g0g1)));
  });

  it('keeps PI-A = PI-H × PI-W × k for every event on scale', () => {
    const [a, h, w] = ['PI-A', 'PI-H', 'PI-W'].map((name) => columnNamed(sample.input, name));
    const k = 1 / (0.9 * 66_000);
    let mismatches = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] > 10_000 && w[i] < 262_143 && Math.abs(h[i] * w[i] * k - a[i]) > 1e-3 * a[i]) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('simulateCellCycleSample: bad parameters', () => {
  it.each([
    [{ phaseFractions: { g0g1: 0.6, s: 0.3, g2m: 0.2 } }, /phaseFractions must sum to 1/],
    [{ g1Cv: 0 }, /g1Cv must be in/],
    [{ g1MeanPiA: 200_000 }, /g1MeanPiA must be in/],
    [{ g2g1Ratio: 3 }, /g2g1Ratio must be in/],
    [{ subG1Fraction: 1.2 }, /subG1Fraction must be in/],
    [{ debrisFraction: 0.6, doubletFraction: 0.45 }, /must not exceed 1/],
    [{ sPhaseDensity: { start: 1, middle: 0.02, end: 2 } }, /sPhaseDensity must stay positive/],
    [{ eventCount: 50_000_000 }, /eventCount must be an integer in \[1, 10000000\]/],
    [{ clumpFraction: 0.6 }, /clumpFraction must be in/],
    [{ secondPopulation: { fraction: 0.3, dnaIndex: 5, cv: 0.03, phaseFractions: { g0g1: 1, s: 0, g2m: 0 } } }, /secondPopulation.dnaIndex must be in/],
  ])('rejects %j', (override, message) => {
    expect(() => simulateCellCycleSample({ ...PARAMS, ...override }, 1)).toThrow(message);
  });
});
