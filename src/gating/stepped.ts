/**
 * Long work split into steps, so it can be done in idle time a step at a time and still be finished at once by
 * whoever needs the result first. The work is a generator that yields between steps.
 */

/** Events a step handles: a few milliseconds of work, so a message that arrives waits no longer. */
export const EVENTS_PER_STEP = 1 << 18;

export class Stepped<T> {
  private work: Generator<void, T> | null;
  private value: T | undefined;

  constructor(work: Generator<void, T>) {
    this.work = work;
  }

  /** Runs one step; true once the work is finished. */
  advance(): boolean {
    if (!this.work) return true;
    const next = this.work.next();
    if (!next.done) return false;
    this.value = next.value;
    this.work = null;
    return true;
  }

  /** The result, finishing the remaining steps now. */
  result(): T {
    while (!this.advance());
    return this.value as T;
  }
}
