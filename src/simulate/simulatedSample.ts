import type { FcsWriteInput } from '../fcs/types.ts';

/** What a simulator returns: the file to write, the answers it was built from, and one class label per event. */
export interface SimulatedSample<Truth> {
  input: FcsWriteInput;
  truth: Truth;
  /** Class of each event in file order (never written to the FCS file). */
  labels: Uint8Array;
}

/** Upper bound on simulated events, so a typo cannot ask for gigabytes (5,000,000 is the largest benchmark file). */
export const MAX_SIMULATED_EVENTS = 10_000_000;

export function assertEventCount(eventCount: number, where: string): void {
  if (!Number.isInteger(eventCount) || eventCount < 1 || eventCount > MAX_SIMULATED_EVENTS) {
    throw new RangeError(`${where}: eventCount must be an integer in [1, ${MAX_SIMULATED_EVENTS}], got ${eventCount}`);
  }
}

/** Checks a value lies in [min, max]; names the parameter in the error. */
export function assertInRange(value: number, min: number, max: number, name: string, where: string): void {
  if (!(value >= min && value <= max)) {
    throw new RangeError(`${where}: ${name} must be in [${min}, ${max}], got ${value}`);
  }
}

/** Checks named fractions are each in [0, 1] and sum to 1 (to 1e-6). */
export function assertFractionsSumToOne(fractions: Readonly<Record<string, number>>, name: string, where: string): void {
  let sum = 0;
  for (const [key, value] of Object.entries(fractions)) {
    assertInRange(value, 0, 1, `${name}.${key}`, where);
    sum += value;
  }
  if (Math.abs(sum - 1) > 1e-6) {
    throw new RangeError(`${where}: ${name} must sum to 1, got ${sum}`);
  }
}

/** count/total, or 0 for an empty denominator (a tube with no single cells has no fractions). */
export function fractionOf(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** Exhaustiveness check for switches over discriminated unions. */
export function assertNever(value: never, what: string): never {
  throw new TypeError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
