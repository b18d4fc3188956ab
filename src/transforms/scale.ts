/** A compiled transform: its constants are derived once, then values are mapped many times. */
export interface Scale {
  /** Data value (linear units) → scale value; NaN stays NaN. */
  apply(value: number): number;
  /** Scale value → data value; the exact inverse of `apply` up to rounding. */
  invert(scaled: number): number;
  /**
   * `apply` over a column into `out` (which may alias `values` when that is a Float64Array); returns `out`. Each value
   * is computed in float64; a Float32Array `out` stores it rounded, as copying a float64 result into it would.
   */
  applyToColumn<Out extends Float32Array | Float64Array>(values: ArrayLike<number>, out: Out): Out;
}
