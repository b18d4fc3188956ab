import { useId, useState } from 'react';
import { fillDown, setCells, type SheetEdit, sheetTable } from '../../analysis/sampleSheetBlock.ts';
import { SHEET_COLUMNS, type SheetColumnKey } from '../../analysis/sampleSheetCells.ts';
import { exportFileName } from '../../export/fileNames.ts';
import { renderCsv } from '../../export/table.ts';
import { useAppStore } from '../../state/store.ts';
import { downloadBlob } from '../files/download.ts';
import type { GridRow } from './sheetRows.ts';

interface SheetActionsProps {
  rows: readonly GridRow[];
  selected: ReadonlySet<string>;
  onClear(): void;
  apply(edit: SheetEdit, what: string): void;
}

/** What to do with the selected rows (set one value in a column, fill a column down), and the sheet's CSV export. */
export function SheetActions({ rows, selected, onClear, apply }: SheetActionsProps) {
  const experimentName = useAppStore((s) => s.experimentName);
  const [column, setColumn] = useState<SheetColumnKey>('compound');
  const [value, setValue] = useState('');
  const valueId = useId();
  const columnId = useId();
  const title = SHEET_COLUMNS.find((c) => c.key === column)?.title ?? column;
  const exportCsv = () =>
    downloadBlob(new Blob([renderCsv(sheetTable(rows))], { type: 'text/csv;charset=utf-8' }), exportFileName(experimentName, new Date(), 'sample sheet', 'csv'));
  return (
    <div className="sheet-actions" role="group" aria-label="Selected tubes">
      <span role="status">
        {selected.size} of {rows.length} tubes selected
      </span>
      <label className="inline-field" htmlFor={columnId}>
        Column
      </label>
      <select id={columnId} value={column} onChange={(event) => setColumn(event.currentTarget.value as SheetColumnKey)}>
        {SHEET_COLUMNS.map((c) => (
          <option key={c.key} value={c.key}>
            {c.title}
          </option>
        ))}
      </select>
      <label className="inline-field" htmlFor={valueId}>
        Value
      </label>
      <input id={valueId} value={value} list={SHEET_COLUMNS.find((c) => c.key === column)?.choices ? `sheet-choices-${column}` : undefined} onChange={(event) => setValue(event.currentTarget.value)} />
      <button type="button" className="button" disabled={selected.size === 0} onClick={() => apply(setCells(rows, selected, column, value), `Set ${title} of the selected tubes`)}>
        Set for selected tubes
      </button>
      <button type="button" className="button" disabled={selected.size < 2} onClick={() => apply(fillDown(rows, selected, column), `Fill ${title} down`)}>
        Fill {title} down
      </button>
      <button type="button" className="button" disabled={selected.size === 0} onClick={onClear}>
        Clear selection
      </button>
      <button type="button" className="button" onClick={exportCsv}>
        Export sheet (CSV)
      </button>
    </div>
  );
}
