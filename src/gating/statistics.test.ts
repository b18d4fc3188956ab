import { describe, expect, it } from 'vitest';
import { channelSourceFromColumns } from './channelSource.ts';
import { GatingEvaluator } from './evaluator.ts';
import { channelStatistics, percentOf, percentOfAncestor, populationCounts } from './statistics.ts';
import type { Dimension, GatingStrategy } from './types.ts';

describe('channelStatistics', () => {
  it('matches hand computation on 2, 4, 4, 4, 5, 5, 7, 9', () => {
    const stats = channelStatistics(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), null);
    // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32 → population SD √(32/8) = 2; CV 40 %.
    expect(stats.mean).toBe(5);
    expect(stats.sd).toBe(2);
    expect(stats.cv).toBe(40);
    expect(stats.median).toBe(4.5);
    // geometric mean = (2·4·4·4·5·5·7·9)^(1/8) = 201600^(1/8)
    expect(stats.geometricMean).toBeCloseTo(201600 ** (1 / 8), 12);
    // type-7 percentiles: h = 7·0.1587 = 1.1109 → 4; h = 7·0.8413 = 5.8891 → 5 + 0.8891·2 = 6.7782
    expect(stats.robustCv).toBeCloseTo((100 * 0.5 * (6.7782 - 4)) / 4.5, 10);
  });

  it('uses only the population’s events and leaves out NaN', () => {
    const column = Float32Array.of(1000, 1, Number.NaN, 3, 1000);
    const stats = channelStatistics(column, Uint32Array.of(1, 2, 3));
    expect(stats).toMatchObject({ count: 3, valueCount: 2, mean: 2, median: 2 });
  });

  it('computes the geometric mean over any magnitudes as exp(mean(ln x)) to 1e-12', () => {
    let state = 3;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const values = Float64Array.from({ length: 20000 }, (_, i) => (i % 1000 === 0 ? 10 ** (600 * next() - 300) : 10 ** (6 * next())));
    const direct = Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
    expect(Math.abs(channelStatistics(values, null).geometricMean / direct - 1)).toBeLessThan(1e-12);
  });

  it('keeps the SD of a tight population far from its parent’s median exact to 1e-9', () => {
    // 1000 events near 0 (the parent's median) and a tight cluster at 2e5 ± 100 (CV 0.05 %).
    const values = Float64Array.from({ length: 1100 }, (_, i) => (i < 1000 ? i - 500 : 2e5 + ((i % 2) * 2 - 1) * 100));
    const evaluator = new GatingEvaluator(channelSourceFromColumns({ V: values }));
    const v: Dimension = { source: { kind: 'channel', name: 'V' }, compensation: 'uncompensated', transform: null };
    evaluator.update({ version: 1, transforms: {}, ratios: {}, compensations: {}, gates: [{ kind: 'rectangle', id: 'bright', name: 'bright', parentId: null, bounds: [{ dimension: v, min: 1e5, max: null }] }] });
    evaluator.statistics(['bright'], v);
    const [bright] = evaluator.statistics(['bright'], v);
    // ±100 around 2e5, 50 each: mean 2e5, population SD exactly 100.
    expect(bright.mean).toBe(2e5);
    expect(Math.abs(bright.sd / 100 - 1)).toBeLessThan(1e-9);
  });

  it('leaves values ≤ 0 out of the geometric mean and says how many', () => {
    const stats = channelStatistics(Float64Array.of(-50, 0, 10, 1000), null);
    expect(stats.geometricMean).toBeCloseTo(100, 12);
    expect(stats.nonPositiveCount).toBe(2);
  });

  it('robust CV is half the central 68.26 % range over the median (uniform sample on 900…1100)', () => {
    // For a uniform sample, P84.13 − P15.87 = 0.6826 · 200, the median is 1000: rCV = 100 · ½ · 136.52 / 1000.
    const n = 100001;
    const uniform = Float64Array.from({ length: n }, (_, i) => 1000 + (i / (n - 1) - 0.5) * 200);
    expect(channelStatistics(uniform, null).robustCv).toBeCloseTo(6.826, 6);
  });

  it('is NaN, not 0, for an empty population', () => {
    const stats = channelStatistics(Float64Array.of(1, 2), new Uint32Array(0));
    expect([stats.mean, stats.median, stats.sd, stats.geometricMean].every(Number.isNaN)).toBe(true);
  });
});

