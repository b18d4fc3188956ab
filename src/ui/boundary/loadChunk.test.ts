import { describe, expect, it, vi } from 'vitest';
import { ChunkLoadError, loadChunk } from './loadChunk.ts';

describe('loadChunk', () => {
  it('tries a failed load again and resolves once it succeeds', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce('view');
    await expect(loadChunk(load, [1, 1])).resolves.toBe('view');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last retry with a plain reason, keeping the browser error as the cause', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module: http://x/assets/View-abc.js');
    const load = vi.fn<() => Promise<string>>().mockRejectedValue(failure);
    const error = await loadChunk(load, [1, 1]).catch((e: unknown) => e);
    expect(load).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as Error).message).toBe('This part of FlowFate could not be loaded: the connection may be offline, or FlowFate was updated since this page was opened. Check the connection and try again.');
    expect((error as Error).cause).toBe(failure);
  });
});
