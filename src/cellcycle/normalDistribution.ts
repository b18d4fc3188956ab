/**
 * Complementary error function by the Chebyshev-fitted formula of Numerical Recipes (Press et al., 2nd ed., §6.2,
 * "erfcc"): erfc(z) ≈ t·exp(−z² + P(t)) with t = 1/(1 + z/2), fractional error below 1.2e-7 for every z. It is a
 * smooth function of z (finite-difference Jacobians stay clean) and five times faster than a series to 1e-15, which
 * matters because every fit evaluates it thousands of times; 1.2e-7 is far below any histogram's counting noise.
 * @example erfc(1) // 0.157299207 (exact 0.15729920705028513)
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(-z * z + polynomial);
  return x >= 0 ? value : 2 - value;
}

const SQRT_HALF = Math.SQRT1_2;

/**
 * Upper tail Q(z) = P(Z > z) of the standard normal, with the same relative accuracy far into both tails.
 * @example upperNormalTail(1.959963984540054) // 0.025
 */
export function upperNormalTail(z: number): number {
  return 0.5 * erfc(z * SQRT_HALF);
}

/**
 * Standard normal cumulative distribution Φ(z).
 * @example normalCdf(0) // 0.5
 */
export function normalCdf(z: number): number {
  return upperNormalTail(-z);
}
