import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type SampleAnnotation } from './sampleSheet.ts';
import { cellText, columnNamed, implausibleCells, readCell } from './sampleSheetCells.ts';

const tube: SampleAnnotation = { ...emptyAnnotation(), assay: 'apoptosis', doseNm: 50, timeH: 24 };
const change = (key: Parameters<typeof readCell>[0], text: string, annotation = tube) => {
  const reading = readCell(key, text, annotation);
  return reading.ok ? reading.change : reading.problem;
};

describe('sample sheet cells', () => {
  it('reads numbers with decimal commas and units in the cell, keeping the unit written', () => {
    expect(change('concentration', '0,5 µM')).toEqual({ doseNm: 500, doseUnit: 'µM' });
    expect(change('concentration', '100')).toEqual({ doseNm: 100, doseUnit: 'nM' });
    expect(change('concentration', '12.5nM')).toEqual({ doseNm: 12.5, doseUnit: 'nM' });
    expect(change('concentration', '')).toEqual({ doseNm: null, doseUnit: 'nM' });
    expect(change('time', '90 min')).toEqual({ timeH: 1.5, timeUnit: 'min' });
    expect(change('time', '3 d')).toEqual({ timeH: 72, timeUnit: 'd' });
  });

  it('refuses several numbers in one cell, negative doses and units of the wrong kind, in words', () => {
    expect(change('concentration', '10 20 50 100')).toMatch(/holds several numbers: one concentration per cell/);
    expect(change('concentration', '10\n20')).toMatch(/holds several numbers/);
    expect(change('concentration', '-5')).toMatch(/cannot be negative/);
    expect(change('concentration', '5 h')).toBe('"h" is not a unit of concentration.');
    expect(change('time', 'overnight')).toBe('"overnight" is not a time.');
  });

  it('re-reads the number shown when its unit is changed, as a spreadsheet would', () => {
    expect(change('doseUnit', 'uM')).toEqual({ doseUnit: 'µM', doseNm: 50_000 });
    expect(change('timeUnit', 'days')).toEqual({ timeUnit: 'd', timeH: 576 });
    expect(change('doseUnit', 'mg/ml')).toMatch(/not a concentration unit/);
  });

  it('reads roles, assays and replicate tags the ways labs write them', () => {
    expect(['Sample', 'untreated', 'DMSO', 'Vehicle', 'Unstained', 'Annexin V only', 'AnnV-only', 'PI only', 'FMO', 'fmo-AnnV'].map((t) => change('role', t))).toEqual(
      ['sample', 'untreated', 'untreated', 'untreated', 'unstained', 'annexinOnly', 'annexinOnly', 'piOnly', 'fmo', 'fmo'].map((role) => ({ role })),
    );
    expect(change('role', 'tube 3')).toMatch(/not a role/);
    expect(['Apoptosis (Annexin V/PI)', 'AnnV-PI', 'cell cycle', 'PI-DNA', 'Other', ''].map((t) => change('assay', t))).toEqual(
      ['apoptosis', 'apoptosis', 'cellCycle', 'cellCycle', null, null].map((assay) => ({ assay })),
    );
    expect(['R1', 'rep2', 'Rep 03', '#4', '2', 'repB', 'A', 'day1-a'].map((t) => change('replicate', t))).toEqual(
      ['1', '2', '3', '4', '2', 'B', 'A', 'day1-a'].map((replicate) => ({ replicate })),
    );
  });

  it('shows each cell in the tube\'s own unit, and reads back what it shows', () => {
    const micro = { ...tube, doseNm: 500, doseUnit: 'µM' as const, role: 'annexinOnly' as const };
    expect(cellText(micro, 'concentration')).toBe('0.5');
    expect(cellText(micro, 'role')).toBe('Annexin V only');
    expect(cellText(micro, 'assay')).toBe('Apoptosis (Annexin V/PI)');
    for (const key of ['assay', 'role', 'concentration', 'doseUnit', 'time', 'timeUnit'] as const) expect(change(key, cellText(micro, key), micro)).toMatchObject({});
    expect(readCell('concentration', cellText(micro, 'concentration'), micro)).toEqual({ ok: true, change: { doseNm: 500, doseUnit: 'µM' } });
  });

  it('names columns from the headers labs use', () => {
    expect(['Conc (nM)', 'Drug', 'Cell line', 'Timepoint', 'Rep', 'Unit', 'Time unit', 'Condition', 'Plate'].map(columnNamed)).toEqual(
      ['concentration', 'compound', 'cellLine', 'time', 'replicate', 'doseUnit', 'timeUnit', 'label', null],
    );
  });

  it('makes an impossible dose impossible to miss', () => {
    expect(implausibleCells({ ...tube, doseNm: 102_050_100 })).toEqual([
      { key: 'concentration', message: '102,050,100 nM is 0.102 M, far above any drug concentration used on cells: check it (were several values pasted into one cell?).' },
    ]);
    expect(implausibleCells({ ...tube, timeH: 24 * 365 })[0].message).toMatch(/^8,760 h is more than 30 days/);
    expect(implausibleCells(tube)).toEqual([]);
  });
});
