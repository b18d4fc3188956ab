import { describe, expect, it } from 'vitest';
import { ApoptosisClass, DEFAULT_APOPTOSIS_PARAMS, simulateApoptosisSample, type ApoptosisParams } from './apoptosisModel.ts';
import { columnNamed, median, quantile, valuesOfClass } from './classStatistics.fixtures.ts';
import { CANTO_MAX_VALUE } from './instrument.ts';
import { countLabels } from './labels.ts';

const PARAMS: ApoptosisParams = {
  ...DEFAULT_APOPTOSIS_PARAMS,
  eventCount: 60_000,
  singleCellFractions: { viable: 0.6, earlyApoptotic: 0.2, lateApoptotic: 0.15, necrotic: 0.05 },
};
const sample = simulateApoptosisSample(PARAMS, 101);
const { labels } = sample;
const column = (name: string): ArrayLike<number> => columnNamed(sample.input, name);
const ofClass = (name: string, label: number): Float64Array => valuesOfClass(column(name), labels, label);

/** Compensated values X·S⁻¹ for the 2×2 FITC/PE matrix, inverted by hand. */
function compensate(fitc: ArrayLike<number>, pe: ArrayLike<number>, s: number[][]): { fitc: Float64Array; pe: Float64Array } {
  const det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
  const outFitc = new Float64Array(fitc.length);
  const outPe = new Float64Array(fitc.length);
  for (let i = 0; i < fitc.length; i++) {
    outFitc[i] = (fitc[i] * s[1][1] - pe[i] * s[1][0]) / det;
    outPe[i] = (pe[i] * s[0][0] - fitc[i] * s[0][1]) / det;
  }
  return { fitc: outFitc, pe: outPe };
}

/** Least-squares slope of y on x. */
function slope(x: Float64Array, y: Float64Array): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

/** Decades between the medians of a positive and a negative population. */
function decades(positive: Float64Array, negative: Float64Array): number {
  return Math.log10(median(positive) / median(negative));
}

describe('simulateApoptosisSample: truth', () => {
  it('reports counts that are the label counts, and fractions of single cells equal to the request', () => {
    const counts = countLabels(labels, 6);
    expect(Object.values(sample.truth.counts)).toEqual(counts);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(PARAMS.eventCount);
    expect(sample.truth.counts.debris).toBe(Math.round(0.08 * 60_000));
    expect(sample.truth.counts.doublet).toBe(Math.round(0.04 * 60_000));
    const singles = sample.truth.singleCellCount;
    expect(singles).toBe(60_000 - 4800 - 2400);
    for (const key of ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic'] as const) {
      expect(Math.abs(sample.truth.fractionsOfSingleCells[key] - PARAMS.singleCellFractions[key])).toBeLessThanOrEqual(1 / singles);
      expect(sample.truth.fractionsOfSingleCells[key]).toBe(sample.truth.counts[key] / singles);
    }
    const { earlyApoptotic, lateApoptotic, totalApoptotic } = sample.truth.fractionsOfSingleCells;
    expect(totalApoptotic).toBeCloseTo(earlyApoptotic + lateApoptotic, 12);
  });

  it('is reproducible from its seed, and another seed gives other events', () => {
    const again = simulateApoptosisSample(PARAMS, 101);
    expect(again.labels).toEqual(labels);
    again.input.columns.forEach((values, i) => expect(values).toEqual(sample.input.columns[i]));
    const other = simulateApoptosisSample(PARAMS, 102);
    expect(other.input.columns[0]).not.toEqual(sample.input.columns[0]);
  });
});

