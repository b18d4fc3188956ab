import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { formatCount } from '../format.ts';
import { conditionKey, type ListedSection } from './sampleListModel.ts';

interface SampleListboxProps {
  sections: readonly ListedSection[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** "Ready" (or "Ready, 2 notes"), "Reading 40%" or "Could not be read", and the events of a ready file. */
function StatusWords({ entry }: { entry: SampleEntry }) {
  switch (entry.status.kind) {
    case 'loading':
      return <span>{entry.status.progress ? `Reading ${Math.round((100 * entry.status.progress.loadedBytes) / entry.status.progress.totalBytes)}%` : 'Reading…'}</span>;
    case 'error':
      return <span className="error">{entry.status.error.code === 'NOT_KEPT' ? 'Not in this browser' : 'Could not be read'}</span>;
    case 'ready': {
      const dataset = entry.status.summary.datasets[entry.status.summary.activeDataset];
      const notes = dataset.warnings.length;
      return (
        <>
          <span className={notes > 0 ? 'warning-text' : 'ok'}>{notes > 0 ? `Ready, ${notes} ${notes === 1 ? 'note' : 'notes'}` : 'Ready'}</span>
          <span>{formatCount(dataset.eventCount)} events</span>
        </>
      );
    }
    default: {
      const unknown: never = entry.status;
      throw new Error(`unknown status ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The files as one listbox (one Tab stop; arrow keys, Home and End move the selection), under their group
 * headings. Choosing a file selects it in every view.
 */
export function SampleListbox({ sections, selectedId, onSelect }: SampleListboxProps) {
  const list = useRef<HTMLDivElement>(null);
  const order = sections.flatMap((s) => s.entries.map((e) => e.id));
  const focusable = order.includes(selectedId ?? '') ? selectedId : (order[0] ?? null);
  // A file chosen elsewhere (a results table, the review's picker) is brought into view in the list.
  useEffect(() => {
    if (selectedId !== null) list.current?.querySelector(`[data-sample-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  const move = (id: string) => {
    onSelect(id);
    list.current?.querySelector<HTMLElement>(`[data-sample-id="${CSS.escape(id)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = order.indexOf(focusable ?? '');
    const target =
      event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? order.length - 1 : null;
    if (target === null) return;
    event.preventDefault();
    const id = order[Math.min(order.length - 1, Math.max(0, target))];
    if (id !== undefined) move(id);
  };
  return (
    // The options take the focus (roving tabindex); the list handles their arrow keys.
    <div ref={list} role="listbox" aria-label="Samples" className="sample-listbox" tabIndex={-1} onKeyDown={onKeyDown}>
      {sections.map((section) => (
        <div key={section.section} role="group" aria-label={`${section.name} (${section.entries.length})`}>
          <div className="sample-section" aria-hidden="true">
            {section.name} <span className="muted">({section.entries.length})</span>
          </div>
          {section.entries.map((entry) => (
            <SampleOption key={entry.id} entry={entry} selected={entry.id === selectedId} focusable={entry.id === focusable} onSelect={onSelect} />
          ))}
        </div>
      ))}
    </div>
  );
}

interface SampleOptionProps {
  entry: SampleEntry;
  selected: boolean;
  /** The list's one Tab stop. */
  focusable: boolean;
  onSelect(id: string): void;
}

function SampleOption({ entry, selected, focusable, onSelect }: SampleOptionProps) {
  const condition = conditionKey(entry);
  return (
    <div
      role="option"
      data-sample-id={entry.id}
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className="sample-option"
      title={entry.fileName}
      onClick={() => onSelect(entry.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(entry.id);
        }
      }}
    >
      <span className="sample-name">
        {entry.fileName}
      </span>
      <span className="sample-meta">
        {condition && <span>{condition}</span>}
        <StatusWords entry={entry} />
      </span>
    </div>
  );
}
