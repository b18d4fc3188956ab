/**
 * The sample groups as the gating views offer them: each with its name and how many open files it holds, and the
 * group a gate drawn on the selected sample goes to (its assay's tubes unless the user chose another).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { gateGroup, populationGates } from '../../analysis/gatingDocument.ts';
import { groupMembers } from '../../analysis/groupEdits.ts';
import { ASSAY_GROUP_NAMES, ALL_SAMPLES_NAME, type GroupId, groupContains, groupName, type SampleGroups } from '../../analysis/sampleGroups.ts';
import type { Assay } from '../../analysis/sampleSheet.ts';
import { useAppStore } from '../../state/store.ts';
import { useSampleStrategy } from './useSampleStrategy.ts';

export interface GroupOption {
  /** null: every sample. */
  id: GroupId | null;
  name: string;
  /** Open files in the group. */
  members: string[];
}

/** Open files with their assay, as a stable list of "id|assay" (re-renders only when either changes). */
export function useSampleAssays(): { id: string; assay: Assay | null }[] {
  const keys = useAppStore(useShallow((s) => s.samples.map((e) => `${e.annotation?.assay ?? ''}|${e.id}`)));
  return useMemo(() => keys.map((key) => ({ assay: (key.slice(0, key.indexOf('|')) || null) as Assay | null, id: key.slice(key.indexOf('|') + 1) })), [keys]);
}

/** Every group (all samples, the assays' tubes, the user's groups) with its open files. */
export function useGroupOptions(): GroupOption[] {
  const samples = useSampleAssays();
  const groups = useAppStore((s) => s.gating.groups);
  return useMemo(() => {
    const ids: (GroupId | null)[] = [null, ...(Object.keys(ASSAY_GROUP_NAMES) as Assay[]), ...Object.keys(groups ?? {})];
    return ids.map((id) => ({ id, name: id === null ? ALL_SAMPLES_NAME : groupName(groups, id), members: groupMembers(groups, id, samples) }));
  }, [samples, groups]);
}

/** The group new gates on this sample go to, from the user's choice ('sample', 'all' or a group id). */
export function drawingGroupOf(choice: string, groups: SampleGroups | undefined, sampleId: string, assay: Assay | null): GroupId | null {
  if (choice === 'all') return null;
  if (choice !== 'sample' && groupContains(groups, choice, sampleId, assay)) return choice;
  return assay;
}

/**
 * Population id → "Annexin V / PI tubes · 33 files": the group of the gate that makes it and its open files, for
 * the populations whose group is not simply their parent's (every root, and gates narrowed to another group).
 */
export function usePopulationGroups(sampleId: string): ReadonlyMap<string, string> {
  const options = useGroupOptions();
  const gating = useAppStore((s) => s.committedGating);
  const strategy = useSampleStrategy(sampleId, { committed: true });
  return useMemo(() => {
    const gates = populationGates(strategy);
    const out = new Map<string, string>();
    for (const [population, gate] of gates) {
      const group = gateGroup(gating, gate.id);
      const parent = gate.parentId === null ? undefined : gates.get(gate.parentId);
      if (parent && gateGroup(gating, parent.id) === group) continue;
      const option = options.find((o) => o.id === group);
      out.set(population, `${groupName(gating.groups, group)} · ${option?.members.length ?? 0} files`);
    }
    return out;
  }, [options, gating, strategy]);
}
