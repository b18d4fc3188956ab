import { KEPT_SESSIONS } from '../../analysis/savedSessions.ts';
import { useAppStore } from '../../state/store.ts';
import type { SessionOffer } from '../../state/workspaceSlice.ts';
import { usePersistence } from '../context.ts';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;

/**
 * Offers the sessions kept in this browser back (the last one first, earlier ones on request) until the user
 * restores or discards each; says which kept sessions this version cannot read, and that other tabs save their own.
 */
export function RestoreBanner() {
  const persistence = usePersistence();
  const [last, ...earlier] = useAppStore((s) => s.savedSessions);
  const unreadable = useAppStore((s) => s.unreadableSessions);
  const otherTabs = useAppStore((s) => s.sessionsInOtherTabs);
  if (!last && unreadable.length === 0 && otherTabs === 0) return null;
  return (
    <section className="banner restore" aria-label="Saved sessions">
      {last && (
        <div className="session-offer">
          <p>
            Your last session ({files(last.fileCount)}, saved {when.format(new Date(last.savedAt))}) can be restored: gates, sample sheet and analyses.
          </p>
          <button type="button" className="button primary" onClick={() => void persistence.restore(last.key)}>
            Restore last session
          </button>
          <button type="button" className="button" onClick={() => void persistence.discard(last.key)}>
            Discard it
          </button>
        </div>
      )}
      {earlier.length > 0 && (
        <details className="earlier-sessions">
          <summary>Earlier sessions ({earlier.length})</summary>
          <ul>
            {earlier.map((session) => (
              <EarlierSession key={session.key} session={session} />
            ))}
          </ul>
          <p className="hint">This browser keeps your last {KEPT_SESSIONS} sessions; an older one is removed when a newer one takes its place.</p>
        </details>
      )}
      {unreadable.map((session) => (
        <p key={session.key} className="session-note">
          A session kept in this browser{session.savedAt ? ` (saved ${when.format(new Date(session.savedAt))})` : ''} is not offered: {session.reason}. It is kept until you
          remove it.{' '}
          <button type="button" className="button" onClick={() => void persistence.discard(session.key)}>
            Remove it
          </button>
        </p>
      ))}
      {otherTabs > 0 && (
        <p className="hint">
          FlowFate is also open in {otherTabs === 1 ? 'another tab' : `${otherTabs} other tabs`}; each tab saves its own session, and a tab&apos;s session is
          offered here once that tab is closed.
        </p>
      )}
    </section>
  );
}

function EarlierSession({ session }: { session: SessionOffer }) {
  const persistence = usePersistence();
  const saved = when.format(new Date(session.savedAt));
  return (
    <li>
      Saved {saved}, {files(session.fileCount)}{' '}
      <button type="button" className="button" aria-label={`Restore the session saved ${saved}`} onClick={() => void persistence.restore(session.key)}>
        Restore
      </button>
      <button type="button" className="button" aria-label={`Discard the session saved ${saved}`} onClick={() => void persistence.discard(session.key)}>
        Discard
      </button>
    </li>
  );
}
