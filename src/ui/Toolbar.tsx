import { useAppStore } from '../state/store.ts';
import { Notice } from './Notice.tsx';
import { OpenButtons } from './start/OpenButtons.tsx';
import { WorkspaceButtons } from './workspace/WorkspaceButtons.tsx';

export function Toolbar() {
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  return (
    <header className="toolbar">
      <h1 className="brand">FlowFate</h1>
      {/* Before any file is open, the start screen offers these (each control exists once on the page). */}
      {hasSamples && <OpenButtons />}
      <WorkspaceButtons />
      <Notice />
    </header>
  );
}
