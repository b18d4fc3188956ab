import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from '../../apoptosis/populations.ts';
import { apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import { formatNumber } from '../../export/table.ts';
import { useStoreApi } from '../../state/store.ts';
import { TableExport } from '../files/TableExport.tsx';
import { formatCondition, formatCount, formatPercent } from '../format.ts';
import type { LiveRow } from './liveRows.ts';

/** Step 3: one row per sample from the live counts, with the exports a lab pastes into Prism or Excel. */
export function ResultsPanel({ rows }: { rows: readonly LiveRow[] }) {
  const store = useStoreApi();
  const results = rows.flatMap((r) => (r.kind === 'result' ? [r] : []));
  const updating = results.some((r) => !r.current);
  const table = () => apoptosisResultsTable(results.map((r) => r.row), new Map(results.map((r) => [r.row.file, r.condition])));
  return (
    <section className="apoptosis-step" aria-labelledby="apoptosis-results-heading">
      <h3 id="apoptosis-results-heading">3. Results</h3>
      <TableExport table={table} fileStem="apoptosis-results" sheetName="Apoptosis" rowCount={results.length} updating={updating} updatingText="Updating counts…" />
      <p className="muted">
        Percentages are of singlets. Thresholds are in compensated data units. Rows come from the gates as they are now, so they follow every edit.
        {results.length < rows.length && ` ${rows.length - results.length} ${rows.length - results.length === 1 ? 'sample has' : 'samples have'} no results (see why below) and ${rows.length - results.length === 1 ? 'is' : 'are'} not exported.`}
      </p>
      <div className="table-scroll">
        <table className="results" aria-label="Apoptosis results" aria-busy={updating}>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Role</th>
              <th scope="col">Dose (nM)</th>
              <th scope="col">Time (h)</th>
              <th scope="col">Events</th>
              <th scope="col">Cells</th>
              <th scope="col">Singlets</th>
              {APOPTOSIS_POPULATION_KEYS.map((key) => [
                <th key={`${key}-count`} scope="col">{APOPTOSIS_POPULATIONS[key].name} count</th>,
                <th key={`${key}-percent`} scope="col">{APOPTOSIS_POPULATIONS[key].name} %</th>,
              ])}
              <th scope="col">Annexin V threshold</th>
              <th scope="col">PI threshold</th>
              <th scope="col">Adjusted</th>
              <th scope="col">Warnings</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.sampleId} className={r.kind === 'result' && !r.current ? 'updating' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => store.getState().selectSample(r.sampleId)}>
                    {r.file}
                  </button>
                </th>
                <td>{ROLE_NAMES[r.role]}</td>
                <td className="number">{formatCondition(r.condition.doseNm)}</td>
                <td className="number">{formatCondition(r.condition.timeH)}</td>
                {r.kind === 'problem' ? (
                  <td colSpan={17} className="error">
                    {r.message}
                  </td>
                ) : (
                  <>
                    <td className="number">{formatCount(r.row.events)}</td>
                    <td className="number">{formatCount(r.row.cells)}</td>
                    <td className="number">{formatCount(r.row.singlets)}</td>
                    {APOPTOSIS_POPULATION_KEYS.map((key) => [
                      <td key={`${key}-count`} className="number">{formatCount(r.row.counts[key])}</td>,
                      <td key={`${key}-percent`} className="number">{formatPercent(r.row.percent[key])}</td>,
                    ])}
                    <td className="number">{formatNumber(r.row.thresholds.annexin, 'significant')}</td>
                    <td className="number">{formatNumber(r.row.thresholds.pi, 'significant')}</td>
                    <td>{r.row.thresholdsOverridden ? 'yes' : 'no'}</td>
                    <td className="warnings-cell">
                      {r.row.warnings.length > 0 && (
                        <details>
                          <summary>
                            {r.row.warnings.length} {r.row.warnings.length === 1 ? 'warning' : 'warnings'}
                          </summary>
                          <ul>
                            {r.row.warnings.map((w) => (
                              <li key={w.code + w.message}>{w.message}</li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
