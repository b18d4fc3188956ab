/**
 * Work that can wait (keeping an opened file in this browser) runs in the worker's quiet time: only once nothing has
 * arrived or finished for QUIET_MS, so a file being kept never competes with the first plot of a file just opened,
 * a drag or an analysis (on a 2-core machine, keeping a 180 MB file alongside its first plot made that plot ~0.5 s
 * later).
 */
const QUIET_MS = 300;

let lastActivity = 0;

/** Marks the worker busy now (a message arrived, a call finished). */
export function noteActivity(): void {
  lastActivity = performance.now();
}

/** Resolves once QUIET_MS have passed without activity. */
export async function quietTime(): Promise<void> {
  for (;;) {
    const wait = lastActivity + QUIET_MS - performance.now();
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
