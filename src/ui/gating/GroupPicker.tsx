import { useId } from 'react';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { drawingGroupOf, useGroupOptions } from './useGroups.ts';

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** Which samples a gate drawn on this sample will apply to: its assay's tubes (the default), every sample, or a group. */
export function GroupPicker({ sampleId }: { sampleId: string }) {
  const store = useStoreApi();
  const id = useId();
  const options = useGroupOptions();
  const choice = useAppStore((s) => s.drawingGroup);
  const groups = useAppStore((s) => s.gating.groups);
  const assay = useAppStore((s) => s.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null);
  const current = drawingGroupOf(choice, groups, sampleId, assay);
  const offered = options.filter((o) => o.id === null || o.members.includes(sampleId));
  const members = offered.find((o) => o.id === current)?.members.length ?? 0;
  return (
    <div className="group-picker">
      <label htmlFor={id}>New gates apply to</label>
      <select
        id={id}
        value={current ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          store.getState().setDrawingGroup(value === '' ? 'all' : value === assay ? 'sample' : value);
        }}
      >
        {offered.map((o) => (
          <option key={o.id ?? ''} value={o.id ?? ''}>
            {o.name} ({files(o.members.length)})
          </option>
        ))}
      </select>
      <span className="muted" aria-live="polite">
        {current === null ? `every open file (${files(members)})` : `${files(members)} of this group, not the others`}
      </span>
    </div>
  );
}
