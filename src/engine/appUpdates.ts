/**
 * Registers the service worker (src/offline/serviceWorker.ts) in the built app and tells the page when a newer
 * version is ready, or has taken over in another tab. The newer version is used only after the user agrees to a
 * reload (the session is autosaved, and saved again as the page unloads).
 */
import { useSyncExternalStore } from 'react';

export type AppUpdate = 'current' | 'ready' | 'replaced';

let update: AppUpdate = 'current';
let registration: ServiceWorkerRegistration | null = null;
let reloadWhenReplaced = false;
const listeners = new Set<() => void>();

function announce(next: AppUpdate): void {
  update = next;
  for (const listener of listeners) listener();
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // On the first visit the first version takes the page over: it is the version already running, nothing to say.
  let controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    if (reloadWhenReplaced) location.reload();
    else announce('replaced');
  });
  container.register(`${import.meta.env.BASE_URL}sw.js`).then(
    (registered: ServiceWorkerRegistration | undefined) => {
      // Undefined where service workers are blocked (some test browsers): the app works, only not offline.
      if (!registered) return;
      registration = registered;
      // Once a version is active, it keeps the demo experiment for offline use (in the background).
      void container.ready.then((ready) => ready.active?.postMessage({ type: 'KEEP_DEMO' }, []));
      const waitFor = (worker: ServiceWorker) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && container.controller) announce('ready');
        });
      if (registered.waiting && container.controller) announce('ready');
      if (registered.installing) waitFor(registered.installing);
      registered.addEventListener('updatefound', () => registered.installing && waitFor(registered.installing));
    },
    // Without a service worker the app still works, only not offline.
    () => undefined,
  );
}

/** Switches to the newer version and reloads the page into it. */
export function switchToNewVersion(): void {
  reloadWhenReplaced = true;
  if (registration?.waiting) registration.waiting.postMessage({ type: 'SKIP_WAITING' }, []);
  else location.reload();
}

export function useAppUpdate(): AppUpdate {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => update,
  );
}
