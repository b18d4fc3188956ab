import { describe, expect, it } from 'vitest';
import { concentrationUnitOf, doseInUnit, emptyAnnotation, inferAssay, migrateAnnotation, timeInUnit, timeUnitOf, toHours, toNm } from './sampleSheet.ts';

describe('sample sheet units', () => {
  it('converts concentrations and times exactly as written', () => {
    expect(toNm(0.3, 'µM')).toBe(300);
    expect(toNm(50, 'pM')).toBe(0.05);
    expect(toHours(90, 'min')).toBe(1.5);
    expect(toHours(3, 'd')).toBe(72);
    expect(doseInUnit({ doseNm: 300, doseUnit: 'µM' })).toBe(0.3);
    expect(timeInUnit({ timeH: 72, timeUnit: 'd' })).toBe(3);
    expect(doseInUnit({ doseNm: null, doseUnit: 'nM' })).toBeNull();
  });

  it('reads units the ways spreadsheets and files write them', () => {
    expect(['nM', 'nm', 'uM', 'µM', '\u03bcM', 'mM', 'M', 'nmol/L'].map(concentrationUnitOf)).toEqual(['nM', 'nM', 'µM', 'µM', 'µM', 'mM', 'M', 'nM']);
    expect(concentrationUnitOf('mg/mL')).toBeNull();
    expect(concentrationUnitOf('MM')).toBeNull();
    expect(['h', 'hr', 'hours', 'min', 'days', 'weeks'].map(timeUnitOf)).toEqual(['h', 'h', 'h', 'min', 'd', null]);
  });
});

describe('saved sheets', () => {
  it('completes a row saved by the first version and keeps its numbers', () => {
    expect(migrateAnnotation({ assay: 'apoptosis', role: 'annexinOnly', doseNm: 50, timeH: 24 })).toEqual({
      ...emptyAnnotation(), assay: 'apoptosis', role: 'annexinOnly', doseNm: 50, timeH: 24,
    });
  });

  it('keeps a current row as it is and repairs unknown values rather than dropping the row', () => {
    const row = { ...emptyAnnotation(), assay: 'cellCycle' as const, role: 'fmo' as const, cellLine: 'MM1S', compound: 'Ixa', doseNm: 500, doseUnit: 'µM' as const, timeH: 48, timeUnit: 'd' as const, replicate: '2', label: '+ Z-VAD' };
    expect(migrateAnnotation(JSON.parse(JSON.stringify(row)))).toEqual(row);
    expect(migrateAnnotation({ role: 'mystery', doseNm: 'ten', doseUnit: 'furlong', replicate: 3 })).toEqual({ ...emptyAnnotation(), replicate: '3' });
    expect(migrateAnnotation(null)).toBeNull();
    expect(migrateAnnotation([1])).toBeNull();
  });
});

const tube = (...specs: [string, string | null][]) => specs.map(([name, label]) => ({ name, label }));

describe('assay from channels', () => {
  it('tells the assay from the channels', () => {
    expect(inferAssay([{ name: 'FSC-A', label: null }, { name: 'FITC-A', label: 'Annexin V' }, { name: 'PE-A', label: 'PI' }])).toBe('apoptosis');
    expect(inferAssay([{ name: 'FSC-A', label: null }, { name: 'PI-A', label: null }, { name: 'PI-W', label: null }])).toBe('cellCycle');
    expect(inferAssay([{ name: 'FSC-A', label: null }])).toBeNull();
  });

  it('reads the dyes that matter, not the detectors: Annexin V on any conjugate, a DNA dye without Annexin V', () => {
    expect(inferAssay(tube(['APC-A', 'Annexin V'], ['PerCP-Cy5-5-A', '7-AAD']))).toBe('apoptosis');
    expect(inferAssay(tube(['BV421-A', 'AnnV'], ['PE-A', 'SYTOX Orange']))).toBe('apoptosis');
    expect(inferAssay(tube(['FL1', 'PI'], ['SSC', null]))).toBe('cellCycle');
    expect(inferAssay(tube(['FL3-A', 'DRAQ5'], ['FL3-W', 'DRAQ5']))).toBe('cellCycle');
    expect(inferAssay(tube(['FITC-A', 'CD3'], ['PE-A', 'CD4']))).toBeNull();
    expect(inferAssay(tube(['FITC-A', null], ['PE-A', null]))).toBeNull();
    expect(inferAssay(tube(['BL 530/30-A', 'CD21;FITC'], ['BL 695/40-A', 'viability;7-AAD;695/40@488/A']))).toBeNull();
  });

  it('lets the file name decide only when no channel names a dye, or when a DNA-dye tube is named as an apoptosis control', () => {
    const calibur = ['FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL3-H'].map((name) => ({ name, label: null }));
    expect(inferAssay(calibur, 'AnnV-PI 24h 050nM')).toBe('apoptosis');
    expect(inferAssay(calibur, 'MM1S cell cycle 24h')).toBe('cellCycle');
    expect(inferAssay(calibur, 'tube 3')).toBeNull();
    expect(inferAssay([{ name: 'PE-A', label: 'PI' }], 'PI only')).toBe('apoptosis');
  });
});
