import { describe, expect, it } from 'vitest';
import { addAggregates, aggregateEvents, aggregateShapes, singleCutDebrisShape, writeAggregateSlope } from './debrisAggregates.ts';

/** One parent's single-cut fragments at a bin, with its x^(1/3) chance of being cut. */
function kernel(parent: number, bin: number): number {
  return Math.cbrt(parent) / Math.sqrt((bin + 0.5) * (parent - bin - 0.5));
}

/** A channel's attachment weight: count × centre^(2/3). */
function surface(bin: number, count: number): number {
  return count * Math.pow(bin + 0.5, 2 / 3);
}

describe('singleCutDebrisShape', () => {
  it('spreads one parent channel as 1/sqrt(x(x_j − x)) below it and nothing above (Bagwell 1991)', () => {
    const counts = new Float64Array(64);
    counts[40] = 1000;
    const shape = singleCutDebrisShape(counts, 0, 64);
    const parent = 40.5;
    const density = (bin: number) => 1 / Math.sqrt((bin + 0.5) * (parent - bin - 0.5));
    expect(shape[10] / shape[20]).toBeCloseTo(density(10) / density(20), 12);
    expect(shape[39] / shape[5]).toBeCloseTo(density(39) / density(5), 12);
    expect(shape[40]).toBe(0);
    expect(shape[50]).toBe(0);
    expect(shape.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('weights parents by x^(1/3): two equal parents contribute in the ratio (x_a/x_b)^(1/3) × their kernels', () => {
    const counts = new Float64Array(128);
    counts[60] = 100;
    counts[120] = 100;
    const both = singleCutDebrisShape(counts, 0, 128);
    const expected = (bin: number) => kernel(60.5, bin) + kernel(120.5, bin);
    expect(both[20] / both[90]).toBeCloseTo(expected(20) / kernel(120.5, 90), 12);
  });
});

describe('aggregateShapes', () => {
  it('puts the doublets of one channel j half in bin 2j and half in 2j + 1 (centres add to the edge between them)', () => {
    const counts = new Float64Array(64);
    counts[10] = 500;
    const { doublets, triplets } = aggregateShapes(counts, 0, 64, false);
    expect(doublets[20]).toBeCloseTo(0.5, 12);
    expect(doublets[21]).toBeCloseTo(0.5, 12);
    expect(triplets).toBeNull();
  });

  it('weights pairs by (x_j·x_k)^(2/3) over ordered pairs', () => {
    const counts = new Float64Array(64);
    counts[5] = 10;
    counts[9] = 20;
    const { doublets } = aggregateShapes(counts, 0, 64, false);
    // Pairs: (5,5) → bins 10/11, (5,9) and (9,5) → bins 14/15, (9,9) → bins 18/19, each split in halves.
    const same5 = surface(5, 10) ** 2;
    const mixed = 2 * surface(5, 10) * surface(9, 20);
    const same9 = surface(9, 20) ** 2;
    const total = same5 + mixed + same9;
    expect(doublets[10]).toBeCloseTo(same5 / 2 / total, 12);
    expect(doublets[14]).toBeCloseTo(mixed / 2 / total, 12);
    expect(doublets[19]).toBeCloseTo(same9 / 2 / total, 12);
  });

  it('builds triplets of one channel j over bins 3j, 3j+1, 3j+2 from the two doublet halves', () => {
    const counts = new Float64Array(64);
    counts[10] = 500;
    const { triplets } = aggregateShapes(counts, 0, 64, true);
    // Doublet half at bin 20 (weight 20.5^(2/3)) lands on 30/31; the half at 21 (21.5^(2/3)) on 31/32.
    const a = Math.pow(20.5, 2 / 3);
    const b = Math.pow(21.5, 2 / 3);
    expect(triplets?.[30]).toBeCloseTo(a / 2 / (a + b), 12);
    expect(triplets?.[31]).toBeCloseTo(0.5, 12);
    expect(triplets?.[32]).toBeCloseTo(b / 2 / (a + b), 12);
  });

  it('adds q doublets and q²/M triplets, and its slope is the derivative in q', () => {
    const shapes = { doublets: Float64Array.of(0.25, 0.75), triplets: Float64Array.of(0.5, 0.5) };
    const values = new Float64Array(2);
    addAggregates(values, shapes, 40, 1 / 1000);
    expect(Array.from(values)).toEqual([40 * 0.25 + 1.6 * 0.5, 40 * 0.75 + 1.6 * 0.5]);
    expect(aggregateEvents(shapes, 40, 1 / 1000)).toBeCloseTo(41.6, 12);
    const slope = new Float64Array(2);
    writeAggregateSlope(slope, shapes, 40, 1 / 1000);
    expect(slope[0]).toBeCloseTo(0.25 + 2 * 40 * 0.001 * 0.5, 12);
  });
});
