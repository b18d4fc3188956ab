import type { Assay, SampleAnnotation } from '../../analysis/sampleSheet.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { formatBytes, formatCount } from '../format.ts';
import { NumberField } from '../NumberField.tsx';

const ASSAYS: readonly { value: Assay | ''; label: string }[] = [
  { value: 'apoptosis', label: 'Apoptosis (Annexin V/PI)' },
  { value: 'cellCycle', label: 'Cell cycle (PI DNA)' },
  { value: '', label: 'Other' },
];

/** The selected file: what the reader found, its data set, its place in the experiment (editable), and Close. */
export function SelectedSample() {
  const entry = useAppStore((s) => s.samples.find((e) => e.id === s.selectedSampleId));
  if (!entry) return null;
  return (
    <section className="selected-sample" aria-label={`Selected file ${entry.fileName}`}>
      <FileFacts entry={entry} />
      {entry.annotation && <SheetFields entry={entry} annotation={entry.annotation} />}
      <CloseButton entry={entry} />
    </section>
  );
}

function FileFacts({ entry }: { entry: SampleEntry }) {
  const { status } = entry;
  switch (status.kind) {
    case 'loading':
      return status.progress ? (
        <progress aria-label={`Reading ${entry.fileName}`} value={status.progress.loadedBytes} max={status.progress.totalBytes}>
          {formatBytes(status.progress.loadedBytes)}
        </progress>
      ) : (
        <p className="muted">Reading…</p>
      );
    case 'error':
      return (
        <p className="error" role="alert">
          {status.error.message}
        </p>
      );
    case 'ready': {
      const dataset = status.summary.datasets[status.summary.activeDataset];
      return (
        <>
          <p className="muted">
            {dataset.cytometer ?? 'Unknown cytometer'} · {formatCount(dataset.eventCount)} events · {dataset.channels.length} parameters
          </p>
          {dataset.warnings.length > 0 && (
            <details className="file-doctor">
              <summary>
                Ready, {dataset.warnings.length} {dataset.warnings.length === 1 ? 'note' : 'notes'}
              </summary>
              <ul aria-label={`Notes on ${entry.fileName}`}>
                {dataset.warnings.map((w) => (
                  <li key={w.code + w.message} data-code={w.code}>
                    {w.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {status.summary.datasets.length > 1 && <DatasetPicker entry={entry} />}
        </>
      );
    }
    default: {
      const unknown: never = status;
      throw new Error(`unknown status ${JSON.stringify(unknown)}`);
    }
  }
}

function DatasetPicker({ entry }: { entry: SampleEntry }) {
  const client = useClient();
  const store = useStoreApi();
  if (entry.status.kind !== 'ready') return null;
  const summary = entry.status.summary;
  return (
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
  );
}

/** The tube's place in the experiment: which assay's gates apply to it, and its dose and time. */
function SheetFields({ entry, annotation }: { entry: SampleEntry; annotation: SampleAnnotation }) {
  const store = useStoreApi();
  const annotate = (change: Partial<SampleAnnotation>) => store.getState().annotateSample(entry.id, change);
  return (
    <div className="sheet-fields">
      <label>
        Assay
        <select aria-label={`Assay of ${entry.fileName}`} value={annotation.assay ?? ''} onChange={(e) => annotate({ assay: (e.currentTarget.value || null) as Assay | null })}>
          {ASSAYS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span aria-hidden="true">Dose (nM)</span>
        <NumberField className="sheet-number" label={`Dose of ${entry.fileName} in nM`} value={annotation.doseNm} allowEmpty min={0} onChange={(doseNm) => annotate({ doseNm })} />
      </div>
      <div className="field">
        <span aria-hidden="true">Time (h)</span>
        <NumberField className="sheet-number" label={`Time of ${entry.fileName} in hours`} value={annotation.timeH} allowEmpty min={0} onChange={(timeH) => annotate({ timeH })} />
      </div>
    </div>
  );
}

function CloseButton({ entry }: { entry: SampleEntry }) {
  const store = useStoreApi();
  const client = useClient();
  return (
    <button
      type="button"
      className="button"
      aria-label={`Close ${entry.fileName}`}
      onClick={() => {
        store.getState().removeSample(entry.id);
        void client.call((worker) => worker.closeSample(entry.id));
      }}
    >
      Close this file
    </button>
  );
}