describe('simulateApoptosisSample: what a FACSCanto II would record', () => {
  it('has the Diva channels, float32 columns and top-of-scale limit', () => {
    expect(sample.input.channels.map((c) => [c.name, c.label ?? null, c.range])).toEqual([
      ['FSC-A', null, 262144], ['FSC-H', null, 262144], ['FSC-W', null, 262144],
      ['SSC-A', null, 262144], ['SSC-H', null, 262144], ['SSC-W', null, 262144],
      ['FITC-A', 'Annexin V', 262144], ['PE-A', 'PI', 262144], ['Time', null, 262144],
    ]);
    for (const values of sample.input.columns) {
      expect(values).toBeInstanceOf(Float32Array);
      expect(values).toHaveLength(60_000);
      expect(Math.max(...(values as Float32Array))).toBeLessThanOrEqual(CANTO_MAX_VALUE);
    }
    expect(sample.input.keywords?.$CYT).toBe('FACSCantoII');
    expect(sample.input.spillover?.channels).toEqual(['FITC-A', 'PE-A']);
  });

  it('shrinks dying cells and keeps debris at low scatter', () => {
    const fsc = (label: number): number => median(ofClass('FSC-A', label));
    const ssc = (label: number): number => median(ofClass('SSC-A', label));
    expect(fsc(ApoptosisClass.viable)).toBeGreaterThan(fsc(ApoptosisClass.earlyApoptotic));
    expect(fsc(ApoptosisClass.earlyApoptotic)).toBeGreaterThan(fsc(ApoptosisClass.lateApoptotic));
    expect(fsc(ApoptosisClass.lateApoptotic)).toBeGreaterThan(fsc(ApoptosisClass.necrotic));
    expect(ssc(ApoptosisClass.earlyApoptotic)).toBeGreaterThan(ssc(ApoptosisClass.viable));
    expect(ssc(ApoptosisClass.lateApoptotic)).toBeGreaterThan(ssc(ApoptosisClass.viable));
    expect(fsc(ApoptosisClass.debris)).toBeLessThan(0.2 * fsc(ApoptosisClass.viable));
    expect(quantile(ofClass('FSC-A', ApoptosisClass.debris), 0.95)).toBeLessThan(quantile(ofClass('FSC-A', ApoptosisClass.necrotic), 0.05));
  });

  it('records doublets with about twice the area, a lower height-to-area ratio and a longer pulse', () => {
    const singleLabels = [ApoptosisClass.viable, ApoptosisClass.earlyApoptotic, ApoptosisClass.lateApoptotic, ApoptosisClass.necrotic];
    const singlesFsc = Float64Array.from(singleLabels.flatMap((l) => Array.from(ofClass('FSC-A', l))));
    const areaRatio = median(ofClass('FSC-A', ApoptosisClass.doublet)) / median(singlesFsc);
    expect(areaRatio).toBeGreaterThan(1.7);
    expect(areaRatio).toBeLessThan(2.3);
    const heightPerArea = (label: number): Float64Array => {
      const a = ofClass('FSC-A', label);
      return ofClass('FSC-H', label).map((h, i) => h / a[i]);
    };
    expect(quantile(heightPerArea(ApoptosisClass.doublet), 0.95)).toBeLessThan(quantile(heightPerArea(ApoptosisClass.viable), 0.05));
    expect(median(ofClass('FSC-W', ApoptosisClass.doublet))).toBeGreaterThan(1.4 * median(ofClass('FSC-W', ApoptosisClass.viable)));
  });

  it('places positives 1.5–2.5 decades above autofluorescent negatives, with negative values present', () => {
    const viableFitc = ofClass('FITC-A', ApoptosisClass.viable);
    const viablePe = ofClass('PE-A', ApoptosisClass.viable);
    for (const d of [decades(ofClass('FITC-A', ApoptosisClass.earlyApoptotic), viableFitc), decades(ofClass('PE-A', ApoptosisClass.necrotic), viablePe)]) {
      expect(d).toBeGreaterThan(1.5);
      expect(d).toBeLessThan(2.5);
    }
    expect(viableFitc.some((v) => v < 0)).toBe(true);
    expect(viablePe.some((v) => v < 0)).toBe(true);
  });
});

