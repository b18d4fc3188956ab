/** The transforms with closed-form inverses: Gating-ML flin, flog, fasinh, and the Cytobank display arcsinh. */
import type { Scale } from './scale.ts';
import { TransformParameterError } from './types.ts';

function requireFinite(what: string, parameters: Record<string, number>): void {
  for (const [name, value] of Object.entries(parameters)) {
    if (!Number.isFinite(value)) throw new TransformParameterError(`${what}: ${name} must be a finite number, got ${value}`);
  }
}

/** Gating-ML flin(x) = (x + A) / (T + A). */
export class LinearScale implements Scale {
  private readonly offset: number;
  private readonly span: number;

  constructor(T: number, A: number) {
    requireFinite('linear (flin)', { T, A });
    if (T <= 0) throw new TransformParameterError(`linear (flin): T must be positive, got ${T}`);
    if (A <= -T) throw new TransformParameterError(`linear (flin): A = ${A} must be greater than −T = ${-T}`);
    this.offset = A;
    this.span = T + A;
  }

  apply(value: number): number {
    return (value + this.offset) / this.span;
  }

  invert(scaled: number): number {
    return scaled * this.span - this.offset;
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    const { offset, span } = this;
    for (let i = 0; i < values.length; i++) out[i] = (values[i] + offset) / span;
    return out;
  }
}

/** Gating-ML flog(x) = log10(x / T) / M + 1; −∞ at 0 and NaN below, so such events fall outside every gate. */
export class LogScale implements Scale {
  private readonly top: number;
  private readonly decades: number;

  constructor(T: number, M: number) {
    requireFinite('log (flog)', { T, M });
    if (T <= 0) throw new TransformParameterError(`log (flog): T must be positive, got ${T}`);
    if (M <= 0) throw new TransformParameterError(`log (flog): M must be positive, got ${M}`);
    this.top = T;
    this.decades = M;
  }

  apply(value: number): number {
    return Math.log10(value / this.top) / this.decades + 1;
  }

  invert(scaled: number): number {
    return this.top * 10 ** ((scaled - 1) * this.decades);
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    const { top, decades } = this;
    for (let i = 0; i < values.length; i++) out[i] = Math.log10(values[i] / top) / decades + 1;
    return out;
  }
}

/** Gating-ML fasinh(x) = (asinh(x · sinh(M·ln10) / T) + A·ln10) / ((M + A)·ln10); logicle with W = 0. */
export class AsinhScale implements Scale {
  private readonly inputFactor: number;
  private readonly shift: number;
  private readonly span: number;

  constructor(T: number, M: number, A: number) {
    requireFinite('asinh (fasinh)', { T, M, A });
    if (T <= 0) throw new TransformParameterError(`asinh (fasinh): T must be positive, got ${T}`);
    if (M <= 0) throw new TransformParameterError(`asinh (fasinh): M must be positive, got ${M}`);
    if (A < 0) throw new TransformParameterError(`asinh (fasinh): A must not be negative, got ${A}`);
    this.inputFactor = Math.sinh(M * Math.LN10) / T;
    this.shift = A * Math.LN10;
    this.span = (M + A) * Math.LN10;
  }

  apply(value: number): number {
    return (Math.asinh(value * this.inputFactor) + this.shift) / this.span;
  }

  invert(scaled: number): number {
    return Math.sinh(scaled * this.span - this.shift) / this.inputFactor;
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    const { inputFactor, shift, span } = this;
    for (let i = 0; i < values.length; i++) out[i] = (Math.asinh(values[i] * inputFactor) + shift) / span;
    return out;
  }
}

/** Display arcsinh with a cofactor (Cytobank, CellEngine): asinh(x / cofactor), not normalised. */
export class ArcsinhScale implements Scale {
  private readonly cofactor: number;

  constructor(cofactor: number) {
    requireFinite('arcsinh', { cofactor });
    if (cofactor <= 0) throw new TransformParameterError(`arcsinh: cofactor must be positive, got ${cofactor}`);
    this.cofactor = cofactor;
  }

  apply(value: number): number {
    return Math.asinh(value / this.cofactor);
  }

  invert(scaled: number): number {
    return this.cofactor * Math.sinh(scaled);
  }

  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out {
    const { cofactor } = this;
    for (let i = 0; i < values.length; i++) out[i] = Math.asinh(values[i] / cofactor);
    return out;
  }
}
