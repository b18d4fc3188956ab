import type { Rng } from './rng.ts';

/**
 * Splits `total` into integer counts proportional to `weights` that sum exactly to `total`
 * (largest-remainder method; ties go to the earlier weight), so simulated fractions are exact to 1/total.
 * @example apportionCounts([0.9, 0.05, 0.05], 101) // [91, 5, 5]
 */
export function apportionCounts(weights: readonly number[], total: number): number[] {
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`apportionCounts: total must be a non-negative integer, got ${total}`);
  }
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  if (weights.some((w) => !(w >= 0)) || !(weightSum > 0)) {
    throw new RangeError(`apportionCounts: weights must be ≥ 0 with a positive sum, got [${weights.join(', ')}]`);
  }
  const exact = weights.map((w) => (w / weightSum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .toSorted((p, q) => q.remainder - p.remainder || p.index - q.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    counts[index] += 1;
    missing -= 1;
  }
  return counts;
}

/**
 * One class label per event: `counts[k]` copies of k in uniformly random order (Fisher–Yates shuffle),
 * so that each class is spread over the whole acquisition as in a real tube.
 */
export function shuffledLabels(rng: Rng, counts: readonly number[]): Uint8Array {
  if (counts.length > 256) throw new RangeError(`shuffledLabels: at most 256 classes, got ${counts.length}`);
  const total = counts.reduce((sum, c) => sum + c, 0);
  const labels = new Uint8Array(total);
  let position = 0;
  for (let label = 0; label < counts.length; label++) {
    labels.fill(label, position, position + counts[label]);
    position += counts[label];
  }
  for (let i = total - 1; i > 0; i--) {
    const j = rng.integerBelow(i + 1);
    const swap = labels[i];
    labels[i] = labels[j];
    labels[j] = swap;
  }
  return labels;
}

/** How many events carry each label, for labels 0..classCount−1. */
export function countLabels(labels: Uint8Array, classCount: number): number[] {
  const counts = Array.from({ length: classCount }, () => 0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]] += 1;
  return counts;
}
