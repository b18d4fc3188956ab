import { replaceGate, revertToTemplate } from '../../analysis/gatingDocument.ts';
import { QUADRANT_GATE_ID } from '../../apoptosis/populations.ts';
import { readQuadrantThresholds } from '../../apoptosis/strategy.ts';
import { formatNumber } from '../../export/table.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { MovedQuadrant } from './useQuadrantScope.ts';

/** The question asked after a quadrant was moved on one sample (see useQuadrantScope). */
export function QuadrantScope({ moved }: { moved: MovedQuadrant }) {
  const store = useStoreApi();
  const ownQuadrants = useAppStore((s) => Object.entries(s.committedGating.overrides).filter(([id, gates]) => id !== moved.sampleId && gates[QUADRANT_GATE_ID]).length);
  const centre = readQuadrantThresholds({ ...store.getState().gating.template, gates: [moved.gate] });
  const decide = (scope: 'all' | 'one' | 'cancel') => {
    const { committedGating, changeGating } = store.getState();
    if (scope === 'all') changeGating(() => replaceGate(revertToTemplate(committedGating, moved.sampleId, QUADRANT_GATE_ID), moved.gate, null));
    else if (scope === 'one') changeGating(() => replaceGate(committedGating, moved.gate, moved.sampleId));
    else changeGating(() => committedGating, { transient: true });
  };
  return (
    <div role="dialog" aria-labelledby="quadrant-scope-question" className="quadrant-scope">
      <p id="quadrant-scope-question">
        Quadrant moved on {moved.file} to Annexin V {formatNumber(centre.annexin, 'significant')}, PI {formatNumber(centre.pi, 'significant')}. Apply it to:
      </p>
      <div className="choices-row">
        <button type="button" className="button primary" onClick={() => decide('all')}>
          All samples
        </button>
        <button type="button" className="button" onClick={() => decide('one')}>
          Only this sample
        </button>
        <button type="button" className="button" onClick={() => decide('cancel')}>
          Cancel
        </button>
      </div>
      <p className="muted">
        Only this sample: the results flag it as adjusted.
        {ownQuadrants > 0 && ` All samples: ${ownQuadrants} ${ownQuadrants === 1 ? 'sample keeps its' : 'samples keep their'} own adjusted quadrant.`}
      </p>
    </div>
  );
}
