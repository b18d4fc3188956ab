/**
 * Hyperlog (Bagwell, Cytometry A 2005;64:34) in the Gating-ML 2.0 T, W, M, A parametrisation: the scale is the
 * inverse of EH(y) = a·e^(b·y) + c·y − f for y ≥ x1 (odd-symmetric about x1 below it), with EH(x1) = 0, EH(1) = T
 * and c/a = e^(b·x0)/w. Solved like logicle (Moore & Parks 2012): Taylor series near x1 and Halley iterations.
 */
import type { LogicleParameters } from './logicle.ts';
import type { Scale } from './scale.ts';
import { TransformParameterError } from './types.ts';

const TAYLOR_TERMS = 16;
const MAX_ITERATIONS = 50;

/** Throws TransformParameterError unless T > 0, M > 0, 0 < W, 2·W ≤ M and −W ≤ A ≤ M − 2·W. */
export function checkHyperlogParameters({ T, W, M, A }: LogicleParameters): void {
  for (const [name, value] of [['T', T], ['W', W], ['M', M], ['A', A]] as const) {
    if (!Number.isFinite(value)) throw new TransformParameterError(`hyperlog: ${name} must be a finite number, got ${value}`);
  }
  if (T <= 0) throw new TransformParameterError(`hyperlog: T (top of scale) must be positive, got ${T}`);
  if (M <= 0) throw new TransformParameterError(`hyperlog: M (decades) must be positive, got ${M}`);
  if (W <= 0) throw new TransformParameterError(`hyperlog: W (linear width) must be positive, got ${W}`);
  if (2 * W > M) throw new TransformParameterError(`hyperlog: W = ${W} is too large, 2·W must not exceed M = ${M}`);
  if (-A > W) throw new TransformParameterError(`hyperlog: A = ${A} is too negative, −A must not exceed W = ${W}`);
  if (A + W > M - W) throw new TransformParameterError(`hyperlog: A = ${A} is too large, A + W must not exceed M − W = ${M - W}`);
}

export class HyperlogScale implements Scale {
  /** Scale value of data zero: (W + A) / (M + A). */
  readonly zero: number;
  private readonly a: number;
  private readonly b: number;
  private readonly c: number;
  private readonly f: number;
  private readonly w: number;
  private readonly taylorLimit: number;
  /** EH at zero + w: data values below it start Halley from the linear interpolation. */
  private readonly linearLimit: number;
  private readonly taylor = new Float64Array(TAYLOR_TERMS);

  constructor(parameters: LogicleParameters) {
    checkHyperlogParameters(parameters);
    const { T, W, M, A } = parameters;
    const w = W / (M + A);
    const x2 = A / (M + A);
    const x1 = x2 + w;
    const x0 = x2 + 2 * w;
    const b = (M + A) * Math.LN10;
    const cOverA = Math.exp(b * x0) / w;
    const fOverA = Math.exp(b * x1) + cOverA * x1;
    const a = T / (Math.exp(b) + cOverA - fOverA);
    this.a = a;
    this.b = b;
    this.c = cOverA * a;
    this.f = fOverA * a;
    this.w = w;
    this.zero = x1;
    this.taylorLimit = x1 + w / 4;
    let coefficient = a * Math.exp(b * x1);
    for (let k = 0; k < TAYLOR_TERMS; k++) {
      coefficient *= b / (k + 1);
      this.taylor[k] = coefficient;
    }
    this.taylor[0] += this.c;
    this.linearLimit = this.invert(x0);
  }

  private series(scaled: number): number {
    const x = scaled - this.zero;
    const t = this.taylor;
    let sum = t[TAYLOR_TERMS - 1] * x;
    for (let k = TAYLOR_TERMS - 2; k >= 0; k--) sum = (sum + t[k]) * x;
    return sum;
  }

  apply(value: number): number {
    if (value === 0) return this.zero;
    if (!Number.isFinite(value)) return value;
    const negative = value < 0;
    const v = negative ? -value : value;
    const { a, b, c, f } = this;
    let x = v < this.linearLimit ? this.zero + (v * this.w) / this.linearLimit : Math.log(v / a) / b;
    const tolerance = x > 1 ? 3 * x * Number.EPSILON : 3 * Number.EPSILON;
    for (let i = 0; i < MAX_ITERATIONS; i++) {
      const ae2bx = a * Math.exp(b * x);
      const residual = x < this.taylorLimit ? this.series(x) - v : ae2bx + c * x - (f + v);
      const abe2bx = b * ae2bx;
      const slope = abe2bx + c;
      const curvature = b * abe2bx;
      const step = residual / (slope * (1 - (residual * curvature) / (2 * slope * slope)));
      x -= step;
      if (Math.abs(step) < tolerance) break;
    }
    return negative ? 2 * this.zero - x : x;
  }

  invert(scaled: number): number {
    const negative = scaled < this.zero;
    const y = negative ? 2 * this.zero - scaled : scaled;
    const value = y < this.taylorLimit ? this.series(y) : this.a * Math.exp(this.b * y) + this.c * y - this.f;
    return negative ? -value : value;
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    for (let i = 0; i < values.length; i++) out[i] = this.apply(values[i]);
    return out;
  }
}
