/**
 * Gates on a plot from the keyboard: the plot's gate layer takes the focus (one Tab stop); Enter picks the next gate
 * (Shift+Enter the previous), the arrow keys move the picked gate one pixel (ten with Shift), F2 opens its
 * coordinates for typing. Delete and Esc are the page's (useGatingShortcuts).
 */
import type { Point } from '../../tools/pointer.ts';

const ARROWS: Readonly<Record<string, Point>> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};
const BIG_STEP = 10;

export type GateKeyAction = { kind: 'pick'; gateId: string } | { kind: 'move'; gateId: string; delta: Point } | { kind: 'edit'; gateId: string } | null;

/** What a key pressed on a plot's gate layer does, given the plot's gates (in drawing order) and the picked one. */
export function gateKeyAction(key: string, shift: boolean, gateIds: readonly string[], picked: string | null): GateKeyAction {
  if (gateIds.length === 0) return null;
  const current = picked !== null && gateIds.includes(picked) ? picked : null;
  if (key === 'Enter') {
    const step = shift ? -1 : 1;
    const from = current === null ? (shift ? 0 : -1) : gateIds.indexOf(current);
    return { kind: 'pick', gateId: gateIds[(from + step + gateIds.length) % gateIds.length] };
  }
  if (current === null) return null;
  const arrow = ARROWS[key];
  if (arrow) {
    const step = shift ? BIG_STEP : 1;
    return { kind: 'move', gateId: current, delta: { x: arrow.x * step, y: arrow.y * step } };
  }
  return key === 'F2' ? { kind: 'edit', gateId: current } : null;
}
