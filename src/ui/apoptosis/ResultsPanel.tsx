import { ADJUSTED_COLUMN, apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import { type Table, text } from '../../export/table.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { TableExport } from '../files/TableExport.tsx';
import { ResultsTable } from '../results/ResultsTable.tsx';
import type { LiveRow } from './liveRows.ts';

/** Step 3: one row per sample from the live counts, shown as the exports a lab pastes into Prism or Excel write it. */
export function ResultsPanel({ rows }: { rows: readonly LiveRow[] }) {
  const store = useStoreApi();
  const selectedId = useAppStore((s) => s.selectedSampleId);
  const results = rows.flatMap((r) => (r.kind === 'result' ? [r] : []));
  const problems = rows.flatMap((r) => (r.kind === 'problem' ? [r] : []));
  const updatingIds = new Set(results.filter((r) => !r.current).map((r) => r.sampleId));
  const pending = new Set(results.filter((r) => r.pending).map((r) => r.sampleId));
  const table = apoptosisResultsTable(results.map((r) => r.row), new Map(results.map((r) => [r.row.file, r.condition])));
  const shown = markPending(table, results.map((r) => r.sampleId), pending);
  return (
    <section className="apoptosis-step" aria-labelledby="apoptosis-results-heading">
      <h3 id="apoptosis-results-heading" tabIndex={-1}>
        3. Results
      </h3>
      <TableExport table={() => table} fileStem="apoptosis-results" sheetName="Apoptosis" rowCount={results.length} updating={updatingIds.size > 0 || pending.size > 0} updatingText={pending.size > 0 ? 'Exports wait for your answer about the moved quadrant.' : 'Updating counts…'} />
      <p className="muted">
        Percentages are of {results[0]?.row.percentOf ?? 'singlets'}; the exports have the same columns. Rows come from the gates as they are now, so they follow every edit.
        {problems.length > 0 && ` ${problems.length} ${problems.length === 1 ? 'sample has' : 'samples have'} no results (see why below) and ${problems.length === 1 ? 'is' : 'are'} not exported.`}
      </p>
      <ResultsTable
        label="Apoptosis results"
        table={shown}
        rowIds={results.map((r) => r.sampleId)}
        notes={problems.map((p) => ({ id: p.sampleId, file: p.file, message: p.message, error: true }))}
        selectedId={selectedId}
        updatingIds={updatingIds}
        updating={updatingIds.size > 0}
        onSelect={(id) => store.getState().selectSample(id)}
      />
    </section>
  );
}

/** A quadrant moved on one sample but not yet applied: its "adjusted" cell says the question is open, not yes or no. */
function markPending(table: Table, rowIds: readonly string[], pending: ReadonlySet<string>): Table {
  if (pending.size === 0) return table;
  const column = table.columns.indexOf(ADJUSTED_COLUMN);
  const rows = table.rows.map((row, k) => (pending.has(rowIds[k]) ? row.map((cell, i) => (i === column ? text('moved: all samples or only this one?') : cell)) : row));
  return { ...table, rows };
}
