/**
 * The sample sheet knows four roles (sample, unstained, Annexin V-only, PI-only); the analysis also knows the
 * untreated double-stained sample, the physiological negative. An untreated tube is a sample with no drug, so the
 * sheet records it as a sample at dose 0 and the analysis reads it back as 'untreated': one fact, stored once.
 */
import type { SampleAnnotation } from '../../analysis/sampleSheet.ts';
import type { ApoptosisRole } from '../../apoptosis/populations.ts';

export const ROLE_CHOICES: readonly { role: ApoptosisRole; label: string }[] = [
  { role: 'sample', label: 'Sample' },
  { role: 'untreated', label: 'Untreated (dose 0)' },
  { role: 'unstained', label: 'Unstained control' },
  { role: 'annexinOnly', label: 'Annexin V only' },
  { role: 'piOnly', label: 'PI only' },
];

export function apoptosisRoleOf(annotation: SampleAnnotation | null): ApoptosisRole {
  if (!annotation || annotation.role === 'sample') return annotation?.doseNm === 0 ? 'untreated' : 'sample';
  return annotation.role;
}

/** The sheet change that gives a tube `role`; a dose-0 tube made a (treated) sample loses its 0 dose, to be filled in. */
export function annotationForRole(role: ApoptosisRole, current: SampleAnnotation | null): Partial<SampleAnnotation> {
  switch (role) {
    case 'untreated':
      return { role: 'sample', doseNm: 0 };
    case 'sample':
      return current?.doseNm === 0 ? { role: 'sample', doseNm: null } : { role: 'sample' };
    default:
      return { role };
  }
}
