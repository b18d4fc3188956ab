import type { MouseEvent } from 'react';
import { type SheetColumnKey, SHEET_COLUMNS } from '../../analysis/sampleSheetCells.ts';
import { SheetCell } from './SheetCell.tsx';
import type { GridRow } from './sheetRows.ts';

interface SheetGridProps {
  rows: readonly GridRow[];
  selected: ReadonlySet<string>;
  /** Toggles a row; with Shift, every row from the last one toggled. */
  onSelect(index: number, range: boolean): void;
  onSelectAll(all: boolean): void;
  /** Row id → column → why its value needs checking. */
  warnings: ReadonlyMap<string, ReadonlyMap<SheetColumnKey, string>>;
  onCommit(rowIndex: number, column: SheetColumnKey, text: string): string | null;
  onPasteBlock(rowIndex: number, column: SheetColumnKey, text: string): void;
  onFillDown(rowIndex: number, column: SheetColumnKey): void;
}

/** The sample sheet as a table of editable cells, one row per tube, with a checkbox to select rows. */
export function SheetGrid({ rows, selected, onSelect, onSelectAll, warnings, onCommit, onPasteBlock, onFillDown }: SheetGridProps) {
  const wells = rows.some((r) => r.well !== '');
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className="table-scroll sheet-scroll">
      <table className="sheet-grid" aria-label="Sample sheet">
        <thead>
          <tr>
            <th scope="col" className="sheet-select">
              <input type="checkbox" aria-label="Select every tube" checked={all} onChange={(event) => onSelectAll(event.currentTarget.checked)} />
            </th>
            <th scope="col">File</th>
            {wells && <th scope="col">Well</th>}
            {SHEET_COLUMNS.map((column) => (
              <th key={column.key} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id} aria-selected={selected.has(row.id)}>
              <td className="sheet-select">
                <input
                  type="checkbox"
                  aria-label={`Select ${row.fileName}`}
                  checked={selected.has(row.id)}
                  onChange={() => undefined}
                  onClick={(event: MouseEvent<HTMLInputElement>) => onSelect(index, event.shiftKey)}
                />
              </td>
              <th scope="row" className="sheet-file">
                {row.fileName}
              </th>
              {wells && <td className="sheet-well">{row.well}</td>}
              {SHEET_COLUMNS.map((column) => (
                <SheetCell
                  key={column.key}
                  rowIndex={index}
                  fileName={row.fileName}
                  annotation={row.annotation}
                  column={column}
                  warning={warnings.get(row.id)?.get(column.key) ?? null}
                  onCommit={onCommit}
                  onPasteBlock={onPasteBlock}
                  onFillDown={onFillDown}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {SHEET_COLUMNS.filter((c) => c.choices).map((column) => (
        <datalist key={column.key} id={`sheet-choices-${column.key}`}>
          {column.choices?.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </datalist>
      ))}
    </div>
  );
}
