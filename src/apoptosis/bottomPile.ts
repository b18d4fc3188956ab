/**
 * Events piled at the bottom of a scale: a log-amplified integer channel records every signal below its first decade
 * (and, after compensation in the instrument, every negative value) at channel 0, so FACSCalibur and 10-bit FACSDiva
 * exports often hold many Annexin V- or PI-negative cells at exactly one lowest value. Such a pile is below the
 * scale, not a population on it, and a quadrant threshold must lie above it, never on it (events at or above a
 * threshold are positive).
 */

/** A value shared by this share of the events or more, at the bottom of the data, is a pile. */
const PILE_SHARE = 0.01;

function lowestOf(values: ArrayLike<number>, events: Uint32Array | null): { lowest: number; count: number; n: number } {
  const n = events ? events.length : values.length;
  let lowest = Infinity;
  for (let k = 0; k < n; k++) {
    const v = values[events ? events[k] : k];
    if (v < lowest) lowest = v;
  }
  let count = 0;
  for (let k = 0; k < n; k++) if (values[events ? events[k] : k] === lowest) count++;
  return { lowest, count, n };
}

/** The lowest value when at least 1% of the events (and more than one) share it; null otherwise. */
export function bottomPile(values: ArrayLike<number>, events: Uint32Array | null = null): number | null {
  const { lowest, count, n } = lowestOf(values, events);
  return count > 1 && count >= PILE_SHARE * n ? lowest : null;
}

/**
 * `threshold`, or, when it does not clear the events' bottom pile, the midpoint between the pile and the next value
 * above it, so the piled (negative) events stay below the threshold.
 */
export function aboveBottomPile(values: ArrayLike<number>, events: Uint32Array | null, threshold: number): number {
  const pile = bottomPile(values, events);
  if (pile === null || threshold > pile) return threshold;
  const n = events ? events.length : values.length;
  let next = Infinity;
  for (let k = 0; k < n; k++) {
    const v = values[events ? events[k] : k];
    if (v > pile && v < next) next = v;
  }
  return next === Infinity ? pile + Math.abs(pile) * 1e-6 + Number.EPSILON : (pile + next) / 2;
}
