/**
 * Which sessions are open in a page right now. Each page holds a Web Lock named after its session for as long as it
 * lives (the browser releases it when the page goes, even on a crash), so a session being worked on in another tab
 * is never offered for restoring here. A tab remembers its last session across reloads in sessionStorage.
 */
const LOCK_PREFIX = 'flowfate-session-lock:';
const TAB_SESSION = 'flowfate-tab-session';
/** How long a reloaded page waits for the page it replaces to let go of its session. */
const RELOAD_WAIT_MS = 3000;
const POLL_MS = 100;

const locks: LockManager | undefined = typeof navigator !== 'undefined' ? navigator.locks : undefined;

/** Holds the lock of `sessionKey` until the page goes. Without Web Locks (older browsers) nothing is held. */
export function holdSession(sessionKey: string): void {
  void locks?.request(`${LOCK_PREFIX}${sessionKey}`, () => new Promise<never>(() => undefined));
}

/** Keys of the sessions held by any open page (this one included). */
export async function liveSessions(): Promise<Set<string>> {
  const snapshot = await locks?.query();
  const names = (snapshot?.held ?? []).map((lock) => lock.name ?? '');
  return new Set(names.filter((name) => name.startsWith(LOCK_PREFIX)).map((name) => name.slice(LOCK_PREFIX.length)));
}

/**
 * Makes `sessionKey` this tab's session (remembered across reloads) and returns the one it had before the reload,
 * if any. The page that was reloaded may still hold that one for a moment: this waits (up to 3 s) until it is let
 * go, so that the tab's own last session is offered back, unless another tab really has it (a duplicated tab).
 */
export async function takeTabSession(sessionKey: string): Promise<{ previous: string | null; live: Set<string> }> {
  const previous = sessionStorage.getItem(TAB_SESSION);
  sessionStorage.setItem(TAB_SESSION, sessionKey);
  holdSession(sessionKey);
  let live = await liveSessions();
  if (previous !== null) {
    const deadline = Date.now() + RELOAD_WAIT_MS;
    while (live.has(previous) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      live = await liveSessions();
    }
  }
  return { previous, live };
}
