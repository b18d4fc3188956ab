import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { DialogId } from '../../state/viewSlice.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';

interface DialogProps {
  id: DialogId;
  title: string;
  children: ReactNode;
  /** Buttons beside "Close" (a tour's Back and Next). */
  actions?: ReactNode;
  /** The closing button's text ("Skip the tour"). */
  closeLabel?: string;
}

/** A modal dialog of the app (the browser's <dialog>: opens at its title, focus kept inside, Esc closes, focus returns on close). */
export function Dialog({ id, title, children, actions, closeLabel = 'Close' }: DialogProps) {
  const store = useStoreApi();
  const headingId = useId();
  const open = useAppStore((s) => s.openDialog === id);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first control, the buttons at the end of a long help text, scrolled to its end: start at the title.
      heading.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="app-dialog" aria-labelledby={headingId} onClose={() => store.getState().openDialog === id && store.getState().showDialog(null)}>
      {open && (
        <>
          <h2 id={headingId} ref={heading} tabIndex={-1}>
            {title}
          </h2>
          <div className="app-dialog-body">{children}</div>
          <div className="app-dialog-actions">
            {actions}
            <button type="button" className="button" onClick={() => store.getState().showDialog(null)}>
              {closeLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
