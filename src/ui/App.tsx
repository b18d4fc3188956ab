import { useAppStore } from '../state/store.ts';
import { ApoptosisView } from './apoptosis/ApoptosisView.tsx';
import { CellCycleView } from './cellcycle/CellCycleView.tsx';
import { DropZone } from './DropZone.tsx';
import { ExploreView } from './explore/ExploreView.tsx';
import { useGatingShortcuts } from './gating/useGatingShortcuts.ts';
import { SampleList } from './SampleList.tsx';
import { Toolbar } from './Toolbar.tsx';
import { RestoreBanner } from './workspace/RestoreBanner.tsx';
import { type ViewEntry, ViewTabs } from './ViewTabs.tsx';

/** The app's views, in tab order; each assay view adds its entry here. */
const VIEWS: readonly ViewEntry[] = [
  { id: 'explore', label: 'Explore and gate', Component: ExploreView },
  { id: 'apoptosis', label: 'Apoptosis (Annexin V / PI)', Component: ApoptosisView },
  { id: 'cellCycle', label: 'Cell cycle (PI DNA)', Component: CellCycleView },
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
