import { useAppStore, useStoreApi } from '../state/store.ts';
import { Notice } from './Notice.tsx';
import { OpenButtons } from './start/OpenButtons.tsx';
import { WorkspaceButtons } from './workspace/WorkspaceButtons.tsx';

export function Toolbar() {
  const store = useStoreApi();
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  return (
    <header className="toolbar">
      <h1 className="brand">FlowFate</h1>
      {/* Before any file is open, the start screen offers these (each control exists once on the page). */}
      {hasSamples && <OpenButtons />}
      <WorkspaceButtons />
      <div className="help-buttons">
        <button type="button" className="button" onClick={() => store.getState().showDialog('help')}>
          Help
        </button>
        <button type="button" className="button" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={() => store.getState().showDialog('shortcuts')}>
          Shortcuts
        </button>
      </div>
      <Notice />
    </header>
  );
}
