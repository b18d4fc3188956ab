import { type ClipboardEvent, type KeyboardEvent, memo, useState } from 'react';
import type { SampleAnnotation } from '../../analysis/sampleSheet.ts';
import { cellText, type SheetColumn, type SheetColumnKey } from '../../analysis/sampleSheetCells.ts';

const cellId = (row: number, column: SheetColumnKey) => `sheet-cell-${row}-${column}`;

/** Moves the focus to a cell; false when there is none there. */
function focusCell(row: number, column: SheetColumnKey): boolean {
  const input = document.getElementById(cellId(row, column));
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  return true;
}

interface SheetCellProps {
  rowIndex: number;
  fileName: string;
  annotation: SampleAnnotation;
  column: SheetColumn;
  /** Why the stored value needs checking (an implausible dose), or null. */
  warning: string | null;
  /** Writes the text into the cell; resolves to why it means nothing in this column, or null once written. */
  onCommit(rowIndex: number, column: SheetColumnKey, text: string): string | null;
  /** A block of several cells pasted into this one. */
  onPasteBlock(rowIndex: number, column: SheetColumnKey, text: string): void;
  /** Ctrl+D: the value above (or the first selected row's) copied down. */
  onFillDown(rowIndex: number, column: SheetColumnKey): void;
}

/**
 * One cell of the sample sheet: an input that shows the tube's value and keeps what is typed until Enter, Tab or
 * leaving the cell writes it (Escape restores the value). Up and down arrows move between rows, as in a spreadsheet.
 */
export const SheetCell = memo(function SheetCell({ rowIndex, fileName, annotation, column, warning, onCommit, onPasteBlock, onFillDown }: SheetCellProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = cellId(rowIndex, column.key);
  const commit = () => {
    if (draft === null) return;
    const refused = onCommit(rowIndex, column.key, draft);
    setProblem(refused);
    if (refused === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setDraft(null);
      setProblem(null);
    } else if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Leaving the cell writes it (onBlur); on the last row Enter writes it in place.
      if (!focusCell(rowIndex + (event.key === 'ArrowUp' ? -1 : 1), column.key)) commit();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      onFillDown(rowIndex, column.key);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    // One value goes into the input as typed text; a block (tabs or line breaks) lands cell by cell.
    if (!/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return;
    event.preventDefault();
    setDraft(null);
    setProblem(null);
    onPasteBlock(rowIndex, column.key, text);
  };
  const message = problem ?? warning;
  return (
    <td className={message ? 'sheet-cell flagged' : 'sheet-cell'}>
      <input
        id={id}
        className={`sheet-input ${column.key}`}
        aria-label={`${column.title} of ${fileName}`}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        title={message ?? undefined}
        list={column.choices ? `sheet-choices-${column.key}` : undefined}
        value={draft ?? cellText(annotation, column.key)}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      {message && (
        <span id={`${id}-message`} className="visually-hidden">
          {message}
        </span>
      )}
    </td>
  );
});
