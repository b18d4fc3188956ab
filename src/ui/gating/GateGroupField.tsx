import { useId, useMemo } from 'react';
import { gateGroup, setGateGroup } from '../../analysis/gatingDocument.ts';
import { samplesOfGate } from '../../analysis/groupEdits.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useGroupOptions, useSampleAssays } from './useGroups.ts';

/** The group a gate belongs to (changeable), and the files it applies to. */
export function GateGroupField({ sampleId, gateId }: { sampleId: string; gateId: string }) {
  const store = useStoreApi();
  const id = useId();
  const gating = useAppStore((s) => s.committedGating);
  const names = useAppStore((s) => s.samples);
  const options = useGroupOptions();
  const samples = useSampleAssays();
  const group = gateGroup(gating, gateId);
  const applies = useMemo(() => samplesOfGate(gating, gateId, samples), [gating, gateId, samples]);
  const offered = options.filter((o) => o.id === null || o.id === group || o.members.includes(sampleId));
  return (
    <div className="gate-group">
      <div className="gate-form-row">
        <label htmlFor={id}>Belongs to</label>
        <select id={id} value={group ?? ''} onChange={(e) => store.getState().changeGating((d) => setGateGroup(d, gateId, e.currentTarget.value || null))}>
          {offered.map((o) => (
            <option key={o.id ?? ''} value={o.id ?? ''}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <details>
        <summary>
          Applies to {applies.length} of {samples.length} files
        </summary>
        <ul aria-label="Files this gate applies to">
          {applies.map((sample) => (
            <li key={sample}>{names.find((e) => e.id === sample)?.fileName}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
