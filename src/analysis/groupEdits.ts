/** Making, renaming and deleting the user's sample groups of a gating document (sampleGroups.ts). */
import { type GatingDocument, gateGroup, setGateGroup, strategyForSample } from './gatingDocument.ts';
import { freshGroupId, type GroupId, groupContains, type SampleGroups } from './sampleGroups.ts';
import type { Assay } from './sampleSheet.ts';

/** Adds a group of the given samples; returns the document and the new group's id. */
export function addGroup(document: GatingDocument, name: string, sampleIds: readonly string[]): { document: GatingDocument; id: GroupId } {
  const id = freshGroupId(document.groups);
  return { document: { ...document, groups: { ...document.groups, [id]: { id, name: name.trim() || id, sampleIds: [...sampleIds] } } }, id };
}

/** Gates that belong to the group themselves (those below them go with them). */
export function gatesOfGroup(document: GatingDocument, id: GroupId): string[] {
  return Object.entries(document.scopes ?? {}).flatMap(([gateId, group]) => (group === id ? [gateId] : []));
}

/** Deletes a user's group that no gate belongs to (a group with gates is kept: deleting it would widen them). */
export function removeGroup(document: GatingDocument, id: GroupId): GatingDocument {
  if (!document.groups?.[id] || gatesOfGroup(document, id).length > 0) return document;
  const { [id]: _removed, ...groups } = document.groups;
  return { ...document, groups };
}

/** The samples of a group among those given (with their assay on the sample sheet). */
export function groupMembers(groups: SampleGroups | undefined, id: GroupId | null, samples: readonly { id: string; assay: Assay | null }[]): string[] {
  return samples.filter((s) => groupContains(groups, id, s.id, s.assay)).map((s) => s.id);
}

/** Puts a new gate in `group` unless it already belongs there through its parent. */
export function placeInGroup(document: GatingDocument, gateId: string, group: GroupId | null): GatingDocument {
  return gateGroup(document, gateId) === group ? document : setGateGroup(document, gateId, group);
}

/** The samples a gate applies to: where its group and every ancestor's hold them. */
export function samplesOfGate(document: GatingDocument, gateId: string, samples: readonly { id: string; assay: Assay | null }[]): string[] {
  return samples.filter((s) => strategyForSample(document, s.id, s.assay).gates.some((g) => g.id === gateId)).map((s) => s.id);
}
