import { useShallow } from 'zustand/shallow';
import type { Assay, SampleAnnotation } from '../analysis/sampleSheet.ts';
import type { SampleEntry } from '../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { useClient } from './context.ts';
import { formatBytes, formatCount } from './format.ts';

export function SampleList() {
  const samples = useAppStore(useShallow((s) => s.samples));
  const selectedId = useAppStore((s) => s.selectedSampleId);
  if (samples.length === 0) return null;
  return (
    <section className="sample-list" aria-labelledby="samples-heading">
      <h2 id="samples-heading">Samples ({samples.length})</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Cytometer</th>
            <th scope="col">Events</th>
            <th scope="col">Parameters</th>
            <th scope="col">Status</th>
            <th scope="col">Assay</th>
            <th scope="col">Dose (nM)</th>
            <th scope="col">Time (h)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {samples.map((entry) => (
            <SampleRow key={entry.id} entry={entry} selected={entry.id === selectedId} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function SampleRow({ entry, selected }: { entry: SampleEntry; selected: boolean }) {
  const store = useStoreApi();
  const client = useClient();
  const { status } = entry;
  const summary = status.kind === 'ready' ? status.summary : null;
  const dataset = summary ? summary.datasets[summary.activeDataset] : null;

  return (
    <tr aria-selected={selected} className={`status-${status.kind}`}>
      <th scope="row">
        <button type="button" className="link" disabled={!summary} aria-pressed={selected} onClick={() => store.getState().selectSample(entry.id)}>
          {entry.fileName}
        </button>
      </th>
      <td>{dataset?.cytometer ?? ''}</td>
      <td className="number">{dataset ? formatCount(dataset.eventCount) : ''}</td>
      <td className="number">{dataset ? dataset.channels.length : ''}</td>
      <td>
        <SampleStatus entry={entry} />
        {summary && summary.datasets.length > 1 && (
          <label className="dataset-picker">
            Data set
            <select
              value={summary.activeDataset}
              onChange={async (event) => {
                const index = Number(event.currentTarget.value);
                const result = await client.call((worker) => worker.selectDataset(entry.id, index));
                store.getState().setSampleStatus(entry.id, result.ok ? { kind: 'ready', summary: result.value } : { kind: 'error', error: result.error });
              }}
            >
              {summary.datasets.map((d, i) => (
                <option key={d.index} value={i}>
                  {d.index} of {summary.datasets.length}: FCS {d.version}, {formatCount(d.eventCount)} events, {d.channels.length} parameters
                </option>
              ))}
            </select>
          </label>
        )}
      </td>
      <SampleSheetCells entry={entry} />
      <td>
        <button
          type="button"
          className="icon"
          aria-label={`Close ${entry.fileName}`}
          onClick={() => {
            store.getState().removeSample(entry.id);
            void client.call((worker) => worker.closeSample(entry.id));
          }}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

function SampleStatus({ entry }: { entry: SampleEntry }) {
  const { status } = entry;
  switch (status.kind) {
    case 'loading':
      return status.progress ? (
        <progress aria-label={`Reading ${entry.fileName}`} value={status.progress.loadedBytes} max={status.progress.totalBytes}>
          {formatBytes(status.progress.loadedBytes)}
        </progress>
      ) : (
        <span className="muted">Reading…</span>
      );
    case 'error':
      return (
        <span className="error" role="alert">
          {status.error.message}
        </span>
      );
    case 'ready': {
      const warnings = status.summary.datasets[status.summary.activeDataset].warnings;
      if (warnings.length === 0) return <span className="ok">Ready</span>;
      return (
        <details className="file-doctor">
          <summary>
            Ready, {warnings.length} {warnings.length === 1 ? 'note' : 'notes'}
          </summary>
          <ul aria-label={`Notes on ${entry.fileName}`}>
            {warnings.map((w) => (
              <li key={w.code + w.message} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      );
    }
    default: {
      const unknown: never = status;
      throw new Error(`unknown status ${JSON.stringify(unknown)}`);
    }
  }
}

function numberOrNull(text: string): number | null {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text);
}

const ASSAYS: readonly { value: Assay | ''; label: string }[] = [
  { value: 'apoptosis', label: 'Apoptosis (Annexin V/PI)' },
  { value: 'cellCycle', label: 'Cell cycle (PI DNA)' },
  { value: '', label: 'Other' },
];

/** The tube's place in the experiment: which assay's gates apply to it, and its dose and time (editable). */
function SampleSheetCells({ entry }: { entry: SampleEntry }) {
  const store = useStoreApi();
  const annotation = entry.annotation;
  if (!annotation) return <td colSpan={3}>–</td>;
  const annotate = (change: Partial<SampleAnnotation>) => store.getState().annotateSample(entry.id, change);
  return (
    <>
      <td>
        <select aria-label={`Assay of ${entry.fileName}`} value={annotation.assay ?? ''} onChange={(e) => annotate({ assay: (e.currentTarget.value || null) as Assay | null })}>
          {ASSAYS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <SheetNumber label={`Dose of ${entry.fileName} in nM`} value={annotation.doseNm} onChange={(doseNm) => annotate({ doseNm })} />
      </td>
      <td>
        <SheetNumber label={`Time of ${entry.fileName} in hours`} value={annotation.timeH} onChange={(timeH) => annotate({ timeH })} />
      </td>
    </>
  );
}

/** A dose or time of the sample sheet; an empty or invalid entry means "unknown". */
function SheetNumber({ label, value, onChange }: { label: string; value: number | null; onChange(value: number | null): void }) {
  return (
    <input className="sheet-number" type="number" min={0} step="any" aria-label={label} value={value ?? ''} onChange={(e) => onChange(numberOrNull(e.currentTarget.value))} />
  );
}
