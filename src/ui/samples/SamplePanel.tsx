import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import type { SampleGroups } from '../../analysis/sampleGroups.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { MakeGroup } from './MakeGroup.tsx';
import { conditionsOf, EVERY_SAMPLE, type ListSection, listSamples, SECTION_NAMES, type SampleListQuery, type SampleSort, SORT_NAMES } from './sampleListModel.ts';
import { SampleListbox } from './SampleListbox.tsx';
import { SelectedSample } from './SelectedSample.tsx';

/** What the "Show" filter holds: every file, one section ("section:apoptosis"), or a sample group ("group:group-1"). */
interface Shown {
  section: ListSection | null;
  group: string | null;
}

function showValue({ section, group }: Shown): string {
  return group !== null ? `group:${group}` : section !== null ? `section:${section}` : '';
}

function parseShow(value: string): Shown {
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  return { section: kind === 'section' ? (id as ListSection) : null, group: kind === 'group' ? id : null };
}

/** The open files as a side panel: search, sort, filter by tubes, group and condition, the list, the selected file. */
export function SamplePanel() {
  const store = useStoreApi();
  const samples = useAppStore(useShallow((s) => s.samples));
  const selectedId = useAppStore((s) => s.selectedSampleId);
  const open = useAppStore((s) => s.samplePanelOpen);
  const groups = useAppStore((s) => s.gating.groups);
  const [query, setQuery] = useState<Omit<SampleListQuery, 'members'>>(EVERY_SAMPLE);
  const [group, setGroup] = useState<string | null>(null);
  const members = useMemo(() => (group !== null ? new Set(groups?.[group]?.sampleIds ?? []) : null), [group, groups]);
  const sections = useMemo(() => listSamples(samples, { ...query, members }), [samples, query, members]);
  const conditions = useMemo(() => conditionsOf(samples), [samples]);
  if (samples.length === 0) return null;
  const shownIds = sections.flatMap((s) => s.entries.map((e) => e.id));
  const change = (patch: Partial<SampleListQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const toggle = (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={open}
      aria-controls="sample-panel-body"
      aria-keyshortcuts="["
      title={open ? 'Hide the sample list ([)' : 'Show the sample list ([)'}
      onClick={() => store.getState().setSamplePanelOpen(!open)}
    >
      {open ? 'Hide' : `Samples (${samples.length})`}
    </button>
  );
  if (!open) return <div className="sample-panel collapsed">{toggle}</div>;
  return (
    <section className="sample-panel" aria-labelledby="samples-heading">
      <div className="sample-panel-head">
        <h2 id="samples-heading">Samples ({samples.length})</h2>
        {toggle}
      </div>
      <div id="sample-panel-body" className="sample-panel-body">
        <div className="sample-filters">
          <input
            id="sample-search"
            type="search"
            aria-label="Search samples by file name"
            aria-keyshortcuts="/"
            placeholder="Search file names ( / )"
            value={query.search}
            onChange={(e) => change({ search: e.currentTarget.value })}
          />
          <ShowFilter groups={groups} value={{ section: query.section, group }} onChange={(shown) => {
              change({ section: shown.section });
              setGroup(shown.group);
            }}
          />
          <label>
            Condition
            <select value={query.condition ?? ''} onChange={(e) => change({ condition: e.currentTarget.value || null })}>
              <option value="">All conditions</option>
              {conditions.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by
            <select value={query.sort} onChange={(e) => change({ sort: e.currentTarget.value as SampleSort })}>
              {Object.entries(SORT_NAMES).map(([sort, name]) => (
                <option key={sort} value={sort}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {shownIds.length < samples.length && (
          <div className="shown-files">
            <p className="hint" role="status">
              Showing {shownIds.length} of {samples.length} files.
            </p>
            {group === null && shownIds.length > 0 && <MakeGroup sampleIds={shownIds} onMade={(id) => setGroup(id)} />}
          </div>
        )}
        <SampleListbox sections={sections} selectedId={selectedId} onSelect={(id) => store.getState().selectSample(id)} />
        <SelectedSample />
      </div>
    </section>
  );
}

function ShowFilter({ groups, value, onChange }: { groups: SampleGroups | undefined; value: Shown; onChange(shown: Shown): void }) {
  return (
    <label>
      Show
      <select value={showValue(value)} onChange={(e) => onChange(parseShow(e.currentTarget.value))}>
        <option value="">All tubes</option>
        {Object.entries(SECTION_NAMES).map(([section, name]) => (
          <option key={section} value={`section:${section}`}>
            {name}
          </option>
        ))}
        {Object.values(groups ?? {}).map((g) => (
          <option key={g.id} value={`group:${g.id}`}>
            Group: {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}
