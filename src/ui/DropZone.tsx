import { type DragEvent, type ReactNode, useState } from 'react';
import { openFiles } from '../engine/openSamples.ts';
import { useStoreApi } from '../state/store.ts';
import { useClient } from './context.ts';

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/** Accepts FCS files dropped anywhere on the app (the toolbar's file picker is the keyboard way). */
export function DropZone({ children }: { children: ReactNode }) {
  const client = useClient();
  const store = useStoreApi();
  const [dragging, setDragging] = useState(false);

  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        void openFiles(Array.from(event.dataTransfer.files), client, store);
      }}
    >
      {children}
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop FCS files to open them
        </div>
      )}
    </div>
  );
}
