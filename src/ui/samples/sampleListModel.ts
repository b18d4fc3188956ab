/**
 * What the side panel's sample list shows: the open files filtered by a search, a group and a condition, sorted,
 * under one heading per group (FlowJo's group headers), so 100+ files stay navigable.
 */
import type { Assay } from '../../analysis/sampleSheet.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { formatCondition } from '../format.ts';

export type SampleSort = 'opened' | 'name' | 'dose' | 'time';

export const SORT_NAMES: Readonly<Record<SampleSort, string>> = {
  opened: 'Order opened',
  name: 'File name',
  dose: 'Dose, then time',
  time: 'Time, then dose',
};

/** Where a file belongs in the list: its assay's tubes, or the state that keeps it out of any assay. */
export type ListSection = Assay | 'other' | 'opening' | 'missing' | 'unreadable';

export const SECTION_NAMES: Readonly<Record<ListSection, string>> = {
  apoptosis: 'Annexin V / PI tubes',
  cellCycle: 'PI DNA tubes',
  other: 'Other tubes',
  opening: 'Opening',
  missing: 'Missing (not in this browser)',
  unreadable: 'Could not be read',
};

const SECTION_ORDER: readonly ListSection[] = ['apoptosis', 'cellCycle', 'other', 'opening', 'missing', 'unreadable'];

export interface SampleListQuery {
  /** Words that must all appear in the file name (any case). */
  search: string;
  sort: SampleSort;
  /** Only this section's files; null for every file. */
  section: ListSection | null;
  /** Only files of this condition (see conditionKey); null for every condition. */
  condition: string | null;
  /** Only these files (a sample group's); null for every file. */
  members: ReadonlySet<string> | null;
}

export const EVERY_SAMPLE: SampleListQuery = { search: '', sort: 'opened', section: null, condition: null, members: null };

export interface ListedSection {
  section: ListSection;
  name: string;
  entries: SampleEntry[];
}

export function sectionOf(entry: SampleEntry): ListSection {
  // A workspace's file that is no longer kept in this browser (the worker's NOT_KEPT): the user is asked for it.
  if (entry.status.kind === 'error') return entry.status.error.code === 'NOT_KEPT' ? 'missing' : 'unreadable';
  if (entry.status.kind === 'loading' || !entry.annotation) return 'opening';
  return entry.annotation.assay ?? 'other';
}

/** "50 nM · 24 h", "24 h", or null when the sheet has neither dose nor time. */
export function conditionKey(entry: SampleEntry): string | null {
  const dose = entry.annotation?.doseNm ?? null;
  const time = entry.annotation?.timeH ?? null;
  const parts = [dose === null ? null : `${formatCondition(dose)} nM`, time === null ? null : `${formatCondition(time)} h`].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** One collator for every comparison: `localeCompare` with options builds one per call, too slow for 100 files. */
const fileNames = new Intl.Collator('en', { numeric: true });
const byName = (a: SampleEntry, b: SampleEntry) => fileNames.compare(a.fileName, b.fileName);

/** Unknown values sort last. */
function byValue(value: (e: SampleEntry) => number | null) {
  return (a: SampleEntry, b: SampleEntry) => (value(a) ?? Number.POSITIVE_INFINITY) - (value(b) ?? Number.POSITIVE_INFINITY);
}

const dose = (e: SampleEntry) => e.annotation?.doseNm ?? null;
const time = (e: SampleEntry) => e.annotation?.timeH ?? null;

function sorted(entries: SampleEntry[], sort: SampleSort): SampleEntry[] {
  if (sort === 'opened') return entries;
  const compare =
    sort === 'name'
      ? byName
      : (() => {
          const [first, second] = sort === 'dose' ? [byValue(dose), byValue(time)] : [byValue(time), byValue(dose)];
          return (a: SampleEntry, b: SampleEntry) => first(a, b) || second(a, b) || byName(a, b);
        })();
  return entries.toSorted(compare);
}

/** The conditions present, in dose then time order, for the condition filter. */
export function conditionsOf(samples: readonly SampleEntry[]): string[] {
  const seen = new Map<string, SampleEntry>();
  for (const entry of sorted([...samples], 'dose')) {
    const key = conditionKey(entry);
    if (key !== null && !seen.has(key)) seen.set(key, entry);
  }
  return [...seen.keys()];
}

export function listSamples(samples: readonly SampleEntry[], query: SampleListQuery): ListedSection[] {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = samples.filter(
    (e) =>
      words.every((w) => e.fileName.toLowerCase().includes(w)) &&
      (query.section === null || sectionOf(e) === query.section) &&
      (query.members === null || query.members.has(e.id)) &&
      (query.condition === null || conditionKey(e) === query.condition),
  );
  const ordered = sorted(shown, query.sort);
  return SECTION_ORDER.map((section) => ({ section, name: SECTION_NAMES[section], entries: ordered.filter((e) => sectionOf(e) === section) })).filter(
    (s) => s.entries.length > 0,
  );
}
