import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, upperNormalTail } from './normalDistribution.ts';

/** Numerical Recipes' bound on the fractional error of its erfc formula. */
const FRACTIONAL_ERROR = 1.2e-7;

// Reference values: Abramowitz & Stegun table 7.1 and standard-normal quantiles (R: pnorm/qnorm).
describe('erfc', () => {
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [2.5, 0.000406952017444959],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
    [-1, 1.8427007929497148],
  ])('erfc(%f) = %f within the stated accuracy of the formula', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(FRACTIONAL_ERROR);
  });

  it('is smooth: central differences match the derivative −2/√π·exp(−x²)', () => {
    for (const x of [0.1, 0.9, 1.7, 2.6, 3.4]) {
      const h = 1e-5;
      const slope = (erfc(x + h) - erfc(x - h)) / (2 * h);
      const exact = (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
      expect(Math.abs(slope / exact - 1)).toBeLessThan(1e-5);
    }
  });

  it('underflows to zero far in the tail instead of returning NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
  });
});

describe('normal tails', () => {
  it('matches known quantiles', () => {
    expect(Math.abs(upperNormalTail(1.959963984540054) / 0.025 - 1)).toBeLessThan(FRACTIONAL_ERROR);
    expect(Math.abs(normalCdf(-1.6448536269514722) / 0.05 - 1)).toBeLessThan(FRACTIONAL_ERROR);
  });

  it('keeps relative precision far in both tails: Q(8) = 6.220960574271784e-16', () => {
    expect(Math.abs(upperNormalTail(8) / 6.220960574271784e-16 - 1)).toBeLessThan(FRACTIONAL_ERROR);
    expect(normalCdf(-8)).toBe(upperNormalTail(8));
  });
});
