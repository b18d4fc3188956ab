import { describe, expect, it } from 'vitest';
import { modelHistogram, poissonNoise } from './cycleModel.fixtures.ts';
import { fitCellCycle } from './fitCellCycle.ts';
import { copyConstraintsFromControl, DEFAULT_MODEL_OPTIONS, defaultModelOptions, savedModelOptions, validateModelOptions } from './modelOptions.ts';
import type { CellCycleModelOptions, DnaHistogram } from './types.ts';

describe('validateModelOptions', () => {
  it.each([
    [{ model: 'modfit' }, /unknown model "modfit"/],
    [{ g1CvPercent: { kind: 'fixed', value: 0 } }, /^The G0\/G1 CV \(%\) cannot be held at 0: give a value between 0 and 100\.$/],
    [{ linearity: { kind: 'range', min: 2.1, max: 1.9 } }, /^The G2\/M ÷ G0\/G1 ratio cannot be fitted within 2.1–1.9: give a lowest value below the highest, both between 1 and 4\.$/],
    [{ g2CvPercent: { kind: 'range', min: 3, max: 300 } }, /^The G2\/M CV \(%\) cannot be fitted within 3–300/],
    [{ debris: true }, /debris must be auto, on or off/],
    [{ aggregates: 'quadruplets' }, /aggregates must be/],
    [{ window: { kind: 'range', min: -5, max: 10 } }, /^The analysis window -5–10 cannot be used/],
  ])('rejects %j', (override, message) => {
    expect(() => validateModelOptions({ ...DEFAULT_MODEL_OPTIONS, ...override } as CellCycleModelOptions)).toThrow(message);
  });

  it('accepts the defaults and survives a JSON round trip', () => {
    const copied = JSON.parse(JSON.stringify(DEFAULT_MODEL_OPTIONS)) as CellCycleModelOptions;
    expect(() => validateModelOptions(copied)).not.toThrow();
    expect(copied).toEqual(DEFAULT_MODEL_OPTIONS);
  });
});

/** A noisy model histogram with G0/G1 at `g1Mean` channels (256 PI-A units each). */
function histogram(g1Mean: number, seed: number): DnaHistogram {
  const expected = modelHistogram({
    sPhase: 'linear',
    binCount: 1024,
    binWidth: 256,
    startBin: 150,
    endBin: 900,
    debris: false,
    aggregates: 'off',
    parameters: { g1Mean, g1Cv: 0.05, linearity: 1.96, g1Area: 14_000, g2Area: 4000, sStart: 40, sEnd: 30, subG1Shoulder: 0 },
  });
  return { counts: poissonNoise(expected.counts, seed), binWidth: 256 };
}

describe('defaultModelOptions', () => {
  it('ties the G2/M CV to G0/G1 for the joint models and frees it for Watson', () => {
    expect(defaultModelOptions('djf')).toEqual(DEFAULT_MODEL_OPTIONS);
    expect(defaultModelOptions('rectangle').g2CvPercent).toEqual({ kind: 'equal-to-g1' });
    expect(defaultModelOptions('watson')).toEqual({ ...DEFAULT_MODEL_OPTIONS, model: 'watson', g2CvPercent: { kind: 'free' } });
  });
});

describe('copyConstraintsFromControl', () => {
  it('holds the control G0/G1 mean, linearity and CV when fitting another sample', () => {
    const control = fitCellCycle(histogram(210.5, 1), DEFAULT_MODEL_OPTIONS);
    const options = copyConstraintsFromControl(control, { positions: true, cvs: true });
    expect(options.g1Mean).toEqual({ kind: 'fixed', value: control.g1Mean });
    expect(options.linearity).toEqual({ kind: 'fixed', value: control.g2g1Ratio });
    expect(options.g1CvPercent).toEqual({ kind: 'fixed', value: control.g1CvPercent });
    expect(options.g2CvPercent).toEqual({ kind: 'equal-to-g1' });
    const treated = fitCellCycle(histogram(212, 2), options);
    expect(treated.g1Mean).toBe(control.g1Mean);
    expect(treated.g2g1Ratio).toBe(control.g2g1Ratio);
    expect(treated.g1CvPercent).toBeCloseTo(control.g1CvPercent, 10);
    expect(treated.parametersAtBounds).toEqual([]);
  });

  it('leaves what is not copied free', () => {
    const control = fitCellCycle(histogram(210.5, 3), DEFAULT_MODEL_OPTIONS);
    const options = copyConstraintsFromControl(control, { positions: false, cvs: true });
    expect(options.g1Mean).toEqual({ kind: 'free' });
    expect(options.linearity).toEqual({ kind: 'free' });
  });
});

describe('savedModelOptions', () => {
  it('reads the boolean debris of workspaces saved before issue 10 as the choice it was', () => {
    const old = { ...DEFAULT_MODEL_OPTIONS, debris: true };
    expect(savedModelOptions(old)).toEqual({ ...DEFAULT_MODEL_OPTIONS, debris: 'on' });
    expect(savedModelOptions({ ...old, debris: false }).debris).toBe('off');
    expect(savedModelOptions(DEFAULT_MODEL_OPTIONS)).toBe(DEFAULT_MODEL_OPTIONS);
  });
});
