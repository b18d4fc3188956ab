import type { LogicleParameters } from './logicle.ts';
import { type BiexTransform, TransformParameterError } from './types.ts';

/**
 * FlowJo biex parameters as logicle parameters: T = maxValue, M = pos, A = neg, W = log10(−widthBasis) / 2
 * (RGLab/CytoML #38; FlowJo's own table interpolation makes its output differ from exact logicle by a fraction of a bin).
 * @example biexToLogicle({ kind: 'biex', maxValue: 262144, positiveDecades: 4.42, negativeDecades: 0, widthBasis: -10 })
 *   // → { T: 262144, W: 0.5, M: 4.42, A: 0 }
 */
export function biexToLogicle(biex: BiexTransform): LogicleParameters {
  if (!(biex.widthBasis < 0)) {
    throw new TransformParameterError(`biex: widthBasis must be negative (FlowJo uses e.g. −10 or −100), got ${biex.widthBasis}`);
  }
  return { T: biex.maxValue, W: Math.log10(-biex.widthBasis) / 2, M: biex.positiveDecades, A: biex.negativeDecades };
}
