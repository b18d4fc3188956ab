import { useAppStore } from '../state/store.ts';
import { lazy } from 'react';
import { DropZone } from './DropZone.tsx';
import { ExploreView } from './explore/ExploreView.tsx';
import { useGatingShortcuts } from './gating/useGatingShortcuts.ts';
import { SampleList } from './SampleList.tsx';
import { Toolbar } from './Toolbar.tsx';
import { RestoreBanner } from './workspace/RestoreBanner.tsx';
import { type ViewEntry, ViewTabs } from './ViewTabs.tsx';

/** The app's views, in tab order; the assay views load when first shown, so the first screen loads less. */
const VIEWS: readonly ViewEntry[] = [
  { id: 'explore', label: 'Explore and gate', Component: ExploreView },
  { id: 'apoptosis', label: 'Apoptosis (Annexin V / PI)', Component: lazy(async () => ({ default: (await import('./apoptosis/ApoptosisView.tsx')).ApoptosisView })) },
  { id: 'cellCycle', label: 'Cell cycle (PI DNA)', Component: lazy(async () => ({ default: (await import('./cellcycle/CellCycleView.tsx')).CellCycleView })) },
];

export function App() {
  const engineError = useAppStore((s) => s.engineError);
  // Once for the whole page: undo/redo and gate deletion work the same in every view.
  useGatingShortcuts();
  return (
    <DropZone>
      <Toolbar />
      {engineError && (
        <p role="alert" className="error banner">
          {engineError}
        </p>
      )}
      <main className="workspace">
        <RestoreBanner />
        <SampleList />
        <ViewTabs views={VIEWS} />
      </main>
    </DropZone>
  );
}
