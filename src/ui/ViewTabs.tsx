import { type ComponentType, type KeyboardEvent, type ReactNode, Suspense, useEffect } from 'react';
import type { ViewId } from '../state/viewSlice.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { FaultBoundary } from './boundary/FaultBoundary.tsx';

export interface ViewEntry {
  id: ViewId;
  label: string;
  /** A view made by lazyView has `preload`: its code is fetched once files are open. */
  Component: ComponentType & { preload?: () => void };
}

interface ViewTabsProps {
  views: readonly ViewEntry[];
  /** Shown in the panel instead of the view (the start screen, before any file is open). */
  placeholder?: ReactNode;
}

/** WAI-ARIA tabs: arrow keys move between views, the active view's panel follows. */
export function ViewTabs({ views, placeholder }: ViewTabsProps) {
  const store = useStoreApi();
  const active = useAppStore((s) => s.activeView);
  const current = views.find((v) => v.id === active) ?? views[0];
  const started = placeholder === undefined;
  useEffect(() => {
    if (started) for (const view of views) view.Component.preload?.();
  }, [started, views]);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = views[(views.indexOf(current) + step + views.length) % views.length];
    store.getState().showView(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label="Views" className="view-tabs">
        {views.map((view) => (
          <button
            key={view.id}
            id={`tab-${view.id}`}
            type="button"
            role="tab"
            aria-selected={view.id === current.id}
            aria-controls={`panel-${view.id}`}
            tabIndex={view.id === current.id ? 0 : -1}
            onClick={() => store.getState().showView(view.id)}
            onKeyDown={onKeyDown}
          >
            {view.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="view-panel">
        <FaultBoundary key={current.id} what={`The ${current.label} view`} size="view">
          {placeholder ?? (
            <Suspense fallback={<p className="hint">Loading {current.label}…</p>}>
              <current.Component />
            </Suspense>
          )}
        </FaultBoundary>
      </div>
    </>
  );
}
