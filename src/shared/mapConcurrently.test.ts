import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './mapConcurrently.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrently', () => {
  it('answers in the items’ order however the work finishes', async () => {
    const results = await mapConcurrently([30, 5, 20, 1], 2, async (ms, k) => {
      await tick(ms);
      return `${k}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1']);
  });

  it('never runs more than the limit at once, and keeps that many busy', async () => {
    let running = 0;
    let most = 0;
    await mapConcurrently(Array.from({ length: 9 }, (_, k) => k), 3, async () => {
      most = Math.max(most, ++running);
      await tick(2);
      running--;
    });
    expect(most).toBe(3);
  });

  it('gives nothing for no items', async () => {
    expect(await mapConcurrently([], 4, async () => 1)).toEqual([]);
  });
});
