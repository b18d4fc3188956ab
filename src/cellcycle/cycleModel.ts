import { writeDjfBasis, writeGaussianBins, writeRectangleSPhase, type DjfBasis } from './componentShapes.ts';
import { addAggregates, writeAggregateSlope, type AggregateShapes } from './debrisAggregates.ts';
import {
  geometryOf, parameterLayout, S_PARAMETERS, S_PHASE_ORDER, SHAPE_PARAMETERS, type ParameterIndex, type PeakGeometry, type SParameter,
  type SPhaseShape,
} from './cycleParameters.ts';
import type { LeastSquaresModel } from '../shared/levenbergMarquardt.ts';
import type { WindowComponents } from './fitSummary.ts';
import type { FitParameterName } from './types.ts';

/*
 * The joint cell-cycle model on the window bins, in channel units:
 * f = A1·G1 + A2·G2 + S + h·Shoulder [+ B1·G1' + B2·G2' + S'] + d·Debris + q·Doublets + (q²/M)·Triplets,
 * with G2 at linearity × μ1 and the S phase between the two means; the optional second population (G1' at
 * dnaIndex × μ1, G2' at linearity × that, a broadened-rectangle S' between them) is ModFit's and MultiCycle's
 * two-cycle model. The parameter vector is laid out in cycleParameters.ts.
 *
 * The sub-G1 shoulder is the edge of an apoptotic hump that reaches past the window start into the G0/G1 flank:
 * a half-Gaussian falling from the window start with the G0/G1 SD (the hump's edge is blurred by about that SD).
 * Without it, even 3% sub-G1 cells at 8% CV bend the G0/G1 flank enough to fake S-phase curvature.
 */

export interface CycleModelSetup {
  sPhase: SPhaseShape;
  /** A second G1-like population with its own G0/G1, S and G2/M. */
  secondPopulation: boolean;
  startBin: number;
  endBin: number;
  g2CvTied: boolean;
  /** Unit-sum shapes over the window, or null when the component is off. */
  debris: Float64Array | null;
  aggregates: AggregateShapes | null;
  /** 1/M, M = events in the window: triplets are (doublet events)²/M, i.e. pairing probability squared. */
  tripletScale: number;
  /** Upper bounds, so finite-difference steps stay inside them. */
  upper: Float64Array;
}

interface Shapes extends DjfBasis {
  g1: Float64Array;
  g2: Float64Array;
  shoulder: Float64Array;
  secondG1: Float64Array;
  secondG2: Float64Array;
  secondS: Float64Array;
}

/** An S amplitude and the shape it multiplies. */
type Term = [parameter: number, shape: (shapes: Shapes) => Float64Array];

const RELATIVE_STEP = 1e-6;

export class CycleModel implements LeastSquaresModel {
  readonly parameterCount: number;
  readonly valueCount: number;
  readonly index: ParameterIndex;
  readonly names: FitParameterName[];
  readonly setup: CycleModelSetup;
  /** Degree of the S-phase polynomial: 0 for the rectangle. */
  readonly sPhaseOrder: 0 | 1 | 2;
  private readonly shapes: Shapes;
  private readonly perturbed: Shapes;
  private readonly shapeKey = new Float64Array(SHAPE_PARAMETERS.length).fill(NaN);
  /** Every amplitude of a nonlinear shape: G1, G2 and the S terms. */
  private readonly terms: Term[];

  constructor(setup: CycleModelSetup) {
    this.setup = setup;
    this.sPhaseOrder = S_PHASE_ORDER[setup.sPhase];
    const layout = parameterLayout({ ...setup, debris: setup.debris !== null, aggregates: setup.aggregates !== null });
    this.names = layout.names;
    this.index = layout.index;
    this.parameterCount = layout.names.length;
    this.valueCount = setup.endBin - setup.startBin;
    this.shapes = emptyShapes(this.valueCount);
    this.perturbed = emptyShapes(this.valueCount);
    const { index } = this;
    this.terms = [
      [index.g1Area, (s) => s.g1],
      [index.g2Area, (s) => s.g2],
      ...S_PARAMETERS[setup.sPhase].map((name): Term => [index[name], SHAPE_OF[name]]),
      [index.subG1Shoulder, (s) => s.shoulder],
      ...(setup.secondPopulation ? SECOND_TERMS.map(([name, shape]): Term => [index[name], shape]) : []),
    ];
  }

