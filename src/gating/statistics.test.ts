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
