import { describe, expect, it } from 'vitest';
import { writeRectangleSPhase } from './componentShapes.ts';
import { modelHistogram, poissonNoise, type ModelHistogramSpec } from './cycleModel.fixtures.ts';
import { fitCellCycle } from './fitCellCycle.ts';
import { DEFAULT_MODEL_OPTIONS } from './modelOptions.ts';
import type { CellCycleFit, CellCycleModelOptions } from './types.ts';

const BIN_WIDTH = 256;
const WINDOW = { startBin: 150, endBin: 900 };

/** G0/G1 at channel 210.5 (PI-A 53,888), 4.5% CV, G2/M at 1.97×; areas in events, S amplitudes in events per channel. */
const PEAKS = { g1Mean: 210.5, g1Cv: 0.045, linearity: 1.97, g1Area: 15_000, g2Area: 4_000 };

function spec(overrides: Partial<ModelHistogramSpec>): ModelHistogramSpec {
  return {
    sPhase: 'quadratic',
    binCount: 1024,
    binWidth: BIN_WIDTH,
    ...WINDOW,
    debris: false,
    aggregates: 'off',
    parameters: {},
    ...overrides,
  };
}

function optionsFor(overrides: Partial<CellCycleModelOptions>): CellCycleModelOptions {
  return {
    ...DEFAULT_MODEL_OPTIONS,
    aggregates: 'off',
    window: { kind: 'range', min: WINDOW.startBin * BIN_WIDTH, max: WINDOW.endBin * BIN_WIDTH },
    ...overrides,
  };
}

function expectRelative(actual: number, expected: number, tolerance = 1e-6): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function singletsOf(fit: CellCycleFit): number {
  return fit.singlets;
}

