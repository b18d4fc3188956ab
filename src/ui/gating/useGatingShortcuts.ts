import { useEffect } from 'react';
import { removeGate } from '../../analysis/gatingDocument.ts';
import { useStoreApi } from '../../state/store.ts';
import { isTyping } from '../keys.ts';

/**
 * Page-wide gating keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (⌘ on a Mac), Delete or Backspace removes the
 * selected gate, Esc clears the selection. Keys typed into a field stay the field's (its own text undo included);
 * a tool that is drawing or dragging takes Esc, Enter and Backspace first.
 */
export function useGatingShortcuts(): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const state = store.getState();
      const key = event.key.toLowerCase();
      const command = event.ctrlKey || event.metaKey;
      if (command && key === 'z') state[event.shiftKey ? 'redo' : 'undo']();
      else if (command && key === 'y') state.redo();
      else if (!command && (event.key === 'Delete' || event.key === 'Backspace') && state.selectedGateId) {
        const id = state.selectedGateId;
        state.changeGating((d) => removeGate(d, id));
        state.selectGate(null);
      } else if (event.key === 'Escape' && state.selectedGateId) state.selectGate(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
