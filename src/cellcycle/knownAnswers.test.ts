import { describe, expect, it } from 'vitest';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample, type CellCycleParams } from '../simulate/cellCycleModel.ts';
import { analyseDnaSample } from './analyseDnaSample.ts';
import { defaultModelOptions } from './modelOptions.ts';
import type { ModelKind } from './types.ts';

/*
 * Issue 7 known answers: event-level tubes from the project's simulator (FACSCanto II PI-A/PI-H/PI-W, 30,000 events)
 * → suggested singlet gate on PI-A vs PI-W → DNA histogram of singlets (1,024 channels) → fit, compared with the
 * simulator's truth: %G0/G1, %S, %G2/M of cycling cells within 1.5 points, G0/G1 CV within 0.5 points, sub-G1
 * (of single cells) within 1 point.
 */

interface Scenario {
  name: string;
  params: Partial<CellCycleParams>;
}

const CLEAN = { debrisFraction: 0, doubletFraction: 0 };
const SCENARIOS: Scenario[] = [
  { name: 'CV 3%, no debris or doublets', params: { g1Cv: 0.03, ...CLEAN } },
  { name: 'CV 5%, no debris or doublets', params: { g1Cv: 0.05, ...CLEAN } },
  { name: 'CV 8%, no debris or doublets', params: { g1Cv: 0.08, ...CLEAN } },
  { name: 'CV 3%, 6% debris and 5% doublets', params: { g1Cv: 0.03 } },
  { name: 'CV 5%, 6% debris and 5% doublets', params: { g1Cv: 0.05 } },
  { name: 'CV 8%, 6% debris and 5% doublets', params: { g1Cv: 0.08 } },
  { name: 'CV 5%, 20% debris and 15% doublets', params: { g1Cv: 0.05, debrisFraction: 0.2, doubletFraction: 0.15 } },
  { name: 'G2/M arrest (75% G2/M)', params: { g1Cv: 0.05, phaseFractions: { g0g1: 0.12, s: 0.13, g2m: 0.75 } } },
  { name: 'G0/G1 arrest (85% G0/G1)', params: { g1Cv: 0.05, phaseFractions: { g0g1: 0.85, s: 0.07, g2m: 0.08 } } },
  { name: 'high sub-G1 (30%), CV 5%', params: { g1Cv: 0.05, subG1Fraction: 0.3 } },
  { name: 'high sub-G1 (30%), CV 8%', params: { g1Cv: 0.08, subG1Fraction: 0.3 } },
];
const SEEDS = [101, 202, 303];

/**
 * Where each model meets the tolerances. The broadened rectangle assumes a flat S phase, and the simulator's slopes
 * (density 1.15 → 0.85): at 8% CV that tilts ~1.5–2 points from G2/M to G0/G1. Watson fits each peak on a few SDs
 * of its own flank only: unbiased at 5% CV but with an SD of 0.6–0.8 points on %S over 10 seeds, so a sample now and
 * then misses 1.5 points; it is claimed here at 3% CV.
 */
const MODEL_SCENARIOS: Record<ModelKind, (scenario: Scenario) => boolean> = {
  djf: () => true,
  rectangle: ({ params }) => (params.g1Cv ?? DEFAULT_CELL_CYCLE_PARAMS.g1Cv) < 0.08,
  watson: ({ params }) => (params.g1Cv ?? DEFAULT_CELL_CYCLE_PARAMS.g1Cv) <= 0.03,
};

function column(input: { channels: { name: string }[]; columns: ArrayLike<number>[] }, name: string): Float32Array {
  const index = input.channels.findIndex((channel) => channel.name === name);
  return Float32Array.from(input.columns[index]);
}

describe.each(['djf', 'rectangle', 'watson'] as const)('known answers, %s', (model) => {
  const scenarios = SCENARIOS.filter(MODEL_SCENARIOS[model]);
  it.each(scenarios)('$name', ({ params }) => {
    for (const seed of SEEDS) {
      const sample = simulateCellCycleSample({ ...DEFAULT_CELL_CYCLE_PARAMS, ...params }, seed);
      const { truth } = sample;
      const analysis = analyseDnaSample({
        dna: column(sample.input, 'PI-A'),
        pulse: { values: column(sample.input, 'PI-W'), kind: 'width' },
        events: null,
        maxValue: 262_144,
        binCount: 1024,
        options: defaultModelOptions(model),
      });
      const { fit } = analysis;
      const where = `seed ${seed}: G1 ${fit.g1Percent.toFixed(2)} S ${fit.sPercent.toFixed(2)} G2M ${fit.g2mPercent.toFixed(2)}`;
      expect(Math.abs(fit.g1Percent - 100 * truth.phaseFractions.g0g1), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(fit.sPercent - 100 * truth.phaseFractions.s), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(fit.g2mPercent - 100 * truth.phaseFractions.g2m), where).toBeLessThanOrEqual(1.5);
      expect(Math.abs(fit.g1CvPercent - 100 * truth.g1CvMeasured), where).toBeLessThanOrEqual(0.5);
      expect(Math.abs(fit.subG1Percent - 100 * truth.subG1FractionOfSingleCells), where).toBeLessThanOrEqual(1);
      expect(fit.g1Percent + fit.sPercent + fit.g2mPercent).toBeCloseTo(100, 9);
    }
  });
});
