import { useStoreApi } from '../../state/store.ts';
import { TableExport } from '../files/TableExport.tsx';
import { ResultsTable } from '../results/ResultsTable.tsx';
import { allCurrent, type CellCycleSampleRow, resultsTable } from './sampleRows.ts';

/** One row per sample, following every edit, shown as the exports a lab pastes into Prism or Excel write it. */
export function ResultsPanel({ rows, selectedId }: { rows: readonly CellCycleSampleRow[]; selectedId: string }) {
  const store = useStoreApi();
  const fitted = rows.filter((r) => r.fit.kind === 'fitted');
  const others = rows.filter((r) => r.fit.kind !== 'fitted');
  const updating = !allCurrent(rows);
  const updatingIds = new Set(rows.filter((r) => r.fit.kind !== 'waiting' && !r.fit.current).map((r) => r.entry.id));
  const table = resultsTable(rows);
  return (
    <section className="cell-cycle-results" aria-labelledby="cell-cycle-results-heading">
      <h2 id="cell-cycle-results-heading" tabIndex={-1}>
        Results
      </h2>
      <TableExport table={() => table} fileStem="cell-cycle-results" sheetName="Cell cycle" rowCount={fitted.length} updating={updating} updatingText="Updating fits…" />
      <p className="muted">
        Two bases, named in every heading and export: the fit&rsquo;s G0/G1, S and G2/M are % of the modelled cycling cells (they add up to 100); the range
        gates (live, as drawn on the DNA histogram) are % of singlets.
      </p>
      <ResultsTable
        label="Cell-cycle results"
        table={table}
        rowIds={fitted.map((r) => r.entry.id)}
        notes={others.map(({ entry, fit }) => ({
          id: entry.id,
          file: entry.fileName,
          error: fit.kind === 'failed',
          message: fit.kind === 'failed' ? `Could not be fitted: ${fit.message}` : 'Not fitted yet',
        }))}
        selectedId={selectedId}
        updatingIds={updatingIds}
        updating={updating}
        onSelect={(id) => store.getState().selectSample(id)}
      />
    </section>
  );
}
