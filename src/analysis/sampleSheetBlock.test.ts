import { describe, expect, it } from 'vitest';
import { renderCsv } from '../export/table.ts';
import { parseDelimited } from '../shared/delimitedText.ts';
import { emptyAnnotation, type SampleAnnotation } from './sampleSheet.ts';
import { applyTable, fillDown, pasteBlock, setCells, sheetTable, type SheetRow } from './sampleSheetBlock.ts';

const rows: SheetRow[] = ['a.fcs', 'b.fcs', 'c.fcs', 'd.fcs'].map((fileName, k) => ({ id: `id-${k}`, fileName, annotation: { ...emptyAnnotation(), assay: 'apoptosis' } }));
const after = (edit: ReturnType<typeof pasteBlock>, k: number): SampleAnnotation => ({ ...rows[k].annotation, ...edit.changes.get(rows[k].id) });

describe('pasting into the sample sheet', () => {
  it('lands a column of four doses cell by cell, never as 102050100 in one cell (Excel adds a final line break)', () => {
    const edit = pasteBlock('10\r\n20\r\n50\r\n100\r\n', rows, { row: 0, column: 'concentration' });
    expect([0, 1, 2, 3].map((k) => after(edit, k).doseNm)).toEqual([10, 20, 50, 100]);
    expect(edit).toMatchObject({ written: 4, problems: [], leftOut: [] });
  });

  it('lands a tab-separated block across columns from the cell it is pasted into, number before unit', () => {
    const edit = pasteBlock('Ixa\t0,5\tµM\t24\th\tR1\nIxa\t500\tnM\t48\th\trep2\n', rows, { row: 1, column: 'compound' });
    expect(after(edit, 1)).toMatchObject({ compound: 'Ixa', doseNm: 500, doseUnit: 'µM', timeH: 24, replicate: '1' });
    expect(after(edit, 2)).toMatchObject({ compound: 'Ixa', doseNm: 500, doseUnit: 'nM', timeH: 48, replicate: '2' });
    expect(edit.changes.has(rows[0].id)).toBe(false);
  });

  it('says what did not fit and which cells meant nothing, and writes the rest', () => {
    const edit = pasteBlock('1\n2\nlots\n4\n5\n6', rows, { row: 1, column: 'time' });
    expect([1, 2, 3].map((k) => after(edit, k).timeH)).toEqual([1, 2, null]);
    expect(edit.problems).toEqual([{ id: 'id-3', fileName: 'd.fcs', column: 'time', text: 'lots', message: '"lots" is not a time.' }]);
    expect(edit.leftOut).toEqual(['3 rows below the last tube']);
  });

  it('lands a block with a header row by column name, and by file when it names files (in any order)', () => {
    const edit = pasteBlock('Conc (nM)\tReplicate\tFile\n5\tR3\tc.FCS\n7\t2\ta\n', rows, { row: 3, column: 'assay' });
    expect(after(edit, 2)).toMatchObject({ doseNm: 5, replicate: '3' });
    expect(after(edit, 0)).toMatchObject({ doseNm: 7, replicate: '2' });
    expect(edit.written).toBe(4);
  });
});

describe('importing and exporting the sheet as CSV', () => {
  it('lands a plate map by well when the files name their wells ($WELLID): "A01" is A1, every plate\'s tube in that well', () => {
    const plate: SheetRow[] = [['p1_a.fcs', 'A1'], ['p1_b.fcs', 'B01'], ['p2_a.fcs', 'A01'], ['p1_c.fcs', 'C1']].map(([fileName, well]) => ({ id: fileName, fileName, well, annotation: emptyAnnotation() }));
    const edit = applyTable(parseDelimited('Well,Compound,Concentration\nB1,Bz,5 nM\nA01,Ixa,10 nM\nH12,Ixa,100 nM\n'), plate);
    expect(edit.changes.get('p1_a.fcs')).toMatchObject({ compound: 'Ixa', doseNm: 10 });
    expect(edit.changes.get('p2_a.fcs')).toMatchObject({ compound: 'Ixa', doseNm: 10 });
    expect(edit.changes.get('p1_b.fcs')).toMatchObject({ compound: 'Bz', doseNm: 5 });
    expect(edit.changes.has('p1_c.fcs')).toBe(false);
    expect(edit.leftOut).toEqual(['no open file is from well "H12"']);
    // Files that name no well: the rows land in order, as before.
    expect(applyTable(parseDelimited('Well,Compound\nB1,Bz\n'), rows).changes.get(rows[0].id)).toEqual({ compound: 'Bz' });
  });

  it('round-trips through CSV, and an imported file reports unknown files and columns', () => {
    const edited = rows.map((row, k) => ({ ...row, annotation: { ...row.annotation, cellLine: 'MM1S', compound: 'Ixa', doseNm: 10 * k, doseUnit: 'µM' as const, timeH: 24, replicate: String(k + 1), label: k === 3 ? 'a, "b"' : '' } }));
    const csv = renderCsv(sheetTable(edited));
    expect(csv.split('\r\n')[0]).toBe('File,Assay,Role,Cell line,Compound,Concentration,Unit,Time,Time unit,Replicate,Condition label');
    const back = applyTable(parseDelimited(csv), rows);
    for (const [k, row] of edited.entries()) expect({ ...rows[k].annotation, ...back.changes.get(row.id) }).toEqual(row.annotation);
    const european = applyTable(parseDelimited('File;Concentration;Unit;Plate\nb.fcs;0,25;µM;P1\nz.fcs;1;nM;P1\n'), rows, 0, true);
    expect(european.changes.get('id-1')).toEqual({ doseNm: 250, doseUnit: 'µM' });
    expect(european.leftOut).toEqual(['the column "Plate" is not part of the sample sheet', '"z.fcs" is not open']);
  });
});

describe('fill down and set for the selected rows', () => {
  it('copies the first selected value down, numbers with their unit', () => {
    const source = rows.map((row, k) => (k === 1 ? { ...row, annotation: { ...row.annotation, doseNm: 500, doseUnit: 'µM' as const, compound: 'Bz' } } : row));
    const selected = new Set(['id-1', 'id-2', 'id-3']);
    const doses = fillDown(source, selected, 'concentration');
    expect(doses.changes.get('id-3')).toEqual({ doseNm: 500, doseUnit: 'µM' });
    expect(doses.changes.has('id-0')).toBe(false);
    expect(fillDown(source, selected, 'compound').changes.get('id-2')).toEqual({ compound: 'Bz' });
    const replicate = setCells(source, new Set(['id-0', 'id-2']), 'replicate', 'R2');
    expect([...replicate.changes]).toEqual([['id-0', { replicate: '2' }], ['id-2', { replicate: '2' }]]);
  });
});
