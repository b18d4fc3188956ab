import { useId, useState } from 'react';
import { addGroup } from '../../analysis/groupEdits.ts';
import { useStoreApi } from '../../state/store.ts';

/** Makes a sample group of the files the list shows now (e.g. every "48h" file): gates can then be drawn for it. */
export function MakeGroup({ sampleIds, onMade }: { sampleIds: readonly string[]; onMade(id: string): void }) {
  const store = useStoreApi();
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (!naming) {
    return (
      <button type="button" className="button small" onClick={() => setNaming(true)}>
        Make a group of these {sampleIds.length} files…
      </button>
    );
  }
  const make = () => {
    const { gating, changeGating, notify } = store.getState();
    const made = addGroup(gating, name, sampleIds);
    changeGating(() => made.document);
    notify({ error: false, text: `Made the group “${name.trim() || made.id}” of ${sampleIds.length} files.`, detail: 'Gates drawn in Explore on its files can now apply to this group only.' });
    setNaming(false);
    setName('');
    onMade(made.id);
  };
  return (
    <form
      className="make-group"
      aria-label="New sample group"
      onSubmit={(event) => {
        event.preventDefault();
        make();
      }}
    >
      <label htmlFor={id}>Group name</label>
      <input id={id} value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder="e.g. 48 h tubes" />
      <button type="submit" className="button primary small">
        Make group
      </button>
      <button type="button" className="button small" onClick={() => setNaming(false)}>
        Cancel
      </button>
    </form>
  );
}
