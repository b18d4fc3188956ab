import { quantileInPlace } from './quantile.ts';
import { TransformParameterError } from './types.ts';

export interface LogicleWidthOptions {
  /** Top of scale T (data units). */
  T: number;
  /** Decades M. */
  M: number;
  /** Which quantile of the negative values is the reference r; 0.05 as in flowCore's estimateLogicle and FlowUtils. */
  negativeQuantile?: number;
}

/**
 * Logicle W for display from data: W = (M − log10(T / |r|)) / 2 with r a low quantile of the negative values
 * (Parks et al. 2006; field-anchors c1), clamped to [0, M/2]. A quantile rather than the minimum keeps a few outliers
 * from widening the linear region (why users cannot reproduce flowCore's W from the minimum, RGLab/flowCore #257).
 * No negative (or only NaN) values give W = 0. Non-finite values are ignored.
 * @example estimateLogicleWidth(Float64Array.from([-100, 50, 1e4]), { T: 262144, M: 4.5 }) // (4.5 − log10(2621.44)) / 2 ≈ 0.541
 */
export function estimateLogicleWidth(values: ArrayLike<number>, { T, M, negativeQuantile = 0.05 }: LogicleWidthOptions): number {
  if (!(T > 0) || !(M > 0)) throw new TransformParameterError(`logicle width: T and M must be positive, got T = ${T}, M = ${M}`);
  let negatives = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < 0 && Number.isFinite(values[i])) negatives++;
  if (negatives === 0) return 0;
  const scratch = new Float64Array(negatives);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < 0 && Number.isFinite(values[i])) scratch[n++] = values[i];
  const reference = quantileInPlace(scratch, n, negativeQuantile);
  const width = (M - Math.log10(T / Math.abs(reference))) / 2;
  return Math.min(M / 2, Math.max(0, width));
}
