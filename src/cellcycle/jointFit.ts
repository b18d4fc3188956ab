import { CycleModel, type CycleModelSetup } from './cycleModel.ts';
import { parameterLayout, SHAPE_PARAMETERS, type SPhaseShape } from './cycleParameters.ts';
import { aggregateEvents, aggregateShapes, singleCutDebrisShape } from './debrisAggregates.ts';
import { summariseFit } from './fitSummary.ts';
import { modelsDebris, resolveWindow } from './fitWindow.ts';
import { minimiseWeightedSquares } from '../shared/levenbergMarquardt.ts';
import { constraintRange, FREE_CV_PERCENT, FREE_LINEARITY } from './modelOptions.ts';
import type { CycleEstimate } from './peakSearch.ts';
import { fitPoissonCounts, type PoissonFitResult } from './poissonFit.ts';
import type { CellCycleFit, CellCycleModelOptions, DnaHistogram, FitParameterName } from './types.ts';

/*
 * Joint least-squares fits of the whole window (Dean-Jett-Fox and the broadened rectangle): every component at once,
 * amplitudes first with the shapes held at the peak search's estimates, then everything under Poisson weights.
 */

/** What every joint fit of one histogram shares. */
export interface JointProblem {
  options: CellCycleModelOptions;
  binWidth: number;
  observed: Float64Array;
  windowEvents: number;
  estimate: CycleEstimate;
  setup: Omit<CycleModelSetup, 'sPhase' | 'upper'>;
  /** Channels. */
  g1Search: { min: number; max: number };
  dnaIndexSearch: { min: number; max: number };
  linearity: { min: number; max: number };
}

export interface JointFit {
  model: CycleModel;
  fit: PoissonFitResult;
  bounds: Bounds;
  iterations: number;
}

interface Bounds {
  lower: Float64Array;
  upper: Float64Array;
}

export function jointProblem(histogram: DnaHistogram, options: CellCycleModelOptions): JointProblem {
  const { counts, binWidth } = histogram;
  const linearity = constraintRange(options.linearity, 1, FREE_LINEARITY);
  const { startBin, endBin, estimate, g1Search, dnaIndexSearch } = resolveWindow(histogram, options, linearity);
  const observed = counts.slice(startBin, endBin);
  let windowEvents = 0;
  for (const count of observed) windowEvents += count;
  const triplets = options.aggregates === 'doublets-and-triplets';
  return {
    options,
    binWidth,
    observed,
    windowEvents,
    estimate,
    setup: {
      secondPopulation: estimate.second !== null,
      startBin,
      endBin,
      g2CvTied: options.g2CvPercent.kind === 'equal-to-g1',
      debris: modelsDebris(histogram, options, startBin, estimate) ? singleCutDebrisShape(counts, startBin, endBin) : null,
      aggregates: options.aggregates === 'off' ? null : aggregateShapes(counts, startBin, endBin, triplets),
      tripletScale: windowEvents > 0 ? 1 / windowEvents : 0,
    },
    g1Search,
    dnaIndexSearch,
    linearity,
  };
}

/** Fits one S-phase shape, from the estimate or from an earlier fit's parameters (matched by name). */
export function fitJointModel(problem: JointProblem, sPhase: SPhaseShape, from: JointFit | null): JointFit {
  const { setup, estimate, observed } = problem;
  const layout = parameterLayout({ ...setup, sPhase, debris: setup.debris !== null, aggregates: setup.aggregates !== null });
  const bounds = parameterBounds(layout.names, problem);
  const model = new CycleModel({ ...setup, sPhase, upper: bounds.upper });
  let iterations = 0;
  let start: Float64Array;
  if (from) {
    start = parametersFrom(model.names, from, bounds);
  } else {
    // Amplitudes first, with positions and widths held at their estimates: a linear problem with a sure start.
    const initial = initialParameters(model.names, estimate, bounds, problem.windowEvents);
    const shapesHeld = {
      lower: Float64Array.from(bounds.lower, (low, k) => (isShapeParameter(model.names[k]) ? initial[k] : low)),
      upper: Float64Array.from(bounds.upper, (high, k) => (isShapeParameter(model.names[k]) ? initial[k] : high)),
    };
    const amplitudes = minimiseWeightedSquares(model, observed, Float64Array.from(observed, (y) => 1 / Math.max(y, 1)), initial, shapesHeld);
    iterations += amplitudes.iterations;
    start = amplitudes.params;
  }
  const fit = fitPoissonCounts(model, observed, start, bounds, from ? 'warm' : 'cold');
  return { model, fit, bounds, iterations: iterations + fit.totalIterations };
}