describe('simulateApoptosisSample: spillover', () => {
  const spill = sample.truth.spillover.matrix;
  const annexinOnly = simulateApoptosisSample({ ...PARAMS, stain: 'annexinOnly' }, 7);
  const piOnly = simulateApoptosisSample({ ...PARAMS, stain: 'piOnly' }, 8);

  it('spills FITC into PE-A with the recorded coefficient (slope of PE-A on FITC-A in the Annexin-only control)', () => {
    const fitc = valuesOfClass(columnNamed(annexinOnly.input, 'FITC-A'), annexinOnly.labels, ApoptosisClass.earlyApoptotic);
    const pe = valuesOfClass(columnNamed(annexinOnly.input, 'PE-A'), annexinOnly.labels, ApoptosisClass.earlyApoptotic);
    expect(slope(fitc, pe)).toBeCloseTo(spill[0][1], 2);
  });

  it('spills PI back into FITC-A with the recorded coefficient (PI-only control)', () => {
    const pe = valuesOfClass(columnNamed(piOnly.input, 'PE-A'), piOnly.labels, ApoptosisClass.necrotic);
    const fitc = valuesOfClass(columnNamed(piOnly.input, 'FITC-A'), piOnly.labels, ApoptosisClass.necrotic);
    expect(slope(pe, fitc)).toBeCloseTo(spill[1][0], 2);
  });

  it('is undone by the inverse of the $SPILLOVER matrix: Annexin-bright cells fall back onto the PI-negative level', () => {
    const raw = { fitc: column('FITC-A'), pe: column('PE-A') };
    const compensated = compensate(raw.fitc, raw.pe, spill);
    const early = ApoptosisClass.earlyApoptotic;
    const viable = ApoptosisClass.viable;
    // Before compensation early apoptotic cells sit ~0.21 × 16,000 above the viable cells in PE-A...
    expect(median(ofClass('PE-A', early)) - median(ofClass('PE-A', viable))).toBeGreaterThan(2500);
    // ...after it they share the PI-negative level (autofluorescence), centred near zero.
    const compensatedPe = (label: number): Float64Array => valuesOfClass(compensated.pe, labels, label);
    expect(Math.abs(median(compensatedPe(early)) - median(compensatedPe(viable)))).toBeLessThan(40);
    expect(Math.abs(median(compensatedPe(viable)))).toBeLessThan(120);
    expect(compensatedPe(viable).filter((v) => v < 0).length / compensatedPe(viable).length).toBeGreaterThan(0.1);
  });

  it('omits the keyword on request but still reports the true matrix', () => {
    const lost = simulateApoptosisSample({ ...PARAMS, eventCount: 1000, writeSpilloverKeyword: false }, 3);
    expect(lost.input.spillover).toBeNull();
    expect(lost.input.keywords?.['APPLY COMPENSATION']).toBe('FALSE');
    expect(lost.truth.spillover.matrix).toEqual(spill);
  });
});

describe('simulateApoptosisSample: controls', () => {
  it('shows no stain where the tube received none', () => {
    const unstained = simulateApoptosisSample({ ...PARAMS, stain: 'unstained' }, 4);
    const annexinOnly = simulateApoptosisSample({ ...PARAMS, stain: 'annexinOnly' }, 5);
    const piOnly = simulateApoptosisSample({ ...PARAMS, stain: 'piOnly' }, 6);
    const high = (s: typeof unstained, name: string, label: number): number => quantile(valuesOfClass(columnNamed(s.input, name), s.labels, label), 0.99);
    expect(high(unstained, 'FITC-A', ApoptosisClass.lateApoptotic)).toBeLessThan(1000);
    expect(high(unstained, 'PE-A', ApoptosisClass.lateApoptotic)).toBeLessThan(1000);
    expect(high(annexinOnly, 'PE-A', ApoptosisClass.necrotic)).toBeLessThan(1000);
    expect(high(piOnly, 'FITC-A', ApoptosisClass.earlyApoptotic)).toBeLessThan(1000);
    expect(median(valuesOfClass(columnNamed(piOnly.input, 'PE-A'), piOnly.labels, ApoptosisClass.necrotic))).toBeGreaterThan(10_000);
  });
});

describe('simulateApoptosisSample: bad parameters', () => {
  it.each([
    [{ eventCount: 0 }, /eventCount must be an integer/],
    [{ eventCount: 1.5 }, /eventCount must be an integer/],
    [{ singleCellFractions: { viable: 0.9, earlyApoptotic: 0.2, lateApoptotic: 0, necrotic: 0 } }, /singleCellFractions must sum to 1/],
    [{ singleCellFractions: { viable: 1.1, earlyApoptotic: -0.1, lateApoptotic: 0, necrotic: 0 } }, /singleCellFractions.viable must be in \[0, 1\]/],
    [{ debrisFraction: -0.01 }, /debrisFraction must be in/],
    [{ doubletFraction: Number.NaN }, /doubletFraction must be in/],
    [{ stain: 'dapi' as ApoptosisParams['stain'] }, /stain must be one of/],
  ])('rejects %j', (override, message) => {
    expect(() => simulateApoptosisSample({ ...PARAMS, ...override }, 1)).toThrow(message);
  });
});
