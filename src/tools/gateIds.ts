/** Ids and names already used by a strategy's gates and populations. */
import type { GatingStrategy } from '../gating/types.ts';

function usedIds(strategy: GatingStrategy): Set<string> {
  return new Set(strategy.gates.flatMap((g) => [g.id, ...(g.kind === 'quadrant' ? g.quadrants.map((q) => q.id) : [])]));
}

/** "polygon-1", "polygon-2"…: the first id no gate or population of the strategy uses. */
export function freshGateId(strategy: GatingStrategy, prefix: string): string {
  const used = usedIds(strategy);
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    // Quadrant ids derive from the gate's id, so those must be free too.
    if (!used.has(id) && ![...used].some((u) => u.startsWith(`${id}-`))) return id;
  }
}

export function listPopulationNames(strategy: GatingStrategy): string[] {
  return strategy.gates.flatMap((g) => (g.kind === 'quadrant' ? [g.name, ...g.quadrants.map((q) => q.name)] : [g.name]));
}
