import './samplesheet.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyTable, fillDown, pasteBlock, type SheetEdit } from '../../analysis/sampleSheetBlock.ts';
import { implausibleCells, readCell, type SheetColumnKey } from '../../analysis/sampleSheetCells.ts';
import { detectDelimiter, parseDelimited, spreadsheetTextEncoding } from '../../shared/delimitedText.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { FilePickerButton } from '../files/FilePickerButton.tsx';
import { SheetActions } from './SheetActions.tsx';
import { SheetGrid } from './SheetGrid.tsx';
import { type SheetOrder, sheetRows } from './sheetRows.ts';
import { useSheetEdits } from './useSheetEdits.ts';

/**
 * The sample sheet as a spreadsheet: one row per tube, typed cell by cell or pasted as a block from Excel, Sheets or
 * Prism, imported from and exported to CSV; rows can be selected, filled down or set at once. Values that cannot be
 * right (a dose of 102,050,100 nM) are listed at the top until they are fixed.
 */
export function SampleSheetView() {
  const store = useStoreApi();
  const samples = useAppStore((s) => s.samples);
  const experimentName = useAppStore((s) => s.experimentName);
  const [order, setOrder] = useState<SheetOrder>('opened');
  const rows = useMemo(() => sheetRows(samples, order), [samples, order]);
  // The cells' callbacks stay the same across edits (so only changed rows re-render) and read the newest rows here.
  const rowsRef = useRef(rows);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const lastToggled = useRef<number | null>(null);
  const { message, setMessage, apply, undo } = useSheetEdits(store);
  const applyRef = useRef(apply);

  const warnings = useMemo(() => new Map(rows.map((r) => [r.id, new Map(implausibleCells(r.annotation).map((w) => [w.key, w.message]))])), [rows]);
  const flagged = rows.flatMap((r) => implausibleCells(r.annotation).map((w) => `${r.fileName}: ${w.message}`));

  const onCommit = useCallback((rowIndex: number, column: SheetColumnKey, text: string) => {
    const row = rowsRef.current[rowIndex];
    if (!row) return null;
    const reading = readCell(column, text, row.annotation);
    if (!reading.ok) return reading.problem;
    applyRef.current({ changes: new Map([[row.id, reading.change]]), problems: [], written: 1, leftOut: [] }, `Edit of ${row.fileName}`, true);
    return null;
  }, []);
  const onPasteBlock = useCallback((rowIndex: number, column: SheetColumnKey, text: string) => {
    applyRef.current(pasteBlock(text, rowsRef.current, { row: rowIndex, column }), 'Paste');
  }, []);
  const selectedRef = useRef(selected);
  useEffect(() => {
    rowsRef.current = rows;
    applyRef.current = apply;
    selectedRef.current = selected;
  });
  const onFillDown = useCallback((rowIndex: number, column: SheetColumnKey) => {
    const current = rowsRef.current;
    const chosen = selectedRef.current.size > 1 && selectedRef.current.has(current[rowIndex]?.id) ? selectedRef.current : new Set([current[rowIndex - 1]?.id, current[rowIndex]?.id]);
    applyRef.current(fillDown(current, chosen, column), 'Fill down');
  }, []);

  const onSelect = (index: number, range: boolean) => {
    const from = range && lastToggled.current !== null ? Math.min(lastToggled.current, index) : index;
    const to = range && lastToggled.current !== null ? Math.max(lastToggled.current, index) : index;
    const turnOn = !selected.has(rows[index].id);
    const next = new Set(selected);
    for (let k = from; k <= to; k++) {
      if (turnOn) next.add(rows[k].id);
      else next.delete(rows[k].id);
    }
    lastToggled.current = index;
    setSelected(next);
  };

  const importCsv = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder(spreadsheetTextEncoding(bytes)).decode(bytes);
    const delimiter = detectDelimiter(text);
    const edit: SheetEdit = applyTable(parseDelimited(text, delimiter), rowsRef.current, 0, delimiter === ';');
    apply(edit, `Import of ${file.name}`);
  };

  if (rows.length === 0) return <p className="hint">Open FCS files or the demo experiment: each file gets a row of the sample sheet, filled in from its name and keywords.</p>;
  return (
    <div className="sample-sheet">
      <div className="sheet-header">
        <h2>Sample sheet</h2>
        <p className="hint">
          Filled in from file names and keywords; type into any cell, or paste a block copied from Excel, Sheets or Prism into the cell where it starts (a block whose first row
          names columns, with a File column, lands by file). Ctrl+D fills down. Concentrations and times keep the unit written with them.
        </p>
      </div>
      <div className="sheet-bar">
        <label className="inline-field">
          Experiment name
          <input value={experimentName} placeholder="names the exports" onChange={(event) => store.getState().setExperimentName(event.currentTarget.value)} />
        </label>
        <label className="inline-field">
          Order rows by
          <select value={order} onChange={(event) => setOrder(event.currentTarget.value as SheetOrder)}>
            <option value="opened">order opened</option>
            <option value="file">file name</option>
            <option value="well">plate well</option>
          </select>
        </label>
        <FilePickerButton label="Import sheet (CSV)…" accept=".csv,.tsv,.txt,text/csv,text/plain" onFiles={(files) => void importCsv(files[0])} />
        {undo && (
          <button type="button" className="button" onClick={undo.run}>
            Undo: {undo.what}
          </button>
        )}
      </div>
      {flagged.length > 0 && (
        <div role="alert" className="sheet-flagged">
          <strong>
            {flagged.length} {flagged.length === 1 ? 'value needs' : 'values need'} checking:
          </strong>
          <ul>
            {flagged.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <div role={message.error ? 'alert' : 'status'} className={message.error ? 'sheet-message error' : 'sheet-message'}>
          {message.text}
          {message.details.length > 0 && (
            <ul>
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
          <button type="button" className="icon" aria-label="Dismiss the message" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      )}
      <SheetActions rows={rows} selected={selected} onClear={() => setSelected(new Set())} apply={apply} />
      <SheetGrid
        rows={rows}
        selected={selected}
        onSelect={onSelect}
        onSelectAll={(all) => setSelected(all ? new Set(rows.map((r) => r.id)) : new Set())}
        warnings={warnings}
        onCommit={onCommit}
        onPasteBlock={onPasteBlock}
        onFillDown={onFillDown}
      />
    </div>
  );
}
