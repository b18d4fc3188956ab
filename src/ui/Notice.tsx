import { useEffect, useRef } from 'react';
import { useAppStore, useStoreApi } from '../state/store.ts';
import type { Notice as NoticeMessage } from '../state/viewSlice.ts';

/** How long a success message stays before it goes away by itself; errors stay until dismissed. */
const SUCCESS_SHOWN_MS = 8000;

/** A message in words, the technical detail on its own line; a success goes away by itself. */
export function MessageLine({ message, onDismiss }: { message: NoticeMessage; onDismiss(): void }) {
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (message.error) return;
    const timer = setTimeout(() => dismiss.current(), SUCCESS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div role={message.error ? 'alert' : 'status'} className={message.error ? 'notice error' : 'notice'}>
      <p>{message.text}</p>
      {message.detail && <p className="notice-detail">{message.detail}</p>}
      <button type="button" className="icon" aria-label="Dismiss this message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/** The outcome of the last thing the user opened. */
export function Notice() {
  const store = useStoreApi();
  const notice = useAppStore((s) => s.notice);
  return notice && <MessageLine message={notice} onDismiss={() => store.getState().notify(null)} />;
}
