import { useState } from 'react';
import { renderCsv, renderTsv, type Table } from '../../export/table.ts';
import { renderXlsx } from '../../export/xlsx.ts';
import { downloadBlob } from './download.ts';

const CSV_TYPE = 'text/csv;charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface TableExportProps {
  /** Builds the table when asked (the rows follow every edit). */
  table(): Table;
  /** "apoptosis-results" names the files (a function: named when exported, e.g. with the day); the sheet gets `sheetName`. */
  fileStem: string | (() => string);
  sheetName: string;
  rowCount: number;
  /** While counts or fits are being updated, exports wait. */
  updating: boolean;
  /** Shown while updating, e.g. "Updating counts…". */
  updatingText: string;
  /** Names the buttons when a view has several tables: "CSV of apoptosis by condition". */
  subject?: string;
}

/** Export CSV, Export XLSX and Copy to clipboard (tab-separated, for Excel, Prism or Sheets) of a results table. */
export function TableExport({ table, fileStem, sheetName, rowCount, updating, updatingText, subject }: TableExportProps) {
  const [copied, setCopied] = useState<string | null>(null);
  const disabled = updating || rowCount === 0;
  const stem = () => (typeof fileStem === 'string' ? fileStem : fileStem());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(renderTsv(table()));
      setCopied(`Copied ${rowCount} rows: paste them into Excel, Prism or Sheets.`);
    } catch (error) {
      setCopied(`The clipboard is not available here (${error instanceof Error ? error.message : String(error)}); use Export CSV instead.`);
    }
  };
  return (
    <div className="run-row">
      <button type="button" className="button" disabled={disabled} onClick={() => downloadBlob(new Blob([renderCsv(table())], { type: CSV_TYPE }), `${stem()}.csv`)}>
        {subject ? `CSV of ${subject}` : 'Export CSV'}
      </button>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => downloadBlob(new Blob([renderXlsx([{ name: sheetName, table: table() }])], { type: XLSX_TYPE }), `${stem()}.xlsx`)}
      >
        {subject ? `XLSX of ${subject}` : 'Export XLSX'}
      </button>
      <button type="button" className="button" disabled={disabled} onClick={() => void copy()}>
        {subject ? `Copy ${subject}` : 'Copy to clipboard'}
      </button>
      {updating && <span role="status">{updatingText}</span>}
      {copied && <span role="status">{copied}</span>}
    </div>
  );
}
