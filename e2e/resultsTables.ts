/**
 * Reading the results tables as a user sees them, by the column names the exports use (the leaf header row holds
 * each column's full name; the row above only groups them).
 */
import type { Locator } from '@playwright/test';

export const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shows the counts, events, thresholds and warnings columns of the view's results table. */
export async function showDetails(table: Locator): Promise<void> {
  const toggle = table.page().getByLabel('Show counts, events and warnings');
  if (!(await toggle.isChecked())) await toggle.check();
}

/** The full name of each column shown, the file column first. */
export async function columnNames(table: Locator): Promise<string[]> {
  const names = await table.getByRole('row').nth(1).getByRole('columnheader').allTextContents();
  return names.map((name) => name.replace(/\s+/g, ' ').trim());
}

/** A sample's row, by its file name. */
export function rowOf(table: Locator, file: string): Locator {
  return table.getByRole('row', { name: new RegExp(`^${escaped(file)} `) });
}

/** The cell of a sample's row under the column with this name (as the table shows columns now). */
export async function cellOf(table: Locator, file: string, column: string): Promise<Locator> {
  const index = (await columnNames(table)).indexOf(column);
  if (index < 1) throw new Error(`the results table has no column "${column}"`);
  return rowOf(table, file).getByRole('cell').nth(index - 1);
}

/**
 * Every sample row with all its columns, as file name → column name → text. The rows are read in one call (a role
 * query per row took most of a minute for the 63-file demo on a busy machine); a row's header is its row header
 * cell (`th scope="row"`), its values its cells, as the roles rowheader and cell name them.
 */
export async function readResultsTable(table: Locator): Promise<Map<string, Record<string, string>>> {
  await showDetails(table);
  const columns = await columnNames(table);
  const rows = await table.getByRole('row').evaluateAll((elements) =>
    elements.flatMap((row) => {
      const header = row.querySelector(':scope > th[scope="row"]');
      return header ? [{ header: header.textContent ?? '', cells: [...row.querySelectorAll(':scope > td')].map((cell) => cell.textContent ?? '') }] : [];
    }),
  );
  return new Map(rows.map(({ header, cells }) => [header.trim(), Object.fromEntries(cells.map((text, i) => [columns[i + 1], text.trim()]))]));
}
