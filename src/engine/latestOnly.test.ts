import { describe, expect, it } from 'vitest';
import { createLatestOnly } from './latestOnly.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createLatestOnly', () => {
  it('runs the first request, drops superseded ones and runs only the newest afterwards', async () => {
    const schedule = createLatestOnly();
    const gate = deferred();
    const ran: number[] = [];
    const first = schedule('quadrant', async () => {
      await gate.promise;
      ran.push(1);
      return 1;
    });
    const second = schedule('quadrant', async () => (ran.push(2), 2));
    const third = schedule('quadrant', async () => (ran.push(3), 3));
    gate.resolve();
    expect(await Promise.all([first, second, third])).toEqual([1, undefined, 3]);
    expect(ran).toEqual([1, 3]);
  });

  it('keeps keys independent and passes errors to the caller', async () => {
    const schedule = createLatestOnly();
    const failing = schedule('a', async () => {
      throw new Error('boom');
    });
    const other = schedule('b', async () => 'fine');
    await expect(failing).rejects.toThrow('boom');
    expect(await other).toBe('fine');
  });
});