  geometry(params: Float64Array): PeakGeometry {
    return geometryOf(params, this.index, this.setup.g2CvTied);
  }

  /** Modelled S-phase events of the second population (its broadened rectangle's height × width); 0 without one. */
  secondSPhaseArea(params: Float64Array): number {
    const { second } = this.geometry(params);
    return second ? (second.mean2 - second.mean1) * params[this.index.secondS] : 0;
  }

  /** Modelled S-phase events (the whole S population, also outside the window). */
  sPhaseArea(params: Float64Array): number {
    const { mean1, mean2 } = this.geometry(params);
    const { index } = this;
    const span = mean2 - mean1;
    switch (this.setup.sPhase) {
      case 'quadratic':
        return (span * (params[index.sStart] + params[index.sMiddle] + params[index.sEnd])) / 3;
      case 'linear':
        return (span * (params[index.sStart] + params[index.sEnd])) / 2;
      case 'rectangle':
        return span * params[index.sHeight];
    }
  }

  evaluate(params: Float64Array, values: Float64Array): void {
    this.ensureShapes(params);
    values.fill(0);
    for (const [k, shapeOf] of this.terms) {
      const amplitude = params[k];
      const shape = shapeOf(this.shapes);
      for (let i = 0; i < values.length; i++) values[i] += amplitude * shape[i];
    }
    this.addDataShapes(params, values, true);
  }

  differentiate(params: Float64Array, _values: Float64Array, jacobian: Float64Array, free: Uint8Array): void {
    this.ensureShapes(params);
    const n = this.valueCount;
    const { index } = this;
    for (const [k, shapeOf] of this.terms) if (free[k]) jacobian.set(shapeOf(this.shapes), k * n);
    if (this.setup.debris && free[index.debris]) jacobian.set(this.setup.debris, index.debris * n);
    const q = index.aggregates;
    if (this.setup.aggregates && free[q]) {
      writeAggregateSlope(jacobian.subarray(q * n, (q + 1) * n), this.setup.aggregates, params[q], this.setup.tripletScale);
    }
    const trial = Float64Array.from(params);
    for (const name of SHAPE_PARAMETERS) {
      const k = index[name];
      if (k < 0 || !free[k]) continue;
      let step = RELATIVE_STEP * Math.abs(params[k]);
      if (params[k] + step > this.setup.upper[k]) step = -step;
      trial[k] = params[k] + step;
      this.writeShapes(trial, this.perturbed);
      trial[k] = params[k];
      const column = jacobian.subarray(k * n, (k + 1) * n);
      column.fill(0);
      for (const [a, shapeOf] of this.terms) {
        const scale = params[a] / step;
        const before = shapeOf(this.shapes);
        const after = shapeOf(this.perturbed);
        for (let i = 0; i < n; i++) column[i] += scale * (after[i] - before[i]);
      }
    }
  }

  /** Per-component modelled events over the window bins. */
  componentValues(params: Float64Array): WindowComponents {
    this.ensureShapes(params);
    const n = this.valueCount;
    const { index, shapes } = this;
    const s = new Float64Array(n);
    for (const name of S_PARAMETERS[this.setup.sPhase]) {
      const shape = SHAPE_OF[name](shapes);
      for (let i = 0; i < n; i++) s[i] += params[index[name]] * shape[i];
    }
    const debris = this.setup.debris ? this.setup.debris.map((v) => v * params[index.debris]) : new Float64Array(n);
    const aggregates = new Float64Array(n);
    this.addDataShapes(params, aggregates, false);
    const second = new Float64Array(n);
    if (this.setup.secondPopulation) {
      for (const [name, shapeOf] of SECOND_TERMS) {
        const shape = shapeOf(shapes);
        for (let i = 0; i < n; i++) second[i] += params[index[name]] * shape[i];
      }
    }
    return {
      g1: shapes.g1.map((v) => v * params[index.g1Area]),
      s,
      g2m: shapes.g2.map((v) => v * params[index.g2Area]),
      subG1Shoulder: shapes.shoulder.map((v) => v * params[index.subG1Shoulder]),
      debris,
      aggregates,
      second,
    };
  }

