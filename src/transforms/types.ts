/**
 * Scale transforms, in the words of the ISAC Gating-ML 2.0 standard (Spidlen et al., Cytometry A 2015;87:683–687,
 * "Transformations" chapter) plus the display scales users know from FlowJo and Cytobank.
 * Every transform maps data values (linear, compensated units) to scale values; gate coordinates on a
 * dimension with a transform are in scale values (Gating-ML semantics).
 */

/** Key of a transform in `GatingStrategy.transforms`. */
export type TransformId = string;

/** Gating-ML `flin`: (x + A) / (T + A). T > 0, A > −T. */
export interface LinearTransform {
  kind: 'linear';
  T: number;
  A: number;
}

/** Gating-ML `flog`: log10(x / T) / M + 1; undefined (NaN) for x ≤ 0. T > 0, M > 0. */
export interface LogTransform {
  kind: 'log';
  T: number;
  M: number;
}

/** Gating-ML `fasinh`: (asinh(x · sinh(M·ln10) / T) + A·ln10) / ((M + A)·ln10). T > 0, M > 0, A ≥ 0. */
export interface AsinhTransform {
  kind: 'asinh';
  T: number;
  M: number;
  A: number;
}

/**
 * Logicle (Parks, Roederer & Moore 2006; Moore & Parks 2012), Gating-ML `logicle`: T top of scale, W linearisation
 * width in decades, M decades of a pure log scale, A extra negative decades. Maps T to 1 and data zero to (W + A)/(M + A).
 */
export interface LogicleTransform {
  kind: 'logicle';
  T: number;
  W: number;
  M: number;
  A: number;
}

/** Hyperlog (Bagwell 2005), Gating-ML `hyperlog`, with the same T, W, M, A meaning as logicle. */
export interface HyperlogTransform {
  kind: 'hyperlog';
  T: number;
  W: number;
  M: number;
  A: number;
}

/** Cytobank/CellEngine display arcsinh: asinh(x / cofactor), unnormalised. cofactor > 0 (≈150 fluorescence, 5 CyTOF). */
export interface ArcsinhTransform {
  kind: 'arcsinh';
  cofactor: number;
}

/**
 * FlowJo "biex" parameters, evaluated as the logicle scale T = maxValue, M = positiveDecades, A = negativeDecades,
 * W = log10(−widthBasis) / 2 (the equivalence shown in RGLab/CytoML #38). Output is the logicle [0, 1] scale,
 * not FlowJo's 0…channelRange bins.
 */
export interface BiexTransform {
  kind: 'biex';
  /** FlowJo `maxValue`, e.g. 262144. */
  maxValue: number;
  /** FlowJo `pos`, e.g. 4.42. */
  positiveDecades: number;
  /** FlowJo `neg`, e.g. 0. */
  negativeDecades: number;
  /** FlowJo `widthBasis`, negative, e.g. −10 or −100. */
  widthBasis: number;
}

export type Transform =
  | LinearTransform
  | LogTransform
  | AsinhTransform
  | LogicleTransform
  | HyperlogTransform
  | ArcsinhTransform
  | BiexTransform;


/**
 * Gating-ML `fratio`: a new dimension A · (x − B) / (y − C) computed per event from two channels. It is a dimension
 * source, not a per-value transform, so it lives in `GatingStrategy.ratios`.
 */
export interface RatioDefinition {
  /** $PnN (or a spectrum-matrix fluorochrome) of x. */
  numerator: string;
  /** $PnN (or a spectrum-matrix fluorochrome) of y. */
  denominator: string;
  A: number;
  B: number;
  C: number;
}

/** A transform that is invalid for its parameters, e.g. logicle with 2·W > M. */
export class TransformParameterError extends Error {
  override name = 'TransformParameterError';
}
