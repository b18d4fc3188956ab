/** The sample sheet's rows: every opened file with a sheet row, in the order the user chose, with its plate well. */
import { type SheetRow, wellParts } from '../../analysis/sampleSheetBlock.ts';
import { readySummary, type SampleEntry } from '../../state/samplesSlice.ts';

export type SheetOrder = 'opened' | 'file' | 'well';

export interface GridRow extends SheetRow {
  /** $WELLID, for plates; '' without one. */
  well: string;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** Plate wells in plate order: A1, A2 … A12, B1 (the letter first, then the number). */
function byWell(a: string, b: string): number {
  const [pa, pb] = [wellParts(a), wellParts(b)];
  if (!pa || !pb) return byText(a, b);
  return byText(pa[0], pb[0]) || pa[1] - pb[1];
}

export function sheetRows(samples: readonly SampleEntry[], order: SheetOrder): GridRow[] {
  const rows = samples.flatMap((entry): GridRow[] => {
    if (!entry.annotation) return [];
    const summary = readySummary(entry);
    const well = summary?.datasets[summary.activeDataset].keywords.$WELLID?.trim() ?? '';
    return [{ id: entry.id, fileName: entry.fileName, annotation: entry.annotation, well }];
  });
  switch (order) {
    case 'opened':
      return rows;
    case 'file':
      return rows.toSorted((a, b) => byText(a.fileName, b.fileName));
    case 'well':
      return rows.toSorted((a, b) => byWell(a.well, b.well) || byText(a.fileName, b.fileName));
    default: {
      const unknown: never = order;
      throw new RangeError(`unknown order ${String(unknown)}`);
    }
  }
}
