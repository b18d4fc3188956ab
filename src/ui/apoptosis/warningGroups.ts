/**
 * The analysis's warnings sorted by what they concern, so each is shown next to it: controls by the sample roles,
 * compensation by the matrix, gates by the plots. The same message about several files is shown once, naming them.
 */
import type { ApoptosisWarning, ApoptosisWarningCode } from '../../apoptosis/warnings.ts';

export type WarningTopic = 'controls' | 'compensation' | 'gates';

const TOPIC_OF: Record<ApoptosisWarningCode, WarningTopic> = {
  COMPENSATION_MISSING: 'compensation',
  COMPENSATION_RESIDUAL: 'compensation',
  CONTROL_MISSING: 'controls',
  CONTROL_NOT_SEPARATED: 'controls',
  CONTROL_NOT_NEGATIVE: 'controls',
  VIABILITY_ALL_POSITIVE: 'controls',
  THRESHOLD_UNSET: 'controls',
  FEW_EVENTS: 'gates',
  NO_DEBRIS_VALLEY: 'gates',
  NO_SINGLET_GATE: 'gates',
};

export interface WarningGroup {
  code: ApoptosisWarningCode;
  message: string;
  /** Files it is about, in order; empty when it concerns the experiment. */
  files: string[];
}

export function groupWarnings(warnings: readonly ApoptosisWarning[], topic: WarningTopic): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const w of warnings) {
    if (TOPIC_OF[w.code] !== topic) continue;
    const group = groups.get(w.message) ?? { code: w.code, message: w.message, files: [] };
    if (w.file !== null && !group.files.includes(w.file)) group.files.push(w.file);
    groups.set(w.message, group);
  }
  return [...groups.values()];
}
