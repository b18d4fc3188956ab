import type { PopulationCounts } from '../../../workers/api.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { formatCount, formatPercent } from '../format.ts';

interface TreeNode {
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

/** The gating hierarchy of the selected sample with live counts; choosing a population plots its events. */
export function PopulationTree({ sampleId, eventCount }: { sampleId: string; eventCount: number }) {
  const store = useStoreApi();
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const error = useAppStore((s) => s.gatingErrors[sampleId]);
  const plotted = useAppStore((s) => s.plottedPopulation);
  const nodes = treeOrder(result?.counts ?? []);
  return (
    <section className="population-tree" aria-labelledby="populations-heading">
      <h2 id="populations-heading">Populations</h2>
      {error && <p role="alert" className="error">{error.message}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Population</th>
            <th scope="col">Count</th>
            <th scope="col">% parent</th>
            <th scope="col">% total</th>
          </tr>
        </thead>
        <tbody>
          <tr aria-selected={plotted === null}>
            <th scope="row">
              <button type="button" className="link" aria-pressed={plotted === null} onClick={() => store.getState().plotPopulation(null)}>
                All events
              </button>
            </th>
            <td className="number">{formatCount(eventCount)}</td>
            <td className="number" />
            <td className="number">{formatPercent(100)}</td>
          </tr>
          {nodes.map(({ population, depth }) => (
            <tr key={population.id} aria-selected={plotted === population.id} data-population={population.id}>
              <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}>
                <button type="button" className="link" aria-pressed={plotted === population.id} onClick={() => store.getState().plotPopulation(population.id)}>
                  {population.name}
                </button>
              </th>
              <td className="number">{formatCount(population.count)}</td>
              <td className="number">{formatPercent(population.percentOfParent)}</td>
              <td className="number">{formatPercent(population.percentOfTotal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
