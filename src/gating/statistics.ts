/**
 * Population statistics over the events of a population (index list) in one column, plus counts and percentages
 * (field-anchors c6). Definitions, stated because the anchors differ:
 * - SD is the population SD (divide by N), as Floreada; CV = 100·SD/mean (percent, as FlowJo displays it).
 * - Median and percentiles interpolate between order statistics (Hyndman & Fan type 7; quantile.ts).
 * - Robust CV = 100 · ½(P84.13 − P15.87) / median, FlowJo's definition (docs.flowjo.com, statistic definitions):
 *   for normal data P84.13 − P15.87 = 2·SD.
 * - Geometric mean = exp(mean(ln x)) over the values x > 0 only; values ≤ 0 (common after compensation) are left out
 *   and counted in `nonPositiveCount`, so the reader can judge it. FlowJo instead averages in display space and
 *   Floreada computes 10^mean(log10(x + 1)) − 1; both depend on a choice (transform, offset) this one avoids.
 * NaN values are left out of every statistic (`valueCount` counts the others).
 */
import { quantileInPlace } from '../transforms/quantile.ts';
import type { NumericColumn } from './channelSource.ts';
import type { GatingEvaluator } from './evaluator.ts';
import type { PopulationId } from './types.ts';

export interface ChannelStatistics {
  /** Events in the population. */
  count: number;
  /** Events with a value that is not NaN. */
  valueCount: number;
  mean: number;
  median: number;
  sd: number;
  /** Percent. */
  cv: number;
  /** Percent. */
  robustCv: number;
  geometricMean: number;
  nonPositiveCount: number;
}

/** Statistics of `column` over the events `indices` (all events when null); NaN where undefined (e.g. no events). */
export function channelStatistics(column: NumericColumn, indices: Uint32Array | null): ChannelStatistics {
  const count = indices ? indices.length : column.length;
  const values = new Float64Array(count);
  let n = 0;
  let sum = 0;
  let logSum = 0;
  let positives = 0;
  for (let k = 0; k < count; k++) {
    const v = column[indices ? indices[k] : k];
    if (v !== v) continue;
    values[n++] = v;
    sum += v;
    if (v > 0) {
      logSum += Math.log(v);
      positives++;
    }
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (let k = 0; k < n; k++) squares += (values[k] - mean) * (values[k] - mean);
  const sd = n > 0 ? Math.sqrt(squares / n) : Number.NaN;
  const median = quantileInPlace(values, n, 0.5);
  const low = quantileInPlace(values, n, 0.1587);
  const high = quantileInPlace(values, n, 0.8413);
  return {
    count,
    valueCount: n,
    mean,
    median,
    sd,
    cv: (100 * sd) / mean,
    robustCv: (100 * 0.5 * (high - low)) / median,
    geometricMean: positives > 0 ? Math.exp(logSum / positives) : Number.NaN,
    nonPositiveCount: n - positives,
  };
}

/** 100·part/whole; NaN when whole is 0 (a percentage of nothing is undefined, not 0). */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : (100 * part) / whole;
}

export interface PopulationCounts {
  id: PopulationId;
  name: string;
  parentId: PopulationId | null;
  count: number;
  percentOfParent: number;
  percentOfTotal: number;
}

/** Count, % of parent and % of total for every population of the evaluator's current strategy, parents first. */
export function populationCounts(evaluator: GatingEvaluator): PopulationCounts[] {
  const total = evaluator.eventCount;
  return evaluator.populations.map(({ id, name, parentId }) => {
    const count = evaluator.count(id);
    return { id, name, parentId, count, percentOfParent: percentOf(count, evaluator.count(parentId)), percentOfTotal: percentOf(count, total) };
  });
}

/**
 * Percent of a chosen ancestor (FlowJo "frequency of grandparent", FCS Express "custom denominator"), e.g. late
 * apoptotic as % of singlets. `ancestorId` null is the whole sample; throws RangeError unless it is an ancestor.
 */
export function percentOfAncestor(evaluator: GatingEvaluator, id: PopulationId, ancestorId: PopulationId | null): number {
  const parents = new Map(evaluator.populations.map((p) => [p.id, p.parentId]));
  if (!parents.has(id)) throw new RangeError(`population "${id}" is not in the current gating strategy`);
  let current = parents.get(id) ?? null;
  while (current !== ancestorId) {
    if (current === null) throw new RangeError(`"${ancestorId}" is not an ancestor of population "${id}"`);
    current = parents.get(current) ?? null;
  }
  return percentOf(evaluator.count(id), evaluator.count(ancestorId));
}
