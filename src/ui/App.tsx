import { useAppStore } from '../state/store.ts';
import { FaultBoundary } from './boundary/FaultBoundary.tsx';
import { lazyView } from './boundary/lazyView.tsx';
import { DropZone } from './DropZone.tsx';
import { ExploreView } from './explore/ExploreView.tsx';
import { useGatingShortcuts } from './gating/useGatingShortcuts.ts';
import { HelpPanel } from './help/HelpPanel.tsx';
import { ShortcutSheet } from './help/ShortcutSheet.tsx';
import { Tour } from './help/Tour.tsx';
import { useAppShortcuts } from './useAppShortcuts.ts';
import { SamplePanel } from './samples/SamplePanel.tsx';
import { StartPanel } from './start/StartPanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';
import { RestoreBanner } from './workspace/RestoreBanner.tsx';
import { type ViewEntry, ViewTabs } from './ViewTabs.tsx';

/** The app's views, in tab order; the assay views load when first shown, so the first screen loads less. */
const VIEWS: readonly ViewEntry[] = [
  { id: 'explore', label: 'Explore and gate', Component: ExploreView },
  { id: 'sampleSheet', label: 'Sample sheet', Component: lazyView(async () => (await import('./samplesheet/SampleSheetView.tsx')).SampleSheetView) },
  { id: 'apoptosis', label: 'Apoptosis (Annexin V / PI)', Component: lazyView(async () => (await import('./apoptosis/ApoptosisView.tsx')).ApoptosisView) },
  { id: 'cellCycle', label: 'Cell cycle (PI DNA)', Component: lazyView(async () => (await import('./cellcycle/CellCycleView.tsx')).CellCycleView) },
  { id: 'experiment', label: 'Experiment', Component: lazyView(async () => (await import('./experiment/ExperimentView.tsx')).ExperimentView) },
];
const VIEW_IDS = VIEWS.map((view) => view.id);
const VIEW_LABELS = VIEWS.map((view) => view.label);

/** Keyboard users jump past the toolbar and the sample list straight to the view tabs. */
function SkipLink() {
  const active = useAppStore((s) => s.activeView);
  return (
    <a
      className="skip-link"
      href={`#tab-${active}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(`tab-${active}`)?.focus();
      }}
    >
      Skip to the analysis
    </a>
  );
}

export function App() {
  const engineError = useAppStore((s) => s.engineError);
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  const panelOpen = useAppStore((s) => s.samplePanelOpen);
  // Once for the whole page: undo/redo and gate deletion work the same in every view.
  useGatingShortcuts();
  useAppShortcuts(VIEW_IDS);
  const layout = !hasSamples ? 'app-body no-panel' : panelOpen ? 'app-body' : 'app-body panel-collapsed';
  return (
    <DropZone>
      <SkipLink />
      <FaultBoundary what="The toolbar" size="plot">
        <Toolbar />
      </FaultBoundary>
      {engineError && (
        <p role="alert" className="error banner">
          {engineError}
        </p>
      )}
      <UpdateBanner />
      <FaultBoundary what="The list of sessions kept in this browser" size="plot">
        <RestoreBanner />
      </FaultBoundary>
      <div className={layout}>
        <FaultBoundary what="The sample list" size="view">
          <SamplePanel />
        </FaultBoundary>
        <main className="main-area">
          <ViewTabs views={VIEWS} placeholder={hasSamples ? undefined : <StartPanel />} />
        </main>
      </div>
      <FaultBoundary what="Help" size="plot">
        <ShortcutSheet views={VIEW_LABELS} />
        <HelpPanel />
        <Tour />
      </FaultBoundary>
    </DropZone>
  );
}
