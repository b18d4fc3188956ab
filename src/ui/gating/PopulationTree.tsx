import { useAppStore, useStoreApi } from '../../state/store.ts';
import { formatCount, formatPercent } from '../format.ts';
import { treeOrder } from './treeOrder.ts';
import { usePopulationGroups } from './useGroups.ts';

/** The gating hierarchy of the selected sample with live counts; choosing a population plots its events. */
export function PopulationTree({ sampleId, eventCount }: { sampleId: string; eventCount: number }) {
  const store = useStoreApi();
  const result = useAppStore((s) => s.gatingResults[sampleId]);
  const error = useAppStore((s) => s.gatingErrors[sampleId]);
  const plotted = useAppStore((s) => s.plottedPopulation);
  const nodes = treeOrder(result?.counts ?? []);
  const groups = usePopulationGroups(sampleId);
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
            <td className="number">–</td>
            <td className="number">{formatPercent(100)}</td>
          </tr>
          {nodes.map(({ population, depth }) => (
            <tr key={population.id} aria-selected={plotted === population.id} data-population={population.id}>
              <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.1}rem` }}>
                <button type="button" className="link" aria-pressed={plotted === population.id} onClick={() => store.getState().plotPopulation(population.id)}>
                  {population.name}
                </button>
                {groups.has(population.id) && <span className="population-group">{groups.get(population.id)}</span>}
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
