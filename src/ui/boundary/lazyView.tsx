import { type ComponentType, lazy, type LazyExoticComponent, useContext, useState } from 'react';
import { RetryCount } from './retryCount.ts';
import { loadChunk } from './loadChunk.ts';

/** A view whose code loads when it is first shown, or earlier when `preload` is called. */
export type LazyView = ComponentType & { preload(): void };

/**
 * A view whose code loads when it is first shown (React.lazy), with retries (loadChunk). React.lazy remembers a
 * failure for good, so once the surrounding FaultBoundary's "Try again" is pressed, the view starts a new load.
 * `preload` fetches the code ahead (once files are open), so the view appears at once when first shown, with no
 * "Loading…" step for a keyboard user's next Tab to fall through.
 */
export function lazyView(load: () => Promise<ComponentType>): LazyView {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const fetchView = (): Promise<ComponentType> =>
    (pending ??= loadChunk(load).then(
      (view) => (loaded = view),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  let failed = false;
  const create = (): LazyExoticComponent<ComponentType> =>
    lazy(async () => {
      try {
        return { default: await fetchView() };
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  let View = create();
  let createdFor = 0;
  // A failed preload says nothing: showing the view tries again and explains a failure there.
  const preload = () => void fetchView().catch(() => undefined);
  return Object.assign(function LazyView() {
    // Code already loaded when this view was shown renders directly; kept for the view's life, so it never remounts.
    const [Ready] = useState(() => loaded);
    // Only a new "Try again" starts a new load: React re-renders a failed view before showing the fault notice.
    const retries = useContext(RetryCount);
    if (Ready) return <Ready />;
    if (failed && retries !== createdFor) {
      failed = false;
      createdFor = retries;
      View = create();
    }
    return <View />;
  }, { preload });
}
