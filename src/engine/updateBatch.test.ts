import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdateBatch } from './updateBatch.ts';

describe('createUpdateBatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lands a lone answer at once, and answers that come while others are expected together within the wait', async () => {
    const batches: [string, number][][] = [];
    const batch = createUpdateBatch<string, number>((b) => batches.push([...b]), 100);
    batch.expect();
    batch.arrive('a', 1);
    expect(batches).toEqual([[['a', 1]]]);

    for (let i = 0; i < 5; i++) batch.expect();
    batch.arrive('b', 2);
    batch.arrive('c', 3);
    expect(batches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches[1]).toEqual([['b', 2], ['c', 3]]);
    batch.arrive('d', undefined);
    batch.arrive('e', 5);
    batch.arrive('f', 6);
    expect(batches[2]).toEqual([['e', 5], ['f', 6]]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toHaveLength(3);
  });
});
