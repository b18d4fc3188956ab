/**
 * Loading a part of the app that is split into its own file (a view, the Gating-ML reader). A failed load is tried
 * again after a pause (a dropped connection, a server restarting); only then does the user hear of it, in words.
 */

/** A part of the app that could not be loaded, even after trying again. */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
  constructor(options?: ErrorOptions) {
    super('This part of FlowFate could not be loaded: the connection may be offline, or FlowFate was updated since this page was opened. Check the connection and try again.', options);
  }
}

/** Pauses before each new attempt: three attempts in about two seconds. */
export const RETRY_DELAYS_MS: readonly number[] = [500, 1500];

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `load` (a dynamic import) until it succeeds or every retry failed; then rejects with a ChunkLoadError. */
export async function loadChunk<T>(load: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= delays.length) throw new ChunkLoadError({ cause: error });
      await pause(delays[attempt]);
    }
  }
}
