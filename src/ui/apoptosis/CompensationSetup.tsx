import { useShallow } from 'zustand/shallow';
import type { FluorescenceChannels } from '../../apoptosis/compensation.ts';
import type { CompensationMode } from '../../state/apoptosisSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { NumberField } from '../NumberField.tsx';
import { shownMatrix, type SpillPair } from './compensationView.ts';
import { apoptosisEntries } from './setup.ts';

const MODES: readonly { mode: CompensationMode; label: string }[] = [
  { mode: 'auto', label: "Automatic: each file's own matrix, else computed from the single-stain controls" },
  { mode: 'file', label: "Each file's own spillover matrix ($SPILLOVER)" },
  { mode: 'controls', label: 'Compute from the Annexin V-only and PI-only controls' },
  { mode: 'edited', label: 'Edited matrix' },
  { mode: 'none', label: 'None (uncompensated)' },
];

/** Spill as FlowJo's matrix editor shows it: percent of the dye's own signal. */
const asPercent = (fraction: number) => Number((100 * fraction).toPrecision(6));

export function CompensationSetup({ fluorescence }: { fluorescence: FluorescenceChannels }) {
  const store = useStoreApi();
  const setup = useAppStore((s) => s.apoptosisSetup);
  const entries = apoptosisEntries(useAppStore(useShallow((s) => s.samples)));
  const run = useAppStore((s) => s.apoptosisRun?.run ?? null);
  const shown = shownMatrix(setup, entries, fluorescence, run);
  const choose = (mode: CompensationMode) => {
    // Editing starts from the matrix on screen, as in FlowJo's matrix editor.
    const start = mode === 'edited' && shown.kind === 'matrix' ? { editedSpill: shown.spill } : {};
    store.getState().changeApoptosisSetup({ compensation: mode, ...start });
  };
  const edit = (change: Partial<SpillPair>) => store.getState().changeApoptosisSetup({ compensation: 'edited', editedSpill: { ...setup.editedSpill, ...change } });
  const cell = (key: keyof SpillPair, label: string) =>
    setup.compensation === 'edited' ? (
      <NumberField className="short" label={label} value={asPercent(setup.editedSpill[key])} min={0} onChange={(value) => edit({ [key]: (value ?? 0) / 100 })} />
    ) : (
      shown.kind === 'matrix' && `${asPercent(shown.spill[key]).toFixed(2)}%`
    );
  return (
    <fieldset className="apoptosis-compensation">
      <legend>Compensation</legend>
      <div className="choices">
        {MODES.map(({ mode, label }) => (
          <label key={mode}>
            <input type="radio" name="apoptosis-compensation" value={mode} checked={setup.compensation === mode} onChange={() => choose(mode)} />
            {label}
          </label>
        ))}
      </div>
      {shown.kind === 'matrix' && <p className="matrix-source">Spillover: % of each dye's signal read in each detector, from {shown.source}.</p>}
      {shown.kind === 'matrix' && (
        <table className="spill-matrix" aria-label="Spillover matrix">
          <thead>
            <tr>
              <th scope="col">Dye \ detector</th>
              <th scope="col">{fluorescence.annexin}</th>
              <th scope="col">{fluorescence.pi}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Annexin V</th>
              <td className="number">100%</td>
              <td className="number">{cell('annexinIntoPi', `Spill of Annexin V into ${fluorescence.pi}, %`)}</td>
            </tr>
            <tr>
              <th scope="row">PI</th>
              <td className="number">{cell('piIntoAnnexin', `Spill of PI into ${fluorescence.annexin}, %`)}</td>
              <td className="number">100%</td>
            </tr>
          </tbody>
        </table>
      )}
      <p className="muted" role="status">
        {shown.status}
      </p>
    </fieldset>
  );
}
