import { describe, expect, it } from 'vitest';
import { apportionCounts, countLabels, shuffledLabels } from './labels.ts';
import { createRng } from './rng.ts';

describe('apportionCounts', () => {
  it('gives the largest remainders the leftover events', () => {
    // 101 × [0.9, 0.05, 0.05] = [90.9, 5.05, 5.05]: floors [90, 5, 5], the one leftover goes to 0.9.
    expect(apportionCounts([0.9, 0.05, 0.05], 101)).toEqual([91, 5, 5]);
    // 10 × [1/3, 1/3, 1/3]: floors [3, 3, 3], the tie goes to the first.
    expect(apportionCounts([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportionCounts([0.55, 0.3, 0.15], 0)).toEqual([0, 0, 0]);
  });

  it('rejects negative weights, all-zero weights and fractional totals', () => {
    expect(() => apportionCounts([1, -0.1], 10)).toThrow(/weights must be ≥ 0/);
    expect(() => apportionCounts([0, 0], 10)).toThrow(/positive sum/);
    expect(() => apportionCounts([1], 2.5)).toThrow(/total must be a non-negative integer/);
  });
});

describe('shuffledLabels', () => {
  it('holds exactly counts[k] events of class k, spread over the whole run', () => {
    const counts = [5000, 300, 200, 0, 500];
    const labels = shuffledLabels(createRng(5), counts);
    expect(countLabels(labels, counts.length)).toEqual(counts);
    // Shuffled: class 1 appears in both halves in proportion, not in one block.
    const firstHalf = countLabels(labels.subarray(0, labels.length / 2), counts.length);
    expect(firstHalf[1]).toBeGreaterThan(100);
    expect(firstHalf[1]).toBeLessThan(200);
  });

  it('is determined by the seed', () => {
    const counts = [50, 50, 50];
    expect(shuffledLabels(createRng(9), counts)).toEqual(shuffledLabels(createRng(9), counts));
    expect(shuffledLabels(createRng(9), counts)).not.toEqual(shuffledLabels(createRng(10), counts));
  });

  it('puts every class at every position equally often (Fisher–Yates is unbiased)', () => {
    const rng = createRng(21);
    const atFirst = [0, 0, 0];
    for (let trial = 0; trial < 30_000; trial++) atFirst[shuffledLabels(rng, [1, 1, 1])[0]] += 1;
    for (const count of atFirst) expect(Math.abs(count - 10_000)).toBeLessThan(5 * Math.sqrt(30_000 * (1 / 3) * (2 / 3)));
  });
});
