import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import { conditionsOf, EVERY_SAMPLE, type ListSection, listSamples, SECTION_NAMES, type SampleListQuery, type SampleSort, SORT_NAMES } from './sampleListModel.ts';
import { SampleListbox } from './SampleListbox.tsx';
import { SelectedSample } from './SelectedSample.tsx';

/** The open files as a side panel: search, sort, filter by group and condition, the list, the selected file. */
export function SamplePanel() {
  const store = useStoreApi();
  const samples = useAppStore(useShallow((s) => s.samples));
  const selectedId = useAppStore((s) => s.selectedSampleId);
  const open = useAppStore((s) => s.samplePanelOpen);
  const [query, setQuery] = useState<SampleListQuery>(EVERY_SAMPLE);
  const sections = useMemo(() => listSamples(samples, query), [samples, query]);
  const conditions = useMemo(() => conditionsOf(samples), [samples]);
  if (samples.length === 0) return null;
  const shown = sections.reduce((n, s) => n + s.entries.length, 0);
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
          <input type="search" aria-label="Search samples by file name" placeholder="Search file names" value={query.search} onChange={(e) => change({ search: e.currentTarget.value })} />
          <label>
            Show
            <select value={query.section ?? ''} onChange={(e) => change({ section: (e.currentTarget.value || null) as ListSection | null })}>
              <option value="">All tubes</option>
              {Object.entries(SECTION_NAMES).map(([section, name]) => (
                <option key={section} value={section}>
                  {name}
                </option>
              ))}
            </select>
          </label>
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
        {shown < samples.length && (
          <p className="hint" role="status">
            Showing {shown} of {samples.length} files.
          </p>
        )}
        <SampleListbox sections={sections} selectedId={selectedId} onSelect={(id) => store.getState().selectSample(id)} />
        <SelectedSample />
      </div>
    </section>
  );
}
