import { describe, expect, it } from 'vitest';
import { type AxisTick, axisTicks } from './ticks.ts';
import { inverseTransform } from './transform.ts';
import type { Transform } from './types.ts';

const labelled = (ticks: AxisTick[]) => ticks.filter((t) => t.label !== null);
const fullScale = (t: Transform) => ({ min: inverseTransform(t, 0), max: inverseTransform(t, 1) });

describe('axisTicks on logicle scales', () => {
  // Expected label values from the tests of Moore's reference implementation
  // (black98fxstc/FACS, Transform/.../TestTransforms.java, testAxisLabels), over the full scale [0, 1].
  it.each([
    ['typical', { kind: 'logicle', T: 10000, W: 1, M: 4.5, A: 0 }, [0, 100, 1000, 10000]],
    ['typical Diva', { kind: 'logicle', T: 300000, W: 0.5, M: 4.5, A: 0 }, [-100, 0, 100, 1000, 10000, 100000]],
    ['unit full scale', { kind: 'logicle', T: 1, W: 0.5, M: 4.5, A: 0 }, [0, 0.001, 0.01, 0.1, 1]],
    ['arcsinh-like (W = 0)', { kind: 'logicle', T: 10000, W: 0, M: 4.5, A: 0.5 }, [0, 1, 10, 100, 1000, 10000]],
    ['no negative region', { kind: 'logicle', T: 10000, W: 1, M: 4.5, A: -1 }, [0, 100, 1000, 10000]],
    ['worst case', { kind: 'logicle', T: 10000, W: 2.5, M: 5, A: 0 }, [-10000, 0, 10000]],
    // The reference returns 0, 1, 10, 100 here only because log(1000)/ln(10) rounds below 3; T itself is labelled.
    ['typical EDesk', { kind: 'logicle', T: 1000, W: 0.5, M: 4.5, A: 0 }, [0, 1, 10, 100, 1000]],
  ] satisfies [string, Transform, number[]][])('%s', (_name, transform, expected) => {
    const ticks = labelled(axisTicks(transform, fullScale(transform)));
    expect(ticks.map((t) => t.value)).toEqual(expected.map((v) => expect.closeTo(v, 12)));
  });

  it('labels decades as 10^k, zero as 0 and negatives as -10^k', () => {
    const ticks = labelled(axisTicks({ kind: 'logicle', T: 300000, W: 0.5, M: 4.5, A: 0 }, { min: -100, max: 262144 }));
    expect(ticks.map((t) => t.label)).toEqual(['-10^2', '0', '10^2', '10^3', '10^4', '10^5']);
  });

  it('adds unlabelled minor ticks at 2…9 × 10^k from the decade below the first label', () => {
    const ticks = axisTicks({ kind: 'logicle', T: 262144, W: 0.5, M: 4.5, A: 0 }, { min: 0, max: 1000 });
    expect(ticks.filter((t) => t.label === null).map((t) => t.value)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(labelled(ticks).map((t) => t.value)).toEqual([0, 100, 1000]);
  });

  it('treats biex and hyperlog like the logicle they parametrise', () => {
    const biex: Transform = { kind: 'biex', maxValue: 10000, positiveDecades: 4.5, negativeDecades: 0, widthBasis: -100 };
    expect(labelled(axisTicks(biex, { min: -50, max: 10000 })).map((t) => t.label)).toEqual(['0', '10^2', '10^3', '10^4']);
    const hyperlog: Transform = { kind: 'hyperlog', T: 10000, W: 1, M: 4.5, A: 0 };
    expect(labelled(axisTicks(hyperlog, { min: -50, max: 10000 })).map((t) => t.label)).toEqual(['0', '10^2', '10^3', '10^4']);
  });
});

describe('axisTicks on other scales', () => {
  it('arcsinh with cofactor 150 labels from 10^2, where asinh(x/150) turns logarithmic', () => {
    const ticks = labelled(axisTicks({ kind: 'arcsinh', cofactor: 150 }, { min: -1000, max: 262144 }));
    expect(ticks.map((t) => t.label)).toEqual(['-10^3', '-10^2', '0', '10^2', '10^3', '10^4', '10^5']);
  });

  it('flog labels every decade above its bottom T·10^−M', () => {
    const ticks = labelled(axisTicks({ kind: 'log', T: 10000, M: 5 }, { min: 0, max: 10000 }));
    expect(ticks.map((t) => t.label)).toEqual(['10^-1', '10^0', '10^1', '10^2', '10^3', '10^4']);
  });

  it('linear axes step 1-2-5 with K and M for thousands and millions', () => {
    const ticks = axisTicks(null, { min: 0, max: 262144 });
    expect(labelled(ticks).map((t) => t.label)).toEqual(['0', '50K', '100K', '150K', '200K', '250K']);
    expect(ticks.filter((t) => t.label === null)[0].value).toBe(10000);
    expect(labelled(axisTicks({ kind: 'linear', T: 1, A: 0 }, { min: -1, max: 1 })).map((t) => t.label)).toEqual(['-1', '-0.5', '0', '0.5', '1']);
    expect(labelled(axisTicks(null, { min: 0, max: 4e6 })).map((t) => t.label)).toEqual(['0', '0.5M', '1M', '1.5M', '2M', '2.5M', '3M', '3.5M', '4M']);
  });

  it('rejects empty or non-finite ranges and stays bounded on degenerate ones', () => {
    expect(() => axisTicks(null, { min: 5, max: 5 })).toThrow(/min < max/);
    expect(() => axisTicks(null, { min: 0, max: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    expect(axisTicks(null, { min: 1e17, max: 1e17 + 64 })).toEqual([]);
  });
});
