import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../state/store.ts';

/** How long a success message stays before it goes away by itself; errors stay until dismissed. */
const SUCCESS_SHOWN_MS = 8000;

/** The outcome of the last thing the user opened, in words, with the technical detail on its own line. */
export function Notice() {
  const store = useStoreApi();
  const notice = useAppStore((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.error) return;
    const timer = setTimeout(() => {
      if (store.getState().notice === notice) store.getState().notify(null);
    }, SUCCESS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div role={notice.error ? 'alert' : 'status'} className={notice.error ? 'notice error' : 'notice'}>
      <p>{notice.text}</p>
      {notice.detail && <p className="notice-detail">{notice.detail}</p>}
      <button type="button" className="icon" aria-label="Dismiss this message" onClick={() => store.getState().notify(null)}>
        ×
      </button>
    </div>
  );
}
