import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import { annotationForRole, apoptosisRoleOf } from './sheetRoles.ts';

const sheet = (role: SampleAnnotation['role'], doseNm: number | null): SampleAnnotation => ({ ...emptyAnnotation(), assay: 'apoptosis', role, doseNm, timeH: 24 });

describe('apoptosis roles on the sample sheet', () => {
  it('reads the untreated role, and a sample at dose 0, as untreated; controls as themselves whatever their dose', () => {
    expect(apoptosisRoleOf(sheet('untreated', null))).toBe('untreated');
    expect(apoptosisRoleOf(sheet('sample', 0))).toBe('untreated');
    expect(apoptosisRoleOf(sheet('sample', 50))).toBe('sample');
    expect(apoptosisRoleOf(sheet('sample', null))).toBe('sample');
    expect(apoptosisRoleOf(sheet('piOnly', 0))).toBe('piOnly');
    expect(apoptosisRoleOf(null)).toBe('sample');
  });

  it('writes each role back so that it reads the same, keeping a treated dose', () => {
    for (const role of ['sample', 'untreated', 'unstained', 'annexinOnly', 'piOnly'] as const) {
      for (const start of [sheet('sample', 0), sheet('sample', 20), sheet('unstained', null), sheet('unstained', 0), sheet('untreated', 0)]) {
        expect(apoptosisRoleOf({ ...start, ...annotationForRole(role, start) })).toBe(role);
      }
    }
    expect(annotationForRole('annexinOnly', sheet('sample', 20))).toEqual({ role: 'annexinOnly' });
    expect(annotationForRole('sample', sheet('sample', 20))).toEqual({ role: 'sample' });
    expect(annotationForRole('untreated', sheet('sample', null))).toEqual({ role: 'untreated', doseNm: 0 });
  });
});