describe('population counts', () => {
  const x: Dimension = { source: { kind: 'channel', name: 'X' }, compensation: 'uncompensated', transform: null };
  const strategy: GatingStrategy = {
    version: 1,
    transforms: {},
    ratios: {},
    compensations: {},
    gates: [
      { kind: 'rectangle', id: 'cells', name: 'Cells', parentId: null, bounds: [{ dimension: x, min: 20, max: null }] },
      { kind: 'rectangle', id: 'singlets', name: 'Singlets', parentId: 'cells', bounds: [{ dimension: x, min: 40, max: null }] },
      { kind: 'rectangle', id: 'bright', name: 'Bright', parentId: 'singlets', bounds: [{ dimension: x, min: 90, max: null }] },
    ],
  };
  const evaluator = new GatingEvaluator(channelSourceFromColumns({ X: Float64Array.from({ length: 100 }, (_, i) => i) }));
  evaluator.update(strategy);

  it('reports count, % of parent and % of total', () => {
    expect(populationCounts(evaluator)).toEqual([
      { id: 'cells', name: 'Cells', parentId: null, count: 80, percentOfParent: 80, percentOfTotal: 80 },
      { id: 'singlets', name: 'Singlets', parentId: 'cells', count: 60, percentOfParent: 75, percentOfTotal: 60 },
      { id: 'bright', name: 'Bright', parentId: 'singlets', count: 10, percentOfParent: (100 * 10) / 60, percentOfTotal: 10 },
    ]);
  });

  it('reports % of any ancestor and refuses non-ancestors', () => {
    expect(percentOfAncestor(evaluator, 'bright', 'cells')).toBe(12.5);
    expect(percentOfAncestor(evaluator, 'bright', null)).toBe(10);
    expect(() => percentOfAncestor(evaluator, 'cells', 'bright')).toThrow(/"bright" is not an ancestor of population "cells"/);
    expect(percentOf(1, 0)).toBeNaN();
  });
});

describe('statistics of sibling populations from their parent’s sorted order', () => {
  it('equals per-population statistics for quadrants, overlapping gates and the whole sample', () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const n = 5000;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? Number.NaN : (next() - 0.2) * 1e4));
    const other = Float64Array.from({ length: n }, () => next() * 100);
    const evaluator = new GatingEvaluator(channelSourceFromColumns({ V: values, W: other }));
    const v: Dimension = { source: { kind: 'channel', name: 'V' }, compensation: 'uncompensated', transform: null };
    const w: Dimension = { source: { kind: 'channel', name: 'W' }, compensation: 'uncompensated', transform: null };
    evaluator.update({
      version: 1,
      transforms: {},
      ratios: {},
      compensations: {},
      gates: [
        { kind: 'rectangle', id: 'wide', name: 'wide', parentId: null, bounds: [{ dimension: w, min: 10, max: 90 }] },
        {
          kind: 'quadrant',
          id: 'Q',
          name: 'Q',
          parentId: 'wide',
          dividers: [{ id: 'd', dimension: w, values: [30, 60] }],
          quadrants: [0, 1, 2].map((interval) => ({ id: `q${interval}`, name: `q${interval}`, positions: [{ dividerId: 'd', interval }] })),
        },
        { kind: 'rectangle', id: 'overlap', name: 'overlap', parentId: 'wide', bounds: [{ dimension: w, min: 50, max: 70 }] },
      ],
    });
    const ids = ['q0', 'q1', 'q2', 'overlap', null, 'wide'];
    // The first request uses quickselect, the second the parents' sorted orders: both must agree.
    const bySelection = evaluator.statistics(ids, v);
    const bySortedParent = evaluator.statistics(ids, v);
    ids.forEach((id, k) => {
      const alone = channelStatistics(values, evaluator.indices(id));
      expect(bySelection[k]).toEqual(alone);
      expect(bySortedParent[k].median).toBe(alone.median);
      expect(bySortedParent[k]).toMatchObject({ count: alone.count, valueCount: alone.valueCount, nonPositiveCount: alone.nonPositiveCount });
      for (const key of ['mean', 'sd', 'robustCv', 'geometricMean'] as const) {
        expect(Math.abs(bySortedParent[k][key] / alone[key] - 1), `${String(id)} ${key}`).toBeLessThan(1e-12);
      }
      // and against a plain sort (type-7 median) as outside truth
      const sorted = Float64Array.from(evaluator.indices(id), (i) => values[i]).filter((x) => !Number.isNaN(x)).toSorted();
      const h = (sorted.length - 1) / 2;
      expect(alone.median).toBeCloseTo(sorted[Math.floor(h)] + (h - Math.floor(h)) * (sorted[Math.ceil(h)] - sorted[Math.floor(h)]), 9);
    });
    expect(() => evaluator.statistics(['nope'], v)).toThrow(/population "nope"/);
  });
});
