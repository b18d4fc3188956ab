import { validateDnaHistogram } from './fitWindow.ts';
import { fitJointModel, jointProblem, summariseJointFit } from './jointFit.ts';
import { validateModelOptions } from './modelOptions.ts';
import { poissonDeviance } from './poissonFit.ts';
import type { CellCycleFit, CellCycleModelOptions, DnaHistogram } from './types.ts';
import { fitWatsonPragmatic } from './watsonPragmatic.ts';

/**
 * Fits a DNA histogram of singlets with the chosen cell-cycle model.
 * Throws a RangeError for invalid options, a CellCycleError when the histogram holds nothing to fit.
 * @example fitCellCycle(histogram, DEFAULT_MODEL_OPTIONS).sPercent
 */
export function fitCellCycle(histogram: DnaHistogram, options: CellCycleModelOptions): CellCycleFit {
  validateDnaHistogram(histogram);
  validateModelOptions(options);
  switch (options.model) {
    case 'djf':
      return fitDeanJettFox(histogram, options);
    case 'rectangle':
      return summariseJointFit(histogram, options, fitJointModel(jointProblem(histogram, options), 'rectangle', null));
    case 'watson':
      return fitWatsonPragmatic(histogram, options);
    default:
      return assertNever(options.model);
  }
}

/** χ² (1 degree of freedom) at p = 0.001: the deviance drop that makes S-phase curvature worth its parameter. */
const CURVATURE_DEVIANCE = 10.83;

/**
 * Dean-Jett-Fox: the S phase is a second-degree polynomial, but its curvature is kept only when the histogram supports
 * it (a likelihood-ratio test against the straight, first-degree S at p < 0.001). When peaks are broad the curvature
 * trades off against the G2/M position; fitting it regardless lets %S swing by several points between replicate
 * samples (±2.2 points SD at 8% CV and 25,000 cycling cells in our simulations), while the nested straight S is stable.
 */
function fitDeanJettFox(histogram: DnaHistogram, options: CellCycleModelOptions): CellCycleFit {
  const problem = jointProblem(histogram, options);
  const straight = fitJointModel(problem, 'linear', null);
  const curved = fitJointModel(problem, 'quadratic', straight);
  const drop = poissonDeviance(problem.observed, straight.fit.values) - poissonDeviance(problem.observed, curved.fit.values);
  const chosen = drop > CURVATURE_DEVIANCE ? curved : straight;
  return summariseJointFit(histogram, options, { ...chosen, iterations: straight.iterations + curved.iterations });
}

function assertNever(value: never): never {
  throw new RangeError(`cell-cycle fit: unexpected ${JSON.stringify(value)}`);
}
