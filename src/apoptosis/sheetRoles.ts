/**
 * The sample sheet's roles as the Annexin V/PI analysis reads them. A sample at dose 0 is the untreated sample too,
 * so a sheet that only records doses still gives the analysis its physiological negative. FMO tubes belong to larger
 * panels: the two-colour analysis leaves them out (inApoptosisAnalysis), so they never reach these functions.
 */
import type { SampleAnnotation } from '../analysis/sampleSheet.ts';
import type { ApoptosisRole } from './populations.ts';

export const ROLE_CHOICES: readonly { role: ApoptosisRole; label: string }[] = [
  { role: 'sample', label: 'Sample' },
  { role: 'untreated', label: 'Untreated' },
  { role: 'unstained', label: 'Unstained control' },
  { role: 'annexinOnly', label: 'Annexin V only' },
  { role: 'piOnly', label: 'PI only' },
];

/** Whether the Annexin V/PI analysis takes the tube: the sheet puts it in the assay and it is not an FMO tube. */
export function inApoptosisAnalysis(annotation: SampleAnnotation | null): boolean {
  return annotation?.assay === 'apoptosis' && annotation.role !== 'fmo';
}

export function apoptosisRoleOf(annotation: SampleAnnotation | null): ApoptosisRole {
  if (!annotation) return 'sample';
  switch (annotation.role) {
    case 'sample':
    case 'fmo':
      return annotation.doseNm === 0 ? 'untreated' : 'sample';
    default:
      return annotation.role;
  }
}

/** The sheet change that gives a tube `role`; a dose-0 tube made a (treated) sample loses its 0 dose, to be filled in. */
export function annotationForRole(role: ApoptosisRole, current: SampleAnnotation | null): Partial<SampleAnnotation> {
  if (role === 'untreated') return current?.doseNm === null || current?.doseNm === undefined ? { role, doseNm: 0 } : { role };
  if (role === 'sample' && current?.doseNm === 0) return { role, doseNm: null };
  return { role };
}
