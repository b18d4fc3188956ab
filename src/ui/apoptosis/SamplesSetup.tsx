import { useShallow } from 'zustand/shallow';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { formatCount } from '../format.ts';
import { NumberField } from '../NumberField.tsx';
import { annotationForRole, apoptosisRoleOf, ROLE_CHOICES } from '../../apoptosis/sheetRoles.ts';
import { isControlRole } from '../../apoptosis/populations.ts';
import { apoptosisEntries } from './setup.ts';

/** The tubes of the analysis and what each one is: role, dose and time go on the sample sheet. */
export function SamplesSetup() {
  const store = useStoreApi();
  const samples = useAppStore(useShallow((s) => s.samples));
  const entries = apoptosisEntries(samples);
  const others = samples.filter((e) => e.annotation?.assay !== 'apoptosis' && e.status.kind === 'ready');
  // Open until the first run; then folded to one line, so the review and the results are not far down the page.
  const ran = useAppStore((s) => s.apoptosisRun !== null);
  const controls = entries.filter((e) => isControlRole(apoptosisRoleOf(e.annotation))).length;
  return (
    <details className="apoptosis-samples" open={!ran} key={ran ? 'after a run' : 'before'}>
      <summary>
        <h4 id="apoptosis-tubes-heading">Samples and controls</h4>
        <span className="muted">
          {entries.length} tubes: {controls} {controls === 1 ? 'control' : 'controls'}, {entries.length - controls} samples
        </span>
      </summary>
      {entries.length === 0 ? (
        <p className="hint">No sample is marked as an Annexin V / PI tube yet; add samples below.</p>
      ) : (
        <table aria-labelledby="apoptosis-tubes-heading">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Events</th>
              <th scope="col">Role</th>
              <th scope="col">Dose (nM)</th>
              <th scope="col">Time (h)</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <TubeRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && (
        <label className="inline-field">
          Add a sample to the analysis
          <select
            value=""
            onChange={(event) => {
              if (event.currentTarget.value) store.getState().annotateSample(event.currentTarget.value, { assay: 'apoptosis' });
            }}
          >
            <option value="">Choose a file…</option>
            {others.map((e) => (
              <option key={e.id} value={e.id}>
                {e.fileName}
              </option>
            ))}
          </select>
        </label>
      )}
    </details>
  );
}

function TubeRow({ entry }: { entry: SampleEntry }) {
  const store = useStoreApi();
  const { annotateSample } = store.getState();
  const summary = entry.status.kind === 'ready' ? entry.status.summary : null;
  const role = apoptosisRoleOf(entry.annotation);
  return (
    <tr>
      <th scope="row">{entry.fileName}</th>
      <td className="number">
        {summary && formatCount(summary.datasets[summary.activeDataset].eventCount)}
        {entry.status.kind === 'loading' && <span className="muted">Reading…</span>}
        {entry.status.kind === 'error' && (
          <span className="error" role="alert">
            Not analysed: {entry.status.error.message}
          </span>
        )}
      </td>
      <td>
        <select aria-label={`Role of ${entry.fileName}`} value={role} onChange={(event) => {
          const chosen = ROLE_CHOICES.find((c) => c.role === event.currentTarget.value);
          if (chosen) annotateSample(entry.id, annotationForRole(chosen.role, entry.annotation));
        }}>
          {ROLE_CHOICES.map((c) => (
            <option key={c.role} value={c.role}>
              {c.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <NumberField className="short" label={`Dose (nM) of ${entry.fileName}`} value={entry.annotation?.doseNm ?? null} allowEmpty min={0} onChange={(doseNm) => annotateSample(entry.id, { doseNm })} />
      </td>
      <td>
        <NumberField className="short" label={`Time (h) of ${entry.fileName}`} value={entry.annotation?.timeH ?? null} allowEmpty min={0} onChange={(timeH) => annotateSample(entry.id, { timeH })} />
      </td>
      <td>
        <button type="button" className="icon" aria-label={`Remove ${entry.fileName} from the apoptosis analysis`} onClick={() => annotateSample(entry.id, { assay: null })}>
          ×
        </button>
      </td>
    </tr>
  );
}
