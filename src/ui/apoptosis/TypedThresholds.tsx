import type { Axis, QuadrantThresholds } from '../../apoptosis/thresholds.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { NumberField } from '../NumberField.tsx';

const AXES: readonly { axis: Axis; name: string }[] = [
  { axis: 'annexin', name: 'Annexin V' },
  { axis: 'pi', name: 'PI' },
];

/** Thresholds typed by hand for every sample, per axis; an empty field leaves that axis to the controls or untreated tubes. */
export function TypedThresholds({ channels }: { channels: Record<Axis, string> | null }) {
  const store = useStoreApi();
  const typed = useAppStore((s) => s.apoptosisSetup.manualThresholds);
  const set = (axis: Axis, value: number | null) => {
    const next: Partial<QuadrantThresholds> = { ...typed };
    if (value === null) delete next[axis];
    else next[axis] = value;
    store.getState().changeApoptosisSetup({ manualThresholds: next });
  };
  return (
    <fieldset className="typed-thresholds">
      <legend>Thresholds by hand (optional)</legend>
      {AXES.map(({ axis, name }) => (
        <label key={axis} className="inline-field">
          <span aria-hidden="true">{name}{channels ? ` (${channels[axis]})` : ''}</span>
          <NumberField className="short" label={`${name} threshold (typed)`} allowEmpty value={typed?.[axis] ?? null} onChange={(value) => set(axis, value)} />
        </label>
      ))}
      <p className="muted">In compensated data units, as the quadrant plot&apos;s axes read. An empty field is placed from the data.</p>
    </fieldset>
  );
}
