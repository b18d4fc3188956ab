/** Default names for new gates, in the words a biologist reads on a plot (the assay presets rename them later). */
import type { GatingStrategy } from '../gating/types.ts';
import { listPopulationNames } from './gateIds.ts';

/** "Polygon 1", "Polygon 2"…: the first number no population of the strategy uses yet. */
export function numberedName(strategy: GatingStrategy, base: string): string {
  const taken = new Set(listPopulationNames(strategy));
  for (let n = 1; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

/** `base` itself, or "base 2", "base 3"… when a population already has that name. */
export function freeName(strategy: GatingStrategy, base: string): string {
  const taken = new Set(listPopulationNames(strategy));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

const MINUS = '\u2212';

const sign = (interval: number) => (interval === 0 ? MINUS : '+');

/** Quadrant name by side of each divider, e.g. "FITC-A− PE-A+" (interval 0 is below the cut). */
export function quadrantName(xChannel: string, xInterval: number, yChannel: string, yInterval: number): string {
  return `${xChannel}${sign(xInterval)} ${yChannel}${sign(yInterval)}`;
}

/** A channel that measures DNA content: PI, DAPI, Hoechst, DRAQ5/7, 7-AAD, FxCycle or DyeCycle (by $PnN or $PnS). */
const DNA_DYE = /\b(PI|DAPI|Hoechst|DRAQ ?[57]|7-?AAD|FxCycle|DyeCycle|DNA)\b/i;

const CELL_CYCLE_PHASES: Record<number, readonly string[]> = {
  3: ['G0/G1', 'S', 'G2/M'],
  4: ['Sub-G1', 'G0/G1', 'S', 'G2/M'],
};

/**
 * Names of the ranges of a multi-range set and of the set: cell-cycle phases on a DNA channel, otherwise the next
 * free "<channel> range n" names (so they never repeat a single range's name).
 */
export function multiRangeNames(strategy: GatingStrategy, channel: string, channelLabel: string, count: number): { gate: string; ranges: string[] } {
  const phases = CELL_CYCLE_PHASES[count];
  if (phases && DNA_DYE.test(channelLabel)) return { gate: freeName(strategy, 'Cell cycle phases'), ranges: phases.map((name) => freeName(strategy, name)) };
  const taken = new Set(listPopulationNames(strategy));
  const ranges: string[] = [];
  for (let n = 1; ranges.length < count; n++) if (!taken.has(`${channel} range ${n}`)) ranges.push(`${channel} range ${n}`);
  return { gate: freeName(strategy, `${channel} ranges`), ranges };
}
