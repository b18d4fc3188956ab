import { useStoreApi } from '../../state/store.ts';
import { TableExport } from '../files/TableExport.tsx';
import { formatCondition, formatCount, formatPercent } from '../format.ts';
import { allCurrent, type CellCycleSampleRow, resultsTable } from './sampleRows.ts';

/** One row per sample, following every edit, with the exports a lab pastes into Prism or Excel. */
export function ResultsPanel({ rows, selectedId }: { rows: readonly CellCycleSampleRow[]; selectedId: string }) {
  const store = useStoreApi();
  const fitted = rows.filter((r) => r.fit.kind === 'fitted').length;
  const updating = !allCurrent(rows);
  return (
    <section className="cell-cycle-results" aria-labelledby="cell-cycle-results-heading">
      <h2 id="cell-cycle-results-heading" tabIndex={-1}>
        Results
      </h2>
      <TableExport
        table={() => resultsTable(rows)}
        fileStem="cell-cycle-results"
        sheetName="Cell cycle"
        rowCount={fitted}
        updating={updating}
        updatingText="Updating fits…"
      />
      <p className="muted">
        G0/G1, S and G2/M are % of the modelled cycling cells (they add up to 100). Sub-G1 (range gate, live), debris and aggregates are % of singlets. The
        exports add the fit&rsquo;s own sub-G1, means, modelled events and every range gate.
      </p>
      <div className="table-scroll">
        <table className="results" aria-label="Cell-cycle results" aria-busy={updating}>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Dose (nM)</th>
              <th scope="col">Time (h)</th>
              <th scope="col">Singlets</th>
              <th scope="col">Sub-G1 % of singlets</th>
              <th scope="col">G0/G1 % of cycling</th>
              <th scope="col">S % of cycling</th>
              <th scope="col">G2/M % of cycling</th>
              <th scope="col">G0/G1 CV %</th>
              <th scope="col">G2/M CV %</th>
              <th scope="col">G2/G1</th>
              <th scope="col">RCS</th>
              <th scope="col">Debris % of singlets</th>
              <th scope="col">Aggregates % of singlets</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ entry, fit, rangeGates }) => {
              const result = fit.kind === 'fitted' ? fit.result : null;
              const f = result?.fit;
              const percents = f && { g1: f.g1Percent, s: f.sPercent, g2m: f.g2mPercent, g1Cv: f.g1CvPercent, g2Cv: f.g2CvPercent };
              return (
                <tr key={entry.id} aria-selected={entry.id === selectedId} className={fit.kind !== 'waiting' && !fit.current ? 'stale' : undefined}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => store.getState().selectSample(entry.id)}>
                      {entry.fileName}
                    </button>
                  </th>
                  <td className="number">{formatCondition(entry.annotation?.doseNm)}</td>
                  <td className="number">{formatCondition(entry.annotation?.timeH)}</td>
                  {result && f && percents ? (
                    <>
                      <td className="number">{formatCount(Math.round(f.singlets))}</td>
                      <td className="number">{rangeGates ? formatPercent(rangeGates.subG1) : '…'}</td>
                      {Object.entries(percents).map(([key, v]) => (
                        <td key={key} className="number">
                          {formatPercent(v)}
                        </td>
                      ))}
                      <td className="number">{f.g2g1Ratio.toFixed(3)}</td>
                      <td className="number">{f.rcs.toFixed(2)}</td>
                      <td className="number">{f.options.debris ? formatPercent(f.debrisPercent) : '–'}</td>
                      <td className="number">{f.options.aggregates !== 'off' ? formatPercent(f.aggregatesPercent) : '–'}</td>
                      <td className="flags-cell">{result.flags.length > 0 ? result.flags.map((flag) => flag.message).join(' ') : 'None'}</td>
                    </>
                  ) : (
                    <td colSpan={12} className={fit.kind === 'failed' ? 'error' : 'muted'}>
                      {fit.kind === 'failed' ? `Could not be fitted: ${fit.message}` : 'Not fitted yet'}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
