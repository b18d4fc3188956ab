/**
 * Answers from the engine that land in the store together: while other answers are still expected, an answer waits at
 * most `waitMs` and then lands with every other that came meanwhile, in one store update (one render), so 96 files
 * opening or 96 tubes re-gated render a few times, not 96; the last expected answer (or a lone one, e.g. a drag step)
 * lands at once.
 */
export interface UpdateBatch<K, V> {
  /** One more answer is on its way. */
  expect(): void;
  /** An answer came (`value` undefined: it was dropped and changes nothing). */
  arrive(key: K, value: V | undefined): void;
}

export function createUpdateBatch<K, V>(apply: (batch: ReadonlyMap<K, V>) => void, waitMs: number): UpdateBatch<K, V> {
  const waiting = new Map<K, V>();
  let expected = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.size === 0) return;
    const batch = new Map(waiting);
    waiting.clear();
    apply(batch);
  };
  return {
    expect: () => void expected++,
    arrive: (key, value) => {
      expected--;
      if (value !== undefined) waiting.set(key, value);
      if (expected <= 0) flush();
      else timer ??= setTimeout(flush, waitMs);
    },
  };
}
