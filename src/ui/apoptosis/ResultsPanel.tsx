import { useState } from 'react';
import { APOPTOSIS_POPULATION_KEYS, APOPTOSIS_POPULATIONS, ROLE_NAMES } from '../../apoptosis/populations.ts';
import { apoptosisResultsTable } from '../../apoptosis/resultsTable.ts';
import { formatNumber, renderCsv, renderTsv } from '../../export/table.ts';
import { renderXlsx } from '../../export/xlsx.ts';
import { useStoreApi } from '../../state/store.ts';
import { downloadBlob } from '../figure/exportFigure.ts';
import { formatCount, formatPercent } from '../format.ts';
import type { LiveRow } from './liveRows.ts';

const CSV_TYPE = 'text/csv;charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const condition = (value: number | null) => (value === null ? '' : formatNumber(value, 'significant'));

/** Step 3: one row per sample from the live counts, with the exports a lab pastes into Prism or Excel. */
export function ResultsPanel({ rows }: { rows: readonly LiveRow[] }) {
  const store = useStoreApi();
  const [copied, setCopied] = useState<string | null>(null);
  const results = rows.flatMap((r) => (r.kind === 'result' ? [r] : []));
  const updating = results.some((r) => !r.current);
  const table = () => apoptosisResultsTable(results.map((r) => r.row), new Map(results.map((r) => [r.row.file, r.condition])));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(renderTsv(table()));
      setCopied(`Copied ${results.length} rows: paste them into Excel, Prism or Sheets.`);
    } catch (error) {
      setCopied(`The clipboard is not available here (${error instanceof Error ? error.message : String(error)}); use Export CSV instead.`);
    }
  };
  return (
    <section className="apoptosis-step" aria-labelledby="apoptosis-results-heading">
      <h3 id="apoptosis-results-heading">3. Results</h3>
      <div className="run-row">
        <button type="button" className="button" disabled={updating || results.length === 0} onClick={() => downloadBlob(new Blob([renderCsv(table())], { type: CSV_TYPE }), 'apoptosis-results.csv')}>
          Export CSV
        </button>
        <button type="button" className="button" disabled={updating || results.length === 0} onClick={() => downloadBlob(new Blob([new Uint8Array(renderXlsx([{ name: 'Apoptosis', table: table() }]))], { type: XLSX_TYPE }), 'apoptosis-results.xlsx')}>
          Export XLSX
        </button>
        <button type="button" className="button" disabled={updating || results.length === 0} onClick={() => void copy()}>
          Copy to clipboard
        </button>
        {updating && <span role="status">Updating counts…</span>}
        {copied && <span role="status">{copied}</span>}
      </div>
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
                <td className="number">{condition(r.condition.doseNm)}</td>
                <td className="number">{condition(r.condition.timeH)}</td>
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
