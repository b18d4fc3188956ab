/**
 * A results table as a screen shows it: which columns are visible (details on or off), the group headings above
 * them, and each column's own heading under its group. Names stay the export's: a grouped column is named
 * `${group} ${heading}`, so the group and the heading together read as the exported name.
 */
import { type Cell, type ColumnLayout, formatNumber, type Table } from '../../export/table.ts';
import { formatCount, formatPercent } from '../format.ts';

export interface ScreenColumn {
  /** Index in the table's columns and rows. */
  index: number;
  /** The exported name. */
  name: string;
  group: string | null;
  /** What shows under the group ("% of singlets"), or the whole name without a group. */
  heading: string;
}

/** One cell of the header row above the columns: a group spanning its columns, or nothing above a lone column. */
export type GroupCell = { group: string; span: number } | { group: null; span: 1 };

export interface ScreenLayout {
  columns: ScreenColumn[];
  groupRow: GroupCell[];
  /** Columns left out while details are off. */
  hiddenCount: number;
}

const STANDALONE: ColumnLayout = {};

export function screenLayout(table: Table, details: boolean): ScreenLayout {
  const all = table.columns.map((name, index) => {
    const layout = table.layout?.[index] ?? STANDALONE;
    const group = layout.group ?? null;
    if (group !== null && !name.startsWith(`${group} `)) throw new RangeError(`column "${name}" is not named after its group "${group}"`);
    return { index, name, group, heading: group === null ? name : name.slice(group.length + 1), detail: layout.detail ?? false };
  });
  const shown = all.filter((c) => details || !c.detail);
  // Within a group the main figures come first (percentages before counts).
  const columns: ScreenColumn[] = [];
  for (const column of shown) {
    if (columns.some((c) => c.group !== null && c.group === column.group)) continue;
    const members = column.group === null ? [column] : shown.filter((c) => c.group === column.group);
    columns.push(...members.toSorted((a, b) => Number(a.detail) - Number(b.detail)).map(({ detail: _detail, ...c }) => c));
  }
  const groupRow: GroupCell[] = [];
  for (const column of columns) {
    const last = groupRow.at(-1);
    if (column.group !== null && last?.group === column.group) last.span += 1;
    else groupRow.push(column.group === null ? { group: null, span: 1 } : { group: column.group, span: 1 });
  }
  return { columns, groupRow, hiddenCount: all.length - shown.length };
}

/** Significant digits of data values on screen (the exports keep 6). */
const SCREEN_DIGITS = 4;

/**
 * A cell as the screen shows it: counts with separators, percentages to 2 decimals, data values to 4 significant
 * digits, nothing for a value that is not there.
 */
export function screenText(cell: Cell): string {
  if (cell.kind === 'text') return cell.value;
  if (!Number.isFinite(cell.value)) return '';
  switch (cell.format) {
    case 'integer':
      return formatCount(Math.round(cell.value));
    case 'percent':
      return formatPercent(cell.value);
    case 'significant':
      return String(Number(cell.value.toPrecision(SCREEN_DIGITS)));
    case 'full':
      return formatNumber(cell.value, cell.format);
    default: {
      const unknown: never = cell.format;
      throw new Error(`unknown number format ${String(unknown)}`);
    }
  }
}
