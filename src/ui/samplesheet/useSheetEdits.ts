import { useState } from 'react';
import type { SampleAnnotation } from '../../analysis/sampleSheet.ts';
import type { SheetEdit } from '../../analysis/sampleSheetBlock.ts';
import { COLUMN_TITLES } from '../../analysis/sampleSheetCells.ts';
import type { AppStore } from '../../state/store.ts';

export interface SheetMessage {
  error: boolean;
  text: string;
  details: string[];
}

/** What an edit did, in words: cells written, cells refused and why, what did not land. */
export function describeEdit(edit: SheetEdit, what: string): SheetMessage {
  const tubes = edit.changes.size;
  const details = [
    ...edit.problems.map((p) => `${p.fileName}, ${COLUMN_TITLES[p.column]}: ${p.message}`),
    ...edit.leftOut.map((l) => `Not used: ${l}.`),
  ];
  const written = edit.written === 0 ? `${what}: nothing was written.` : `${what}: ${edit.written} ${edit.written === 1 ? 'cell' : 'cells'} of ${tubes} ${tubes === 1 ? 'tube' : 'tubes'} written.`;
  const refused = edit.problems.length === 0 ? '' : ` ${edit.problems.length} ${edit.problems.length === 1 ? 'cell was' : 'cells were'} not understood and kept ${edit.problems.length === 1 ? 'its value' : 'their values'}:`;
  return { error: edit.problems.length > 0 || edit.leftOut.length > 0 || edit.written === 0, text: written + refused, details };
}

/** Applies sheet edits to the store as one change each, and keeps the last one to undo. */
export function useSheetEdits(store: AppStore) {
  const [message, setMessage] = useState<SheetMessage | null>(null);
  const [undo, setUndo] = useState<{ what: string; before: Map<string, SampleAnnotation> } | null>(null);
  const apply = (edit: SheetEdit, what: string, quiet = false) => {
    if (edit.changes.size > 0) {
      const before = new Map(store.getState().samples.flatMap((e) => (e.annotation && edit.changes.has(e.id) ? [[e.id, e.annotation] as const] : [])));
      store.getState().annotateSamples(edit.changes);
      setUndo({ what, before });
    }
    // A typed cell says nothing when it is written; an older message would then describe something else.
    setMessage(quiet && edit.problems.length === 0 && edit.leftOut.length === 0 ? null : describeEdit(edit, what));
  };
  const undoLast = () => {
    if (!undo) return;
    store.getState().annotateSamples(undo.before);
    setMessage({ error: false, text: `Undone: ${undo.what.toLowerCase()}.`, details: [] });
    setUndo(null);
  };
  return { message, setMessage, apply, undo: undo && { what: undo.what, run: undoLast } };
}