  private addDataShapes(params: Float64Array, values: Float64Array, includeDebris: boolean): void {
    const { debris, aggregates, tripletScale } = this.setup;
    if (debris && includeDebris) {
      const d = params[this.index.debris];
      for (let i = 0; i < values.length; i++) values[i] += d * debris[i];
    }
    if (aggregates) addAggregates(values, aggregates, params[this.index.aggregates], tripletScale);
  }

  private ensureShapes(params: Float64Array): void {
    let current = true;
    for (let k = 0; k < SHAPE_PARAMETERS.length; k++) {
      const position = this.index[SHAPE_PARAMETERS[k]];
      const value = position >= 0 ? params[position] : 0;
      if (this.shapeKey[k] !== value) current = false;
      this.shapeKey[k] = value;
    }
    if (!current) this.writeShapes(params, this.shapes);
  }

  private writeShapes(params: Float64Array, target: Shapes): void {
    const { mean1, sd1, mean2, sd2, second } = this.geometry(params);
    const { startBin, sPhase } = this.setup;
    writeGaussianBins(target.g1, startBin, mean1, sd1);
    writeGaussianBins(target.g2, startBin, mean2, sd2);
    writeShoulder(target.shoulder, sd1);
    if (second) {
      writeGaussianBins(target.secondG1, startBin, second.mean1, second.sd1);
      writeGaussianBins(target.secondG2, startBin, second.mean2, second.sd2);
      writeRectangleSPhase(target.secondS, startBin, second.mean1, second.mean2, second.sd1, second.sd2);
    }
    if (sPhase === 'rectangle') {
      writeRectangleSPhase(target.start, startBin, mean1, mean2, sd1, sd2);
      return;
    }
    writeDjfBasis(target, startBin, mean1, mean2, sd1, sd2);
    if (sPhase === 'linear') {
      // sMiddle = (sStart + sEnd)/2 folds the middle Bernstein shape half into each end shape.
      const { start, middle, end } = target;
      for (let i = 0; i < start.length; i++) {
        start[i] += 0.5 * middle[i];
        end[i] += 0.5 * middle[i];
      }
    }
  }
}

const SHAPE_OF: Record<SParameter, (shapes: Shapes) => Float64Array> = {
  sStart: (s) => s.start,
  sMiddle: (s) => s.middle,
  sEnd: (s) => s.end,
  sHeight: (s) => s.start,
};

const SECOND_TERMS: readonly [FitParameterName, (shapes: Shapes) => Float64Array][] = [
  ['secondG1Area', (s) => s.secondG1],
  ['secondG2Area', (s) => s.secondG2],
  ['secondS', (s) => s.secondS],
];

/** Half-Gaussian from the window's first edge, unit height, SD `sd` (channels), at the bin centres. */
function writeShoulder(out: Float64Array, sd: number): void {
  const reach = Math.min(out.length, Math.ceil(8 * sd));
  out.fill(0);
  for (let i = 0; i < reach; i++) {
    const z = (i + 0.5) / sd;
    out[i] = Math.exp(-0.5 * z * z);
  }
}

function emptyShapes(length: number): Shapes {
  return {
    shoulder: new Float64Array(length),
    g1: new Float64Array(length),
    g2: new Float64Array(length),
    secondG1: new Float64Array(length),
    secondG2: new Float64Array(length),
    secondS: new Float64Array(length),
    start: new Float64Array(length),
    middle: new Float64Array(length),
    end: new Float64Array(length),
  };
}
