/**
 * The logicle scale of Parks, Roederer & Moore (Cytometry A 2006;69A:541) computed with the operational algorithm of
 * Moore & Parks, "Update for the logicle data scale including operational code implementations"
 * (Cytometry A 2012;81A:273): the scale is the inverse of the biexponential
 *   B(y) = a·e^(b·y) − c·e^(−d·y) + f   (y ≥ x1, and B(2·x1 − y) = −B(y) below),
 * with B(x1) = 0 (data zero), B(1) = T and B''(x1) = 0 (the "logicle condition").
 */
import type { Scale } from './scale.ts';
import { TransformParameterError } from './types.ts';

export interface LogicleParameters {
  T: number;
  W: number;
  M: number;
  A: number;
}

/** Terms of the Taylor series of B about x1; 16 reach double precision for practical scales (Moore & Parks 2012). */
const TAYLOR_TERMS = 16;
const MAX_ITERATIONS = 50;

/**
 * Throws TransformParameterError unless T > 0, W ≥ 0, M > 0, 2·W ≤ M, −A ≤ W and A + W ≤ M − W,
 * the parameter checks of the Moore & Parks 2012 reference implementation.
 */
export function checkLogicleParameters({ T, W, M, A }: LogicleParameters, what = 'logicle'): void {
  for (const [name, value] of [['T', T], ['W', W], ['M', M], ['A', A]] as const) {
    if (!Number.isFinite(value)) throw new TransformParameterError(`${what}: ${name} must be a finite number, got ${value}`);
  }
  if (T <= 0) throw new TransformParameterError(`${what}: T (top of scale) must be positive, got ${T}`);
  if (W < 0) throw new TransformParameterError(`${what}: W (linear width) must not be negative, got ${W}`);
  if (M <= 0) throw new TransformParameterError(`${what}: M (decades) must be positive, got ${M}`);
  if (2 * W > M) throw new TransformParameterError(`${what}: W = ${W} is too large, 2·W must not exceed M = ${M}`);
  if (-A > W) throw new TransformParameterError(`${what}: A = ${A} is too negative, −A must not exceed W = ${W}`);
  if (A + W > M - W) throw new TransformParameterError(`${what}: A = ${A} is too large, A + W must not exceed M − W = ${M - W}`);
}

/**
 * Root d of 2·(ln d − ln b) + w·(b + d) = 0 on (0, b] (Parks et al. 2006, eq. for the negative-side exponent),
 * by Newton steps safeguarded with bisection (the RTSAFE scheme the reference code uses). w = 0 gives d = b (arcsinh).
 */
export function solveLogicleD(b: number, w: number): number {
  if (w === 0) return b;
  const tolerance = 2 * b * Number.EPSILON;
  let low = 0;
  let high = b;
  let d = b / 2;
  let lastStep = high - low;
  const offset = -2 * Math.log(b) + w * b;
  let value = 2 * Math.log(d) + w * d + offset;
  for (let i = 0; i < 200; i++) {
    const slope = 2 / d + w;
    const newtonLeavesBracket = ((d - high) * slope - value) * ((d - low) * slope - value) >= 0;
    let step: number;
    if (newtonLeavesBracket || Math.abs(2 * value) > Math.abs(lastStep * slope)) {
      step = (high - low) / 2;
      d = low + step;
    } else {
      step = value / slope;
      d -= step;
    }
    if (Math.abs(step) < tolerance) return d;
    lastStep = step;
    value = 2 * Math.log(d) + w * d + offset;
    if (value === 0) return d;
    if (value < 0) low = d;
    else high = d;
  }
  return d;
}

export class LogicleScale implements Scale {
  /** Scale value of data zero: (W + A) / (M + A). */
  readonly zero: number;
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly d: number;
  private readonly f: number;
  /** Below this scale value B is evaluated by its Taylor series, avoiding cancellation near zero. */
  private readonly taylorLimit: number;
  private readonly taylor = new Float64Array(TAYLOR_TERMS);

  constructor(parameters: LogicleParameters, what = 'logicle') {
    checkLogicleParameters(parameters, what);
    const { T, W, M, A } = parameters;
    const w = W / (M + A);
    const x2 = A / (M + A);
    const x1 = x2 + w;
    const x0 = x2 + 2 * w;
    const b = (M + A) * Math.LN10;
    const d = solveLogicleD(b, w);
    const cOverA = Math.exp(x0 * (b + d));
    const minusFOverA = Math.exp(b * x1) - cOverA * Math.exp(-d * x1);
    const a = T / (Math.exp(b) - minusFOverA - cOverA * Math.exp(-d));
    this.a = a;
    this.b = b;
    this.c = cOverA * a;
    this.d = d;
    this.f = -minusFOverA * a;
    this.zero = x1;
    this.taylorLimit = x1 + w / 4;
    let positive = a * Math.exp(b * x1);
    let negative = -this.c * Math.exp(-d * x1);
    for (let k = 0; k < TAYLOR_TERMS; k++) {
      positive *= b / (k + 1);
      negative *= -d / (k + 1);
      this.taylor[k] = positive + negative;
    }
    this.taylor[1] = 0;
  }

  /** B(scale) − B(zero) about the zero point; coefficient k multiplies (scale − zero)^(k+1). */
  private series(scaled: number): number {
    const x = scaled - this.zero;
    const t = this.taylor;
    let sum = t[TAYLOR_TERMS - 1] * x;
    for (let k = TAYLOR_TERMS - 2; k >= 2; k--) sum = (sum + t[k]) * x;
    return (sum * x + t[0]) * x;
  }

  apply(value: number): number {
    if (value === 0) return this.zero;
    if (!Number.isFinite(value)) return value;
    const negative = value < 0;
    const v = negative ? -value : value;
    const { a, b, c, d, f } = this;
    // Start from the linear approximation in the quasi-linear region, else from the logarithm, which can fall
    // below zero when W and the value are very small.
    let x = v < f ? this.zero + v / this.taylor[0] : Math.max(Math.log(v / a) / b, this.zero);
    const tolerance = x > 1 ? 3 * x * Number.EPSILON : 3 * Number.EPSILON;
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const ae2bx = a * Math.exp(b * x);
      const ce2mdx = c / Math.exp(d * x);
      const residual = x < this.taylorLimit ? this.series(x) - v : ae2bx + f - (ce2mdx + v);
      const abe2bx = b * ae2bx;
      const cde2mdx = d * ce2mdx;
      const slope = abe2bx + cde2mdx;
      const curvature = b * abe2bx - d * cde2mdx;
      // Halley's method: cubic convergence (Moore & Parks 2012).
      const step = residual / (slope * (1 - (residual * curvature) / (2 * slope * slope)));
      x -= step;
      if (Math.abs(step) < tolerance) break;
    }
    return negative ? 2 * this.zero - x : x;
  }

  invert(scaled: number): number {
    const negative = scaled < this.zero;
    const y = negative ? 2 * this.zero - scaled : scaled;
    const value = y < this.taylorLimit ? this.series(y) : this.a * Math.exp(this.b * y) + this.f - this.c / Math.exp(this.d * y);
    return negative ? -value : value;
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    for (let i = 0; i < values.length; i++) out[i] = this.apply(values[i]);
    return out;
  }
}
