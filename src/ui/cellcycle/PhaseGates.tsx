import { useId } from 'react';
import { replaceGate } from '../../analysis/gatingDocument.ts';
import { type ChannelInUse, PHASE_NAMES, PHASE_ORDER, PHASE_POPULATIONS, phaseRangesGate } from '../../cellcycle/cellCycleGates.ts';
import { suggestPhaseRanges } from '../../cellcycle/phaseRanges.ts';
import type { CellCycleFit } from '../../cellcycle/types.ts';
import type { PopulationId } from '../../gating/types.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import { formatCount, formatPercent } from '../format.ts';

interface PhaseGatesProps {
  sampleId: SampleId;
  dna: ChannelInUse;
  /** The population the ranges divide (the singlets, or the cells or all events without a singlet gate) and its name. */
  parent: PopulationId | null;
  parentName: string;
  fit: CellCycleFit | null;
}

/** The range gates' live counts (% of singlets), and a way back to the ranges the fit suggests. */
export function PhaseGates({ sampleId, dna, parent, parentName, fit }: PhaseGatesProps) {
  const store = useStoreApi();
  const id = useId();
  const counts = useAppStore((s) => s.gatingResults[sampleId]?.counts);
  const resetToFit = (suggested: CellCycleFit) =>
    store.getState().changeGating((document) => replaceGate(document, phaseRangesGate(suggestPhaseRanges(suggested), dna, parent), sampleId));
  return (
    <section className="phase-gates" aria-labelledby={id}>
      <h3 id={id}>Range gates</h3>
      <table aria-label="Range gates, live">
        <caption>Events in each range now, % of {parentName}</caption>
        <thead>
          <tr>
            <th scope="col">Range</th>
            <th scope="col">Events</th>
            <th scope="col">% of {parentName}</th>
          </tr>
        </thead>
        <tbody>
          {PHASE_ORDER.map((phase) => {
            const population = counts?.find((c) => c.id === PHASE_POPULATIONS[phase]);
            return (
              <tr key={phase}>
                <th scope="row">{PHASE_NAMES[phase]}</th>
                <td className="number">{population ? formatCount(population.count) : '…'}</td>
                <td className="number">{population ? formatPercent(population.percentOfParent) : '…'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {fit && (
        <button type="button" className="button" onClick={() => resetToFit(fit)}>
          Set this sample&rsquo;s ranges from its fit
        </button>
      )}
    </section>
  );
}
