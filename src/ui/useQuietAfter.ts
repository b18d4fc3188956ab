import { useEffect, useState } from 'react';

/** What counts as the user doing something: pressing, typing, choosing, scrolling the plots. */
const ACTIVITY = ['pointerdown', 'keydown', 'change', 'input', 'wheel'] as const;

/**
 * True once `ready` has held for `quietMs` with no user activity, so work nobody asked for yet (statistics, the
 * histogram of another channel) starts only when it cannot delay what the user asks next. It stays true until `key`
 * changes (another sample on screen).
 */
export function useQuietAfter(ready: boolean, quietMs: number, key: string): boolean {
  const [quietFor, setQuietFor] = useState<string | null>(null);
  const quiet = quietFor === key;
  useEffect(() => {
    if (!ready || quiet) return;
    const setQuiet = () => setQuietFor(key);
    let timer = window.setTimeout(setQuiet, quietMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(setQuiet, quietMs);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
    };
  }, [ready, quiet, quietMs, key]);
  return quiet;
}
