import type { FitParameterName } from './types.ts';

/*
 * The parameter vector of the joint cell-cycle model, in this order: g1Mean (channels), g1Cv (fraction), linearity,
 * g2Cv (absent when tied to g1Cv), g1Area, g2Area, the S amplitudes, subG1Shoulder; then, with a second G1-like
 * population, dnaIndex (its G0/G1 mean ÷ the first's), secondCv, secondG1Area, secondG2Area, secondS; then debris and
 * aggregates when modelled.
 */

/**
 * S-phase shape between the peaks: Dean-Jett-Fox's second-degree polynomial (sStart, sMiddle, sEnd), its first-degree
 * special case sMiddle = (sStart + sEnd)/2 (a broadened trapezoid), or the zero-order broadened rectangle (sHeight).
 */
export type SPhaseShape = 'quadratic' | 'linear' | 'rectangle';

export type ParameterIndex = Record<FitParameterName, number>;

export type SParameter = 'sStart' | 'sMiddle' | 'sEnd' | 'sHeight';

export const S_PARAMETERS: Record<SPhaseShape, SParameter[]> = {
  quadratic: ['sStart', 'sMiddle', 'sEnd'],
  linear: ['sStart', 'sEnd'],
  rectangle: ['sHeight'],
};

export const S_PHASE_ORDER = { quadratic: 2, linear: 1, rectangle: 0 } as const;

/** Positions, CVs and linearity: the nonlinear parameters, held at their estimates while amplitudes are first fitted. */
export const SHAPE_PARAMETERS: readonly FitParameterName[] = ['g1Mean', 'g1Cv', 'linearity', 'g2Cv', 'dnaIndex', 'secondCv'];

const ALL_PARAMETERS: FitParameterName[] = [
  'g1Mean', 'g1Cv', 'linearity', 'g2Cv', 'g1Area', 'g2Area', 'sStart', 'sMiddle', 'sEnd', 'sHeight', 'subG1Shoulder', 'dnaIndex',
  'secondCv', 'secondG1Area', 'secondG2Area', 'secondS', 'debris', 'aggregates',
];

export interface LayoutChoices {
  sPhase: SPhaseShape;
  g2CvTied: boolean;
  secondPopulation: boolean;
  debris: boolean;
  aggregates: boolean;
}

/** Names of the parameters in vector order for a setup, and each name's position (−1 when absent). */
export function parameterLayout(choices: LayoutChoices): { names: FitParameterName[]; index: ParameterIndex } {
  const names: FitParameterName[] = ['g1Mean', 'g1Cv', 'linearity'];
  if (!choices.g2CvTied) names.push('g2Cv');
  names.push('g1Area', 'g2Area', ...S_PARAMETERS[choices.sPhase], 'subG1Shoulder');
  if (choices.secondPopulation) names.push('dnaIndex', 'secondCv', 'secondG1Area', 'secondG2Area', 'secondS');
  if (choices.debris) names.push('debris');
  if (choices.aggregates) names.push('aggregates');
  const index = Object.fromEntries(ALL_PARAMETERS.map((name) => [name, names.indexOf(name)])) as ParameterIndex;
  return { names, index };
}

/** Mean and SD in channels of one G0/G1 and its G2/M. */
export interface CycleGeometry {
  mean1: number;
  sd1: number;
  mean2: number;
  sd2: number;
}

/** Peak positions and widths in channels implied by a parameter vector; `second` is null with one population. */
export interface PeakGeometry extends CycleGeometry {
  second: CycleGeometry | null;
}

/** The second population shares the first's linearity (one instrument) and has one CV for its G0/G1 and G2/M. */
export function geometryOf(params: Float64Array, index: ParameterIndex, g2CvTied: boolean): PeakGeometry {
  const mean1 = params[index.g1Mean];
  const cv1 = params[index.g1Cv];
  const linearity = params[index.linearity];
  const mean2 = linearity * mean1;
  const cv2 = g2CvTied ? cv1 : params[index.g2Cv];
  let second: CycleGeometry | null = null;
  if (index.dnaIndex >= 0) {
    const mean = params[index.dnaIndex] * mean1;
    const cv = params[index.secondCv];
    second = { mean1: mean, sd1: cv * mean, mean2: linearity * mean, sd2: cv * linearity * mean };
  }
  return { mean1, sd1: cv1 * mean1, mean2, sd2: cv2 * mean2, second };
}
