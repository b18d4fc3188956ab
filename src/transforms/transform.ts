/** Entry points for transforms as data: compile once per Transform object, then map values or whole columns. */
import { biexToLogicle } from './biex.ts';
import { ArcsinhScale, AsinhScale, LinearScale, LogScale } from './closedForm.ts';
import { HyperlogScale } from './hyperlog.ts';
import { LogicleScale } from './logicle.ts';
import type { Scale } from './scale.ts';
import type { Transform } from './types.ts';

/** Builds the scale of a transform; throws TransformParameterError (with the parameter at fault) when invalid. */
export function compileTransform(transform: Transform): Scale {
  switch (transform.kind) {
    case 'linear':
      return new LinearScale(transform.T, transform.A);
    case 'log':
      return new LogScale(transform.T, transform.M);
    case 'asinh':
      return new AsinhScale(transform.T, transform.M, transform.A);
    case 'logicle':
      return new LogicleScale(transform);
    case 'hyperlog':
      return new HyperlogScale(transform);
    case 'arcsinh':
      return new ArcsinhScale(transform.cofactor);
    case 'biex':
      return new LogicleScale(biexToLogicle(transform), 'biex (as logicle)');
    default: {
      const unknown: never = transform;
      throw new Error(`Unknown transform kind: ${JSON.stringify(unknown)}`);
    }
  }
}

const compiled = new WeakMap<Transform, Scale>();

/** The compiled scale of `transform`, cached per object so repeated single-value calls stay cheap. */
export function scaleOf(transform: Transform): Scale {
  let scale = compiled.get(transform);
  if (!scale) {
    scale = compileTransform(transform);
    compiled.set(transform, scale);
  }
  return scale;
}

/**
 * Data value → scale value.
 * @example applyTransform({ kind: 'linear', T: 1000, A: 0 }, 120) // 0.12
 */
export function applyTransform(transform: Transform, value: number): number {
  return scaleOf(transform).apply(value);
}

/**
 * Scale value → data value.
 * @example inverseTransform({ kind: 'log', T: 10000, M: 5 }, 0.8) // 1000
 */
export function inverseTransform(transform: Transform, scaled: number): number {
  return scaleOf(transform).invert(scaled);
}

/** Transforms a whole column into a new Float64Array (or into `out` when given). */
export function applyTransformToColumn(transform: Transform, values: ArrayLike<number>, out = new Float64Array(values.length)): Float64Array {
  return scaleOf(transform).applyToColumn(values, out);
}
