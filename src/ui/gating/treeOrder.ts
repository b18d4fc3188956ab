import type { PopulationCounts } from '../../../workers/api.ts';

export interface TreeNode {
  population: PopulationCounts;
  depth: number;
}

/** Depth-first order (parents before children, siblings in gating order) with each population's depth. */
export function treeOrder(counts: readonly PopulationCounts[]): TreeNode[] {
  const children = new Map<string | null, PopulationCounts[]>();
  for (const p of counts) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: TreeNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const p of children.get(parent) ?? []) {
      out.push({ population: p, depth });
      walk(p.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
