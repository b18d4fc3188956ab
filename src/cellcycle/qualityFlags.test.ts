import { describe, expect, it } from 'vitest';
import { modelHistogram, poissonNoise, type ModelHistogramSpec } from './cycleModel.fixtures.ts';
import { fitCellCycle } from './fitCellCycle.ts';
import { DEFAULT_MODEL_OPTIONS } from './modelOptions.ts';
import { assessCellCycleFit } from './qualityFlags.ts';
import type { CellCycleModelOptions, DnaHistogram } from './types.ts';

const WINDOW = { startBin: 150, endBin: 900 };
const OPTIONS: CellCycleModelOptions = {
  ...DEFAULT_MODEL_OPTIONS,
  aggregates: 'off',
  window: { kind: 'range', min: WINDOW.startBin * 256, max: WINDOW.endBin * 256 },
};

function sample(overrides: { g1Cv?: number; scale?: number; seed?: number } = {}): DnaHistogram {
  const scale = overrides.scale ?? 1;
  const spec: ModelHistogramSpec = {
    sPhase: 'linear',
    binCount: 1024,
    binWidth: 256,
    ...WINDOW,
    debris: false,
    aggregates: 'off',
    parameters: {
      g1Mean: 210.5,
      g1Cv: overrides.g1Cv ?? 0.045,
      linearity: 1.97,
      g1Area: 15_000 * scale,
      g2Area: 4000 * scale,
      sStart: 40 * scale,
      sEnd: 30 * scale,
      subG1Shoulder: 0,
    },
  };
  const expected = modelHistogram(spec);
  return { counts: poissonNoise(expected.counts, overrides.seed ?? 3), binWidth: 256 };
}

const codes = (histogram: DnaHistogram, options: CellCycleModelOptions = OPTIONS) =>
  assessCellCycleFit(fitCellCycle(histogram, options)).map((flag) => flag.code);

describe('assessCellCycleFit', () => {
  it('raises nothing for a good 27,000-event histogram', () => {
    expect(codes(sample())).toEqual([]);
  });

  it('flags a G0/G1 CV above 8%', () => {
    const flags = assessCellCycleFit(fitCellCycle(sample({ g1Cv: 0.095 }), OPTIONS));
    expect(flags.map((f) => f.code)).toContain('g1-cv-high');
    expect(flags.find((f) => f.code === 'g1-cv-high')?.message).toMatch(/G0\/G1 CV is 9\.\d% \(above 8%\)/);
  });

  it('flags fewer than 5,000 singlets', () => {
    expect(codes(sample({ scale: 0.15 }))).toContain('few-singlets');
  });

  it('flags a G2/G1 ratio held outside 1.85–2.15 and the parameter stopped at its limit', () => {
    const flags = codes(sample(), { ...OPTIONS, linearity: { kind: 'range', min: 1.76, max: 1.8 } });
    expect(flags).toContain('g2g1-ratio');
    expect(flags).toContain('parameters-at-bounds');
  });

  it('flags a high reduced chi-square when the histogram holds something the model lacks', () => {
    const histogram = sample();
    for (let i = 300; i < 304; i++) histogram.counts[i] += 400;
    expect(codes(histogram)).toContain('rcs-high');
  });

  it('flags gate and aggregate-model doublet estimates more than 5 points apart, in plain words', () => {
    const fit = fitCellCycle(sample(), OPTIONS);
    const flags = assessCellCycleFit(fit, { doublets: { gatePercent: 12, modelPercent: 4.5 } });
    expect(flags.map((f) => f.code)).toEqual(['doublets-disagree']);
    expect(flags[0].message).toBe(
      'The singlet gate left out 12.0% of events as doublets, but the aggregate model estimates 4.5%: check the singlet gate.',
    );
    expect(assessCellCycleFit(fit, { doublets: { gatePercent: 8, modelPercent: 4.5 } })).toEqual([]);
  });

  it('flags a fit that did not converge', () => {
    const fit = fitCellCycle(sample(), OPTIONS);
    expect(assessCellCycleFit({ ...fit, converged: false }).map((f) => f.code)).toEqual(['not-converged']);
  });
});