describe('fitCellCycle recovers a histogram written by its own equations (no noise) to 1e-6', () => {
  it('Dean-Jett-Fox with a curved S phase, debris, doublets and triplets', () => {
    const parameters = { ...PEAKS, sStart: 40, sMiddle: 70, sEnd: 20, subG1Shoulder: 6, debris: 900, aggregates: 500 };
    const histogram = modelHistogram(spec({ parameters, debris: true, aggregates: 'doublets-and-triplets' }));
    const fit = fitCellCycle(histogram, optionsFor({ debris: 'on', aggregates: 'doublets-and-triplets' }));

    // S area = (μ2 − μ1)(b0 + b1 + b2)/3 for the Bernstein quadratic (each basis integrates to (μ2 − μ1)/3).
    const span = (PEAKS.linearity - 1) * PEAKS.g1Mean;
    const sEvents = (span * (40 + 70 + 20)) / 3;
    const cycling = PEAKS.g1Area + PEAKS.g2Area + sEvents;
    let windowEvents = 0;
    for (const count of histogram.counts) windowEvents += count;
    expect(fit.sPhaseOrder).toBe(2);
    expectRelative(fit.g1Mean, PEAKS.g1Mean * BIN_WIDTH);
    expectRelative(fit.g1CvPercent, 4.5);
    expectRelative(fit.g2CvPercent, 4.5);
    expectRelative(fit.g2g1Ratio, 1.97);
    expectRelative(fit.g2Mean, 1.97 * PEAKS.g1Mean * BIN_WIDTH);
    expectRelative(fit.g1Percent, (100 * PEAKS.g1Area) / cycling);
    expectRelative(fit.sPercent, (100 * sEvents) / cycling);
    expectRelative(fit.g2mPercent, (100 * PEAKS.g2Area) / cycling);
    expectRelative(fit.cyclingEvents, cycling);
    expectRelative(fit.debrisPercent, (100 * 900) / singletsOf(fit));
    // Triplets are q²/M with M the window's events.
    expectRelative(fit.aggregatesPercent, (100 * (500 + (500 * 500) / windowEvents)) / singletsOf(fit));
    expect(fit.singlets).toBeCloseTo(windowEvents, 6);
    expect(fit.rcs).toBeLessThan(1e-8);
    expect(fit.converged).toBe(true);
  });

  it('Dean-Jett-Fox with a straight S phase keeps the first-degree shape (no curvature in the data)', () => {
    const parameters = { ...PEAKS, sStart: 45, sEnd: 30, subG1Shoulder: 0, aggregates: 200 };
    const histogram = modelHistogram(spec({ sPhase: 'linear', parameters, aggregates: 'doublets' }));
    const fit = fitCellCycle(histogram, optionsFor({ aggregates: 'doublets' }));
    const span = (PEAKS.linearity - 1) * PEAKS.g1Mean;
    // Trapezoid area (μ2 − μ1)(b0 + b2)/2.
    const sEvents = (span * (45 + 30)) / 2;
    const cycling = PEAKS.g1Area + PEAKS.g2Area + sEvents;
    expect(fit.sPhaseOrder).toBe(1);
    expectRelative(fit.sPercent, (100 * sEvents) / cycling);
    expectRelative(fit.g1Percent, (100 * PEAKS.g1Area) / cycling);
    expectRelative(fit.g1CvPercent, 4.5);
    expectRelative(fit.g2g1Ratio, 1.97);
  });

  it('broadened rectangle with separate G2/M CV', () => {
    const parameters = { ...PEAKS, g2Cv: 0.038, sHeight: 35, subG1Shoulder: 3 };
    const histogram = modelHistogram(spec({ sPhase: 'rectangle', parameters }));
    const fit = fitCellCycle(histogram, optionsFor({ model: 'rectangle', g2CvPercent: { kind: 'free' } }));
    const sEvents = 35 * (PEAKS.linearity - 1) * PEAKS.g1Mean;
    const cycling = PEAKS.g1Area + PEAKS.g2Area + sEvents;
    expect(fit.sPhaseOrder).toBe(0);
    expectRelative(fit.g2CvPercent, 3.8);
    expectRelative(fit.g1CvPercent, 4.5);
    expectRelative(fit.sPercent, (100 * sEvents) / cycling);
    expectRelative(fit.g2mPercent, (100 * PEAKS.g2Area) / cycling);
  });

  it('Watson: Gaussian peaks over a broadened-rectangle S phase, S = what the peaks leave between μ1 − 3σ1 and μ2 + 3σ2', () => {
    const parameters = { ...PEAKS, sHeight: 35, subG1Shoulder: 0 };
    const histogram = modelHistogram(spec({ sPhase: 'rectangle', parameters }));
    const fit = fitCellCycle(histogram, optionsFor({ model: 'watson' }));
    const sd1 = PEAKS.g1Cv * PEAKS.g1Mean;
    const mean2 = PEAKS.linearity * PEAKS.g1Mean;
    const first = Math.ceil(PEAKS.g1Mean - 3 * sd1);
    const last = Math.floor(mean2 + 3 * PEAKS.g1Cv * mean2);
    const rectangle = new Float64Array(last - first);
    writeRectangleSPhase(rectangle, first, PEAKS.g1Mean, mean2, sd1, PEAKS.g1Cv * mean2);
    const sEvents = 35 * rectangle.reduce((sum, v) => sum + v, 0);
    const cycling = PEAKS.g1Area + PEAKS.g2Area + sEvents;
    expect(fit.sPhaseOrder).toBeNull();
    expectRelative(fit.g1Mean, PEAKS.g1Mean * BIN_WIDTH);
    expectRelative(fit.g1CvPercent, 4.5);
    expectRelative(fit.g2g1Ratio, 1.97);
    expectRelative(fit.g1Percent, (100 * PEAKS.g1Area) / cycling);
    expectRelative(fit.sPercent, (100 * sEvents) / cycling);
    expectRelative(fit.g2mPercent, (100 * PEAKS.g2Area) / cycling);
  });
});

