/**
 * Runs the latest piece of work handed to it in a task of its own, so the event that hands it over ends (and the frame
 * it changed can be painted) first; work handed over meanwhile replaces the waiting piece.
 */
export function createLatestTask(): { run(work: () => void): void; cancel(): void } {
  const channel = new MessageChannel();
  let waiting: (() => void) | null = null;
  let posted = false;
  channel.port1.addEventListener('message', () => {
    posted = false;
    const work = waiting;
    waiting = null;
    work?.();
  });
  channel.port1.start();
  return {
    run(work) {
      waiting = work;
      if (posted) return;
      posted = true;
      channel.port2.postMessage(null);
    },
    cancel() {
      waiting = null;
    },
  };
}
