import { useState } from 'react';
import { openDemoExperiment, openFiles } from '../engine/openSamples.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { useClient } from './context.ts';
import { FilePickerButton } from './files/FilePickerButton.tsx';
import { WorkspaceButtons } from './workspace/WorkspaceButtons.tsx';

export function Toolbar() {
  const client = useClient();
  const store = useStoreApi();
  const hasSamples = useAppStore((s) => s.samples.length > 0);
  const [demoError, setDemoError] = useState<string | null>(null);

  return (
    <header className="toolbar">
      <h1 className="brand">FlowFate</h1>
      <FilePickerButton label="Open FCS files…" multiple primary onFiles={(files) => void openFiles(files, client, store)} />
      <button
        type="button"
        className="button"
        onClick={() => {
          setDemoError(null);
          openDemoExperiment(client, store).catch((error: unknown) => setDemoError(error instanceof Error ? error.message : String(error)));
        }}
      >
        Open demo experiment
      </button>
      <WorkspaceButtons />
      {demoError && (
        <p role="alert" className="error">
          {demoError}
        </p>
      )}
      {!hasSamples && <p className="hint">Drop FCS files anywhere. Files are read on this computer and never uploaded.</p>}
    </header>
  );
}
