import { useEffect } from 'react';
import type { ViewId } from '../state/viewSlice.ts';
import { useStoreApi } from '../state/store.ts';
import { isShortcutKey } from './keys.ts';

/**
 * Page-wide one-key shortcuts (listed in the shortcut sheet): "?" the sheet, 1–9 the views in tab order, "[" the
 * sample list, "/" its search.
 */
export function useAppShortcuts(views: readonly ViewId[]): void {
  const store = useStoreApi();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutKey(event) || store.getState().openDialog !== null) return;
      const state = store.getState();
      const view = /^[1-9]$/.test(event.key) ? views[Number(event.key) - 1] : undefined;
      if (event.key === '?') state.showDialog('shortcuts');
      else if (view && state.samples.length > 0) {
        state.showView(view);
        requestAnimationFrame(() => document.getElementById(`tab-${view}`)?.focus());
      } else if (event.key === '[' && state.samples.length > 0) state.setSamplePanelOpen(!state.samplePanelOpen);
      else if (event.key === '/' && state.samples.length > 0) {
        state.setSamplePanelOpen(true);
        requestAnimationFrame(() => document.getElementById('sample-search')?.focus());
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, views]);
}
