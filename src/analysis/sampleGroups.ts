/**
 * Sample groups, as FlowJo has them: gates belong to a group and apply to its samples only. Two groups always exist
 * and follow the sample sheet (a tube joins them by its assay): the Annexin V / PI tubes ('apoptosis') and the PI DNA
 * tubes ('cellCycle'). Users make more from any set of files ("48 h tubes"). A gate with no group applies to every
 * sample; the assays' ids were the gating document's first groups, so older documents read unchanged.
 */
import type { Assay } from './sampleSheet.ts';

export type GroupId = string;

/** A group the user made: its name and its members (session sample ids; a workspace stores them by file key). */
export interface SampleGroup {
  id: GroupId;
  name: string;
  sampleIds: string[];
}

export type SampleGroups = Readonly<Record<GroupId, SampleGroup>>;

export const ALL_SAMPLES_NAME = 'All samples';

/** The groups that follow the sample sheet's assay. */
export const ASSAY_GROUP_NAMES: Readonly<Record<Assay, string>> = {
  apoptosis: 'Annexin V / PI tubes',
  cellCycle: 'PI DNA tubes',
};

export function isAssayGroup(id: GroupId): id is Assay {
  return Object.hasOwn(ASSAY_GROUP_NAMES, id);
}

/** Whether a sample (with this assay on the sample sheet) is in the group; null is every sample. */
export function groupContains(groups: SampleGroups | undefined, groupId: GroupId | null, sampleId: string, assay: Assay | null): boolean {
  if (groupId === null) return true;
  if (isAssayGroup(groupId)) return assay === groupId;
  return groups?.[groupId]?.sampleIds.includes(sampleId) ?? false;
}

/** What the UI calls a group; null is every sample. A group deleted meanwhile is named by its id. */
export function groupName(groups: SampleGroups | undefined, groupId: GroupId | null): string {
  if (groupId === null) return ALL_SAMPLES_NAME;
  if (isAssayGroup(groupId)) return ASSAY_GROUP_NAMES[groupId];
  return groups?.[groupId]?.name ?? groupId;
}

/** "group-1", "group-2"…: an id no group (nor an assay) has. */
export function freshGroupId(groups: SampleGroups | undefined): GroupId {
  for (let n = 1; ; n++) {
    const id = `group-${n}`;
    if (!groups?.[id]) return id;
  }
}