describe('fitCellCycle on Poisson-noised model histograms', () => {
  const cases: { name: string; spec: ModelHistogramSpec; options: Partial<CellCycleModelOptions>; sEvents: number }[] = [
    {
      name: 'DJF, curved S, doublets',
      spec: spec({ parameters: { ...PEAKS, sStart: 40, sMiddle: 70, sEnd: 20, subG1Shoulder: 0, aggregates: 400 }, aggregates: 'doublets' }),
      options: { aggregates: 'doublets' },
      sEvents: ((PEAKS.linearity - 1) * PEAKS.g1Mean * 130) / 3,
    },
    {
      name: 'rectangle, debris',
      spec: spec({ sPhase: 'rectangle', parameters: { ...PEAKS, sHeight: 30, subG1Shoulder: 0, debris: 1500 }, debris: true }),
      options: { model: 'rectangle', debris: 'on' },
      sEvents: (PEAKS.linearity - 1) * PEAKS.g1Mean * 30,
    },
  ];
  it.each(cases)('$name: phases within 1 point and G1 CV within 0.2 points over 5 seeds', ({ spec: histogramSpec, options, sEvents }) => {
    const expected = modelHistogram(histogramSpec);
    const cycling = PEAKS.g1Area + PEAKS.g2Area + sEvents;
    for (let seed = 1; seed <= 5; seed++) {
      const fit = fitCellCycle({ counts: poissonNoise(expected.counts, seed), binWidth: BIN_WIDTH }, optionsFor(options));
      expect(Math.abs(fit.g1Percent - (100 * PEAKS.g1Area) / cycling)).toBeLessThan(1);
      expect(Math.abs(fit.sPercent - (100 * sEvents) / cycling)).toBeLessThan(1);
      expect(Math.abs(fit.g2mPercent - (100 * PEAKS.g2Area) / cycling)).toBeLessThan(1);
      expect(Math.abs(fit.g1CvPercent - 4.5)).toBeLessThan(0.2);
      expect(fit.rcs).toBeLessThan(1.5);
    }
  });
});

describe('fitCellCycle input checks', () => {
  it('rejects a histogram without events, with negative counts or a bad bin width, naming the problem', () => {
    expect(() => fitCellCycle({ counts: new Float64Array(64), binWidth: 1 }, DEFAULT_MODEL_OPTIONS)).toThrow(
      expect.objectContaining({ name: 'CellCycleError', code: 'no-events', message: expect.stringMatching(/^No events fall on the DNA axis: check/) }),
    );
    const negative = new Float64Array(64).fill(1);
    negative[7] = -2;
    expect(() => fitCellCycle({ counts: negative, binWidth: 1 }, DEFAULT_MODEL_OPTIONS)).toThrow(/bin 7 holds -2/);
    expect(() => fitCellCycle({ counts: new Float64Array(64).fill(1), binWidth: 0 }, DEFAULT_MODEL_OPTIONS)).toThrow(/binWidth/);
    expect(() => fitCellCycle({ counts: new Float64Array(8).fill(1), binWidth: 1 }, DEFAULT_MODEL_OPTIONS)).toThrow(/16–8192 bins/);
  });

  it('rejects a flat histogram with no peak, in a sentence that says what to check', () => {
    expect(() => fitCellCycle({ counts: new Float64Array(256).fill(5), binWidth: 1 }, DEFAULT_MODEL_OPTIONS)).toThrow(
      expect.objectContaining({ code: 'no-peak', message: expect.stringMatching(/^No G0\/G1 peak stands out in the DNA histogram: check that the DNA channel/) }),
    );
  });

  it('rejects contradictory options before fitting', () => {
    const histogram = modelHistogram(spec({ parameters: { ...PEAKS, sStart: 40, sMiddle: 40, sEnd: 40, subG1Shoulder: 0 } }));
    expect(() => fitCellCycle(histogram, optionsFor({ linearity: { kind: 'range', min: 2.2, max: 1.9 } }))).toThrow(/G2\/M ÷ G0\/G1 ratio cannot be fitted within 2.2–1.9/);
    expect(() => fitCellCycle(histogram, optionsFor({ window: { kind: 'range', min: 500, max: 100 } }))).toThrow(/window/);
  });
});