export function summariseJointFit(histogram: DnaHistogram, options: CellCycleModelOptions, { model, fit, bounds, iterations }: JointFit): CellCycleFit {
  const { params } = fit;
  const { index } = model;
  const { startBin, endBin, aggregates, tripletScale, secondPopulation } = model.setup;
  return summariseFit({
    histogram,
    options,
    startBin,
    endBin,
    geometry: model.geometry(params),
    sPhaseOrder: model.sPhaseOrder,
    g1Events: params[index.g1Area],
    sEvents: model.sPhaseArea(params),
    g2mEvents: params[index.g2Area],
    secondEvents: secondPopulation
      ? { g1: params[index.secondG1Area], s: model.secondSPhaseArea(params), g2m: params[index.secondG2Area] }
      : null,
    debrisModelled: index.debris >= 0,
    g2Held: false,
    debrisEvents: index.debris >= 0 ? params[index.debris] : 0,
    aggregateEvents: aggregates ? aggregateEvents(aggregates, params[index.aggregates], tripletScale) : 0,
    components: model.componentValues(params),
    chiSquare: fit.chiSquare,
    chiSquareBins: endBin - startBin,
    freeParameterCount: bounds.lower.reduce((n, low, k) => n + (low < bounds.upper[k] ? 1 : 0), 0),
    iterations,
    converged: fit.converged,
    parametersAtBounds: shapeParametersAtBounds(model.names, params, bounds),
  });
}

function isShapeParameter(name: FitParameterName): boolean {
  return SHAPE_PARAMETERS.includes(name);
}

/** A peak whose whole body lies beyond the window (a second population's G2/M off the axis) cannot be fitted: held at 0. */
const OUT_OF_WINDOW_SD = 3;

function parameterBounds(names: FitParameterName[], problem: JointProblem): Bounds {
  const { options, binWidth, estimate, setup } = problem;
  const ranges: Partial<Record<FitParameterName, { min: number; max: number }>> = {
    g1Mean: constraintRange(options.g1Mean, 1 / binWidth, { min: problem.g1Search.min * binWidth, max: problem.g1Search.max * binWidth }),
    g1Cv: constraintRange(options.g1CvPercent, 0.01, FREE_CV_PERCENT),
    linearity: problem.linearity,
    g2Cv: options.g2CvPercent.kind === 'equal-to-g1' ? undefined : constraintRange(options.g2CvPercent, 0.01, FREE_CV_PERCENT),
    dnaIndex: problem.dnaIndexSearch,
    secondCv: constraintRange({ kind: 'free' }, 0.01, FREE_CV_PERCENT),
  };
  const beyond = (peak: { mean: number; sd: number }) => peak.mean - OUT_OF_WINDOW_SD * peak.sd >= setup.endBin;
  if (beyond(estimate.g2)) ranges.g2Area = { min: 0, max: 0 };
  if (estimate.second && beyond(estimate.second.g2)) ranges.secondG2Area = { min: 0, max: 0 };
  return {
    lower: Float64Array.from(names, (name) => ranges[name]?.min ?? 0),
    upper: Float64Array.from(names, (name) => ranges[name]?.max ?? Infinity),
  };
}

function initialParameters(names: FitParameterName[], estimate: CycleEstimate, bounds: Bounds, windowEvents: number): Float64Array {
  const { g1, g2, sLevel, second } = estimate;
  const values: Record<FitParameterName, number> = {
    g1Mean: g1.mean,
    g1Cv: g1.sd / g1.mean,
    linearity: g2.mean / g1.mean,
    g2Cv: g2.sd / g2.mean,
    g1Area: g1.area,
    g2Area: g2.area,
    sStart: sLevel,
    sMiddle: sLevel,
    sEnd: sLevel,
    sHeight: sLevel,
    subG1Shoulder: 0,
    dnaIndex: second ? second.g1.mean / g1.mean : 1,
    secondCv: second ? second.g1.sd / second.g1.mean : g1.sd / g1.mean,
    secondG1Area: second?.g1.area ?? 0,
    secondG2Area: second?.g2.area ?? 0,
    secondS: 0,
    debris: 0.01 * windowEvents,
    aggregates: 0.01 * windowEvents,
  };
  return Float64Array.from(names, (name, k) => clamp(values[name], bounds.lower[k], bounds.upper[k]));
}

/** Starting values from an earlier fit of a nested S shape; a new sMiddle starts on the straight line between the ends. */
function parametersFrom(names: FitParameterName[], from: JointFit, bounds: Bounds): Float64Array {
  const value = (name: FitParameterName): number => {
    const k = from.model.index[name];
    return k >= 0 ? from.fit.params[k] : 0;
  };
  return Float64Array.from(names, (name, k) =>
    clamp(name === 'sMiddle' && from.model.index.sMiddle < 0 ? (value('sStart') + value('sEnd')) / 2 : value(name), bounds.lower[k], bounds.upper[k]),
  );
}

function shapeParametersAtBounds(names: FitParameterName[], params: Float64Array, bounds: Bounds): FitParameterName[] {
  return names.filter((name, k) => {
    if (!isShapeParameter(name) || bounds.lower[k] === bounds.upper[k]) return false;
    const tolerance = 1e-6 * Math.max(Math.abs(params[k]), 1e-12);
    return params[k] - bounds.lower[k] <= tolerance || bounds.upper[k] - params[k] <= tolerance;
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
