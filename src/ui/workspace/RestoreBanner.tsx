import { useAppStore } from '../../state/store.ts';
import { usePersistence } from '../context.ts';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Offers the previous visit's session back (its files are kept in this browser) until the user decides. */
export function RestoreBanner() {
  const persistence = usePersistence();
  const previous = useAppStore((s) => s.previousSession);
  if (!previous) return null;
  const files = `${previous.fileCount} ${previous.fileCount === 1 ? 'file' : 'files'}`;
  return (
    <section className="banner restore" aria-label="Previous session">
      <p>
        Your last session ({files}, saved {when.format(new Date(previous.savedAt))}) can be restored: gates, sample sheet and analyses.
      </p>
      <button type="button" className="button primary" onClick={() => void persistence.restorePrevious()}>
        Restore last session
      </button>
      <button type="button" className="button" onClick={() => void persistence.discardPrevious()}>
        Discard it
      </button>
    </section>
  );
}
