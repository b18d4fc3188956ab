import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from './studentT.ts';

/** Reference values printed by R 4.2.2 (qt, lgamma, pt, pbeta) to 17 digits. */
const QUANTILES: readonly [number, number, number][] = [
  [1, 12.706204736174694, 63.656741162871526],
  [2, 4.3026527297494619, 9.9248432009182892],
  [3, 3.1824463052837078, 5.8409093097333544],
  [5, 2.5705818356363137, 4.0321429835552287],
  [10, 2.2281388519862739, 3.16927267261695],
  [11, 2.2009851600916388, 3.10580651553928],
  [26, 2.0555294386428726, 2.778714533329683],
  [100, 1.9839715185235516, 2.6258905214380182],
  [1000, 1.9623390808264076, 2.5807546980659501],
];

describe("Student's t", () => {
  it.each(QUANTILES)('gives R\'s qt(0.975) and qt(0.995) on %i degrees of freedom', (df, q975, q995) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(q975, 11);
    expect(studentTQuantile(0.995, df)).toBeCloseTo(q995, 10);
    expect(studentTQuantile(0.025, df)).toBeCloseTo(-q975, 11);
  });

  it("gives R's lgamma, pt and pbeta", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.57236494292470008, 13);
    expect(logGamma(3.7)).toBeCloseTo(1.4280723266653881, 13);
    expect(logGamma(20)).toBeCloseTo(39.339884187199495, 11);
    expect(studentTCdf(1.3, 4)).toBeCloseTo(0.86827420176438808, 13);
    expect(incompleteBeta(0.3, 2.5, 0.5)).toBeCloseTo(0.018927124071945644, 14);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('refuses probabilities and degrees of freedom outside their range', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});
