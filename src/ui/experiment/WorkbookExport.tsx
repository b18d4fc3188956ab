import { useId, useState } from 'react';
import { exportFileName } from '../../export/fileNames.ts';
import { renderCsv, renderTsv } from '../../export/table.ts';
import { renderXlsx } from '../../export/xlsx.ts';
import { experimentSheets } from '../../experiment/workbook.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { useClient } from '../context.ts';
import { downloadBlob } from '../files/download.ts';
import { appExperimentTables } from './appWorkbook.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TABLES = ['Summary', 'EC50', 'Tidy', 'Apoptosis', 'Cell cycle', 'Provenance'] as const;

/** The experiment's one workbook, and each of its tables as CSV or on the clipboard. */
export function WorkbookExport({ disabled }: { disabled: boolean }) {
  const store = useStoreApi();
  const client = useClient();
  const experimentName = useAppStore((s) => s.experimentName);
  const [chosen, setChosen] = useState<(typeof TABLES)[number]>('Summary');
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const tableId = useId();
  const build = async () => {
    setStatus({ error: false, text: 'Reading each file again for its SHA-256…' });
    const now = new Date();
    return { now, tables: await appExperimentTables(store.getState(), client, now) };
  };
  const run = (work: () => Promise<string>) =>
    work().then(
      (text) => setStatus({ error: false, text }),
      (error: unknown) => setStatus({ error: true, text: `The export failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
  const exportWorkbook = () =>
    run(async () => {
      const { now, tables } = await build();
      const name = exportFileName(experimentName, now, 'workbook', 'xlsx');
      downloadBlob(new Blob([renderXlsx(experimentSheets(tables))], { type: XLSX_TYPE }), name);
      return `Saved ${name}: ${tables.map((t) => t.name).join(', ')}.`;
    });
  const one = async () => {
    const { now, tables } = await build();
    const found = tables.find((t) => t.name === chosen);
    if (!found) throw new Error(`there is no ${chosen} table: analyse that assay first`);
    return { now, table: found.table };
  };
  return (
    <div className="run-row workbook-export">
      <button type="button" className="button primary" disabled={disabled} onClick={() => void exportWorkbook()}>
        Export workbook (XLSX)
      </button>
      <label htmlFor={tableId}>Table</label>
      <select id={tableId} value={chosen} onChange={(event) => setChosen(event.currentTarget.value as (typeof TABLES)[number])}>
        {TABLES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() =>
          void run(async () => {
            const { now, table } = await one();
            const name = exportFileName(experimentName, now, chosen.toLowerCase(), 'csv');
            downloadBlob(new Blob([renderCsv(table)], { type: 'text/csv;charset=utf-8' }), name);
            return `Saved ${name}.`;
          })
        }
      >
        Table as CSV
      </button>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() =>
          void run(async () => {
            const { table } = await one();
            await navigator.clipboard.writeText(renderTsv(table));
            return `Copied the ${chosen} table (${table.rows.length} rows): paste it into Excel, Prism or Sheets.`;
          })
        }
      >
        Copy table
      </button>
      {status && (
        <span role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : undefined}>
          {status.text}
        </span>
      )}
    </div>
  );
}
