/**
 * Population statistics over the events of a population (index list) in one column, plus counts and percentages
 * (field-anchors c6). Definitions, stated because the anchors differ:
 * - SD is the population SD (divide by N), as Floreada; CV = 100·SD/mean (percent, as FlowJo displays it).
 * - Median and percentiles interpolate between order statistics (Hyndman & Fan type 7, as R and NumPy).
 * - Robust CV = 100 · ½(P84.13 − P15.87) / median, FlowJo's definition (docs.flowjo.com, statistic definitions):
 *   for normal data P84.13 − P15.87 = 2·SD.
 * - Geometric mean = exp(mean(ln x)) over the values x > 0 only; values ≤ 0 (common after compensation) are left out
 *   and counted in `nonPositiveCount`, so the reader can judge it. FlowJo instead averages in display space and
 *   Floreada computes 10^mean(log10(x + 1)) − 1; both depend on a choice (transform, offset) this one avoids.
 * NaN values are left out of every statistic (`valueCount` counts the others).
 */
import { quantilePosition } from '../transforms/quantile.ts';
import type { NumericColumn } from './channelSource.ts';
import { percentilesOf } from './rankSelect.ts';
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

const PERCENTILES = [0.1587, 0.5, 0.8413] as const;

/** Statistics of `column` over the events `indices` (all events when null); NaN where undefined (e.g. no events). */
export function channelStatistics(column: NumericColumn, indices: Uint32Array | null): ChannelStatistics {
  const events = indices ?? Uint32Array.from({ length: column.length }, (_, i) => i);
  return statisticsBySelection(column, [events])[0];
}

/** Statistics of each population, percentiles by selection over its own values (percentilesOf; no shared work). */
export function statisticsBySelection(column: NumericColumn, populations: readonly Uint32Array[]): ChannelStatistics[] {
  return populations.map((events) => {
    const { valueCount, percentiles } = percentilesOf(column, events, PERCENTILES);
    return assemble(events.length, momentsOf(column, events, null, 0, valueCount > 0 ? percentiles[1] : 0), percentiles);
  });
}

/**
 * Statistics of several populations that are subsets of one parent, given the parent's events sorted by value
 * (sortIndicesByValue): moments from each population's own events, percentiles from a single pass over the parent's
 * order that counts each population's members. With the parent's order cached, a moved quadrant costs two passes.
 */
export function statisticsWithinParent(column: NumericColumn, sortedParent: Uint32Array, populations: readonly Uint32Array[]): ChannelStatistics[] {
  const moments: Moments[] = [];
  const percentiles = populations.map(() => new Float64Array(PERCENTILES.length));
  const labels = new Uint8Array(column.length);
  // The parent's median is a shift close to every child's values, which keeps one-pass variances exact to rounding.
  const centre = sortedParent.length > 0 ? column[sortedParent[sortedParent.length >> 1]] : 0;
  // Populations are labelled in groups that do not overlap (siblings such as quadrants form one group).
  let group: number[] = [];
  const flush = (clear: boolean) => {
    rankPass(column, sortedParent, labels, group.map((p) => ({ valueCount: moments[p].valueCount, out: percentiles[p] })));
    if (clear) labels.fill(0);
    group = [];
  };
  populations.forEach((events, p) => {
    if (group.length === 255 || (group.length > 0 && overlapsLabelled(events, labels))) flush(true);
    group.push(p);
    moments[p] = momentsOf(column, events, labels, group.length, centre);
  });
  flush(false);
  return populations.map((events, p) => assemble(events.length, moments[p], percentiles[p]));
}

interface Moments {
  valueCount: number;
  mean: number;
  sd: number;
  geometricMean: number;
  positives: number;
}

function assemble(count: number, { valueCount, mean, sd, geometricMean, positives }: Moments, [low, median, high]: Float64Array): ChannelStatistics {
  return {
    count,
    valueCount,
    mean,
    median,
    sd,
    cv: (100 * sd) / mean,
    robustCv: (100 * 0.5 * (high - low)) / median,
    geometricMean,
    nonPositiveCount: valueCount - positives,
  };
}

