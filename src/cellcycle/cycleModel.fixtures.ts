import { createRng } from '../simulate/rng.ts';
import { CycleModel } from './cycleModel.ts';
import type { SPhaseShape } from './cycleParameters.ts';
import { aggregateShapes, singleCutDebrisShape } from './debrisAggregates.ts';
import type { AggregateModel, DnaHistogram, FitParameterName } from './types.ts';

/** A histogram written by the model's own equations, in channel units (bin i covers [i, i + 1)). */
export interface ModelHistogramSpec {
  sPhase: SPhaseShape;
  binCount: number;
  binWidth: number;
  startBin: number;
  endBin: number;
  debris: boolean;
  aggregates: AggregateModel;
  /** Every parameter the setup uses; g2Cv absent means tied to g1Cv, dnaIndex present adds a second population. */
  parameters: Partial<Record<FitParameterName, number>>;
}

/**
 * Expected counts of the joint model for `spec.parameters`, zero outside the window. Debris and aggregate shapes are
 * computed from the histogram itself, so the histogram is iterated to its fixed point: the one histogram that equals
 * the model built from it.
 */
export function modelHistogram(spec: ModelHistogramSpec): DnaHistogram {
  const { startBin, endBin } = spec;
  const counts = new Float64Array(spec.binCount);
  const values = new Float64Array(endBin - startBin);
  for (let round = 0; round < 200; round++) {
    let windowEvents = 0;
    for (let i = startBin; i < endBin; i++) windowEvents += counts[i];
    const model = new CycleModel({
      sPhase: spec.sPhase,
      secondPopulation: spec.parameters.dnaIndex !== undefined,
      startBin,
      endBin,
      g2CvTied: spec.parameters.g2Cv === undefined,
      debris: spec.debris ? singleCutDebrisShape(counts, startBin, endBin) : null,
      aggregates: spec.aggregates === 'off' ? null : aggregateShapes(counts, startBin, endBin, spec.aggregates === 'doublets-and-triplets'),
      tripletScale: windowEvents > 0 ? 1 / windowEvents : 0,
      upper: new Float64Array(18).fill(Infinity),
    });
    const params = Float64Array.from(model.names, (name) => {
      const value = spec.parameters[name];
      if (value === undefined) throw new Error(`modelHistogram: parameter ${name} missing`);
      return value;
    });
    model.evaluate(params, values);
    let change = 0;
    for (let i = 0; i < values.length; i++) change = Math.max(change, Math.abs(values[i] - counts[startBin + i]));
    counts.set(values, startBin);
    if (change < 1e-13 * windowEvents) break;
  }
  return { counts, binWidth: spec.binWidth };
}

/** Poisson draws around expected counts (Knuth's product of uniforms, applied in chunks of mean ≤ 20). */
export function poissonNoise(expected: Float64Array, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from(expected, (mean) => {
    let count = 0;
    for (let remaining = mean; remaining > 0; remaining -= 20) {
      const limit = Math.exp(-Math.min(remaining, 20));
      let product = rng.uniformOpen();
      while (product > limit) {
        count++;
        product *= rng.uniformOpen();
      }
    }
    return count;
  });
}
