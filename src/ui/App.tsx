import { useAppStore } from '../state/store.ts';
import { DropZone } from './DropZone.tsx';
import { ExploreView } from './explore/ExploreView.tsx';
import { SampleList } from './SampleList.tsx';
import { Toolbar } from './Toolbar.tsx';

export function App() {
  const engineError = useAppStore((s) => s.engineError);
  return (
    <DropZone>
      <Toolbar />
      {engineError && (
        <p role="alert" className="error banner">
          {engineError}
        </p>
      )}
      <main className="workspace">
        <SampleList />
        <ExploreView />
      </main>
    </DropZone>
  );
}
