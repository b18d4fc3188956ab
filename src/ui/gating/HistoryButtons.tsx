import { useAppStore, useStoreApi } from '../../state/store.ts';

/** Undo and Redo of every gating change (the keyboard shortcuts do the same). */
export function HistoryButtons() {
  const store = useStoreApi();
  const canUndo = useAppStore((s) => s.past.length > 0 || s.gating !== s.committedGating);
  const canRedo = useAppStore((s) => s.future.length > 0);
  return (
    <div className="history-buttons">
      <button type="button" disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo the last gating change (Ctrl+Z)" onClick={() => store.getState().undo()}>
        Undo
      </button>
      <button type="button" disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)" onClick={() => store.getState().redo()}>
        Redo
      </button>
    </div>
  );
}
