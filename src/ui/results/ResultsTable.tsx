import './results.css';
import { useId, useState } from 'react';
import type { Table } from '../../export/table.ts';
import { screenLayout, screenText } from './tableLayout.ts';

/** A sample on screen without a row of the exported table (not analysed, not fitted yet), with the reason. */
export interface ResultsNote {
  id: string;
  file: string;
  message: string;
  error: boolean;
}

interface ResultsTableProps {
  /** Accessible name of the table, e.g. "Apoptosis results". */
  label: string;
  /** Exactly what the exports write: the same column names and rows. */
  table: Table;
  /** The sample of each table row (the first column is its file name). */
  rowIds: readonly string[];
  notes?: readonly ResultsNote[];
  selectedId?: string | null;
  /** Rows whose numbers are being brought up to date after an edit. */
  updatingIds?: ReadonlySet<string>;
  updating: boolean;
  onSelect(id: string): void;
}

/**
 * The results as the exports write them: the main percentages under their group headings, the counts, events,
 * thresholds and warnings behind "Show details". Choosing a file selects that sample.
 */
export function ResultsTable({ label, table, rowIds, notes = [], selectedId = null, updatingIds, updating, onSelect }: ResultsTableProps) {
  const toggleId = useId();
  const [details, setDetails] = useState(false);
  const layout = screenLayout(table, details);
  const [file, ...values] = layout.columns;
  return (
    <div className="results-table">
      {layout.hiddenCount > 0 || details ? (
        <label className="details-toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={details} onChange={(event) => setDetails(event.currentTarget.checked)} />
          Show counts, events and warnings
        </label>
      ) : null}
      <div className="table-scroll">
        <table className="results" aria-label={label} aria-busy={updating}>
          <thead>
            <tr className="group-row">
              {layout.groupRow.map((cell, k) =>
                cell.group === null ? (
                  <td key={k} aria-hidden="true" />
                ) : (
                  <th key={k} scope="colgroup" colSpan={cell.span}>
                    {cell.group}
                  </th>
                ),
              )}
            </tr>
            <tr>
              {layout.columns.map((column) => (
                <th key={column.index} scope="col">
                  {column.group !== null && <span className="visually-hidden">{column.group} </span>}
                  {column.heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => {
              const id = rowIds[r];
              return (
                <tr key={id} aria-selected={id === selectedId} className={updatingIds?.has(id) ? 'updating' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => onSelect(id)}>
                      {screenText(row[file.index])}
                    </button>
                  </th>
                  {values.map((column) => (
                    <td key={column.index} className={row[column.index].kind === 'number' ? 'number' : undefined}>
                      {screenText(row[column.index])}
                    </td>
                  ))}
                </tr>
              );
            })}
            {notes.map((note) => (
              <tr key={note.id} aria-selected={note.id === selectedId}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(note.id)}>
                    {note.file}
                  </button>
                </th>
                <td colSpan={values.length} className={note.error ? 'error' : 'muted'}>
                  {note.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
