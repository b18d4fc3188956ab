/** What a tool asks of the app after an event; the tool itself never touches the document. */
import type { DrawableGate } from './placement.ts';
import type { DrawnShape } from './shapes.ts';

export type ToolEffect =
  /** A finished drawing, to become a new gate. */
  | { kind: 'create'; shape: DrawnShape }
  | { kind: 'select'; gateId: string | null }
  /** A step of a drag: show it (transient), do not record it. */
  | { kind: 'preview'; gate: DrawableGate }
  /** The end of a drag: record the edit as one undo step. */
  | { kind: 'commit'; gate: DrawableGate }
  /** A drag was cancelled: back to the gate as it was before. */
  | { kind: 'revert' };

export interface Transition<S> {
  state: S;
  effects: ToolEffect[];
}

export function stay<S>(state: S, effects: ToolEffect[] = []): Transition<S> {
  return { state, effects };
}