/** Products of values within this range stay far from overflow and underflow, so logs are taken per batch. */
const PRODUCT_LIMIT = 1e100;

/**
 * Count, mean, SD and geometric mean of a population in one pass; also writes `label` for its events into `labels`
 * when given. The variance comes from sums of (v − centre) and (v − centre)²: with `centre` near the values (a median)
 * the cancellation error is ε·((mean − centre)/SD)², negligible, without a second pass over the events.
 */
function momentsOf(column: NumericColumn, events: Uint32Array, labels: Uint8Array | null, label: number, centre: number): Moments {
  let n = 0;
  let shiftedSum = 0;
  let shiftedSquares = 0;
  let logSum = 0;
  let product = 1;
  let positives = 0;
  for (let k = 0; k < events.length; k++) {
    const i = events[k];
    if (labels) labels[i] = label;
    const v = column[i];
    if (v !== v) continue;
    n++;
    const shifted = v - centre;
    shiftedSum += shifted;
    shiftedSquares += shifted * shifted;
    if (v <= 0) continue;
    positives++;
    // Σ ln v as ln of running products: one log per ~30 events instead of one each, same accuracy to ~1e-15.
    if (v > 1 / PRODUCT_LIMIT && v < PRODUCT_LIMIT) {
      product *= v;
      if (product > PRODUCT_LIMIT || product < 1 / PRODUCT_LIMIT) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      logSum += Math.log(v);
    }
  }
  logSum += Math.log(product);
  const meanShift = shiftedSum / n;
  return {
    valueCount: n,
    mean: n > 0 ? centre + meanShift : Number.NaN,
    sd: n > 0 ? Math.sqrt(Math.max(0, shiftedSquares / n - meanShift * meanShift)) : Number.NaN,
    geometricMean: positives > 0 ? Math.exp(logSum / positives) : Number.NaN,
    positives,
  };
}

function overlapsLabelled(events: Uint32Array, labels: Uint8Array): boolean {
  for (let k = 0; k < events.length; k++) if (labels[events[k]] !== 0) return true;
  return false;
}

/** 0-based ranks of the order statistics that the type-7 percentiles of n values need, ascending, distinct. */
function percentileRanks(n: number): number[] {
  const ranks = PERCENTILES.flatMap((q) => {
    const { low, fraction } = quantilePosition(n, q);
    return fraction === 0 ? [low] : [low, low + 1];
  });
  return [...new Set(ranks)].toSorted((a, b) => a - b);
}

/**
 * Walks the parent's sorted events once; label l > 0 marks members of group[l − 1]. Each member's rank within its
 * population decides which order statistics it supplies to the percentiles.
 */
function rankPass(column: NumericColumn, sortedParent: Uint32Array, labels: Uint8Array, group: { valueCount: number; out: Float64Array }[]): void {
  const ranks = group.map(({ valueCount }) => (valueCount > 0 ? percentileRanks(valueCount) : []));
  const values = ranks.map((r) => new Float64Array(r.length));
  const next = new Uint8Array(group.length);
  const nextRank = Float64Array.from(ranks, (r) => (r.length > 0 ? r[0] : Number.POSITIVE_INFINITY));
  const seen = new Uint32Array(group.length);
  let open = ranks.filter((r) => r.length > 0).length;
  for (let k = 0; k < sortedParent.length && open > 0; k++) {
    const i = sortedParent[k];
    const label = labels[i];
    if (label === 0) continue;
    const g = label - 1;
    if (seen[g]++ !== nextRank[g]) continue;
    values[g][next[g]++] = column[i];
    nextRank[g] = next[g] < ranks[g].length ? ranks[g][next[g]] : Number.POSITIVE_INFINITY;
    if (next[g] === ranks[g].length) open--;
  }
  group.forEach(({ valueCount, out }, g) => {
    const at = (rank: number) => values[g][ranks[g].indexOf(rank)];
    PERCENTILES.forEach((q, j) => {
      if (valueCount === 0) {
        out[j] = Number.NaN;
        return;
      }
      const { low, fraction } = quantilePosition(valueCount, q);
      out[j] = fraction === 0 ? at(low) : at(low) + fraction * (at(low + 1) - at(low));
    });
  });
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
