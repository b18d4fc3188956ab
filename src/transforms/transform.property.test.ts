import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTransform } from './transform.ts';
import type { Transform } from './types.ts';

/** Scales users and the Gating-ML suite actually use, including Moore & Parks' "worst case near zero" W = 2.5, M = 5. */
const SCALES: Transform[] = [
  { kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 },
  { kind: 'logicle', T: 10000, W: 1, M: 4.5, A: 0.5 },
  { kind: 'logicle', T: 10000, W: 2.5, M: 5, A: 0 },
  { kind: 'logicle', T: 1000, W: 0, M: 4, A: 1 },
  { kind: 'hyperlog', T: 10000, W: 1, M: 4.5, A: 0 },
  { kind: 'hyperlog', T: 1000, W: 0.01, M: 4, A: 1 },
  { kind: 'asinh', T: 10000, M: 4, A: 1 },
  { kind: 'linear', T: 10000, A: 500 },
  { kind: 'log', T: 10000, M: 5 },
  { kind: 'arcsinh', cofactor: 150 },
  { kind: 'biex', maxValue: 262144, positiveDecades: 4.42, negativeDecades: 0, widthBasis: -100 },
];

const dataValue = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.integer({ min: -20, max: 6 }).map((k) => 10 ** k),
);

describe.each(SCALES.map((t) => [t.kind, t] as const))('%s round trips', (_kind, transform) => {
  const scale = compileTransform(transform);

  it('invert(apply(x)) = x to 1e-12 relative (absolute below |x| = 1, where the scale resolves ~1e-16 units)', () => {
    fc.assert(
      fc.property(dataValue, (x) => {
        if (transform.kind === 'log' && x <= 0) return;
        const back = scale.invert(scale.apply(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(x), 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('apply(invert(y)) = y to a few ulp over the extended scale [−1, 4] (Moore & Parks 2012 test)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 4, noNaN: true }), (y) => {
        const x = scale.invert(y);
        if (!Number.isFinite(x)) return;
        expect(Math.abs(scale.apply(x) - y)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(y)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotone increasing, up to the few ulp at which Halley iterations stop', () => {
    fc.assert(
      fc.property(dataValue, dataValue, (p, q) => {
        if (transform.kind === 'log' && (p <= 0 || q <= 0)) return;
        if (p === q) return;
        const [low, high] = p < q ? [p, q] : [q, p];
        // Neighbouring doubles near 1e6 on the W = 2.5 scale can come back 1 ulp out of order (found by this test).
        const [a, b] = [scale.apply(low), scale.apply(high)];
        const slack = Number.isFinite(b) ? 4 * Number.EPSILON * Math.max(1, Math.abs(b)) : 0;
        expect(a).toBeLessThanOrEqual(b + slack);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('logicle near data zero', () => {
  it('is odd-symmetric about the zero point, and the Taylor branch joins the exponential branch', () => {
    const scale = compileTransform({ kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 });
    const zero = scale.apply(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e5, noNaN: true }), (x) => {
        expect(scale.apply(-x) - zero).toBeCloseTo(zero - scale.apply(x), 14);
      }),
    );
    // w = 0.5/4.5, the series is used below zero + w/4: both sides of that seam must agree to rounding.
    const seam = zero + 0.5 / 4.5 / 4;
    const below = scale.invert(seam - 1e-15);
    const above = scale.invert(seam + 1e-15);
    expect(Math.abs(above - below) / Math.abs(above)).toBeLessThan(1e-12);
  });
});
