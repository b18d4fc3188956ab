import { type ComponentType, lazy, type LazyExoticComponent, useContext } from 'react';
import { RetryCount } from './retryCount.ts';
import { loadChunk } from './loadChunk.ts';

/**
 * A view whose code loads when it is first shown (React.lazy), with retries (loadChunk). React.lazy remembers a
 * failure for good, so once the surrounding FaultBoundary's "Try again" is pressed, the view starts a new load.
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  let failed = false;
  const create = (): LazyExoticComponent<ComponentType> =>
    lazy(async () => {
      try {
        return { default: await loadChunk(load) };
      } catch (error) {
        failed = true;
        throw error;
      }
    });
  let View = create();
  let createdFor = 0;
  return function LazyView() {
    // Only a new "Try again" starts a new load: React re-renders a failed view before showing the fault notice.
    const retries = useContext(RetryCount);
    if (failed && retries !== createdFor) {
      failed = false;
      createdFor = retries;
      View = create();
    }
    return <View />;
  };
}
