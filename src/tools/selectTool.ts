/**
 * Select tool: press on a gate to select it, drag it to move it, drag a handle to reshape it. Below the drag
 * threshold a press is a click (selection only). Each drag step is previewed (transient), the release commits the
 * edit as one undo step, and Esc or a lost pointer reverts it. Esc with nothing under way clears the selection.
 */
import { windingNumber } from '../gating/regions.ts';
import type { GateFigure, Handle } from './figures.ts';
import type { DrawableGate, PlacedGate } from './placement.ts';
import { clampToArea, distance, distanceToSegment, DRAG_THRESHOLD_PX, HANDLE_RADIUS_PX, type PlotArea, type Point, type ToolEvent } from './pointer.ts';
import { dragHandle, translateGate } from './reshape.ts';
import { stay, type ToolEffect, type Transition } from './transition.ts';

/** The gates on the plot as the select tool sees them. */
export interface SelectContext {
  /** In drawing order: later figures lie on top. */
  figures: readonly GateFigure[];
  placed: ReadonlyMap<string, PlacedGate>;
  selectedGateId: string | null;
  area: PlotArea;
}

/** What a press caught: a gate's handle, or the gate itself (handle null) to move it. */
export interface Grab {
  gateId: string;
  handle: Handle | null;
}

export type SelectToolState =
  | { tool: 'select'; phase: 'idle'; hover: Grab | null }
  | { tool: 'select'; phase: 'pointing'; origin: Point; grab: Grab | null }
  | { tool: 'select'; phase: 'dragging'; origin: Point; grab: Grab; original: PlacedGate; current: DrawableGate | null };

export const idleSelect: SelectToolState = { tool: 'select', phase: 'idle', hover: null };

function handleAt(figure: GateFigure, point: Point): Handle | null {
  return (
    figure.handles.find((h) => distance(h.at, point) <= HANDLE_RADIUS_PX) ??
    figure.handles.find((h) => h.along !== null && distanceToSegment(point, h.along[0], h.along[1]) <= HANDLE_RADIUS_PX) ??
    null
  );
}

function bodyContains(figure: GateFigure, point: Point): boolean {
  if (!figure.body) return false;
  const xs = Float64Array.from(figure.body, (p) => p.x);
  const ys = Float64Array.from(figure.body, (p) => p.y);
  return (windingNumber(xs, ys, point.x, point.y) & 1) !== 0;
}

/** The selected gate's handles and body first, then the other gates from the top down, handles before bodies. */
export function grabAt(context: SelectContext, point: Point): Grab | null {
  const selected = context.figures.find((f) => f.gateId === context.selectedGateId);
  const order = [...(selected ? [selected] : []), ...context.figures.toReversed().filter((f) => f !== selected)];
  for (const figure of order) {
    const handle = handleAt(figure, point);
    if (handle) return { gateId: figure.gateId, handle };
    if (bodyContains(figure, point)) return { gateId: figure.gateId, handle: null };
  }
  return null;
}

const sameGrab = (a: Grab | null, b: Grab | null) => a?.gateId === b?.gateId && JSON.stringify(a?.handle?.target) === JSON.stringify(b?.handle?.target);

function edited(original: PlacedGate, grab: Grab, delta: Point, area: PlotArea): DrawableGate | null {
  if (delta.x === 0 && delta.y === 0) return original.gate;
  return grab.handle ? dragHandle(original, grab.handle, delta, area) : translateGate(original, delta);
}

/** Commits a drag, or reverts it when it changed nothing (so no empty undo step is recorded). */
function finish(state: Extract<SelectToolState, { phase: 'dragging' }>): ToolEffect[] {
  const unchanged = state.current === null || JSON.stringify(state.current) === JSON.stringify(state.original.gate);
  return [unchanged ? { kind: 'revert' } : { kind: 'commit', gate: state.current as DrawableGate }];
}

export function reduceSelectTool(state: SelectToolState, event: ToolEvent, context: SelectContext): Transition<SelectToolState> {
  switch (event.kind) {
    case 'pointerDown': {
      const origin = clampToArea(event.point, context.area);
      const grab = grabAt(context, origin);
      const gateId = grab?.gateId ?? null;
      return stay({ tool: 'select', phase: 'pointing', origin, grab }, gateId === context.selectedGateId ? [] : [{ kind: 'select', gateId }]);
    }
    case 'pointerMove': {
      const point = clampToArea(event.point, context.area);
      if (state.phase === 'idle') {
        const hover = grabAt(context, point);
        return stay(sameGrab(hover, state.hover) ? state : { ...state, hover });
      }
      const delta = { x: point.x - state.origin.x, y: point.y - state.origin.y };
      if (state.phase === 'pointing') {
        const original = state.grab && context.placed.get(state.grab.gateId);
        if (!state.grab || !original || distance(state.origin, point) < DRAG_THRESHOLD_PX) return stay(state);
        const current = edited(original, state.grab, delta, context.area);
        return stay({ tool: 'select', phase: 'dragging', origin: state.origin, grab: state.grab, original, current }, current ? [{ kind: 'preview', gate: current }] : []);
      }
      const current = edited(state.original, state.grab, delta, context.area);
      // An invalid step (off the scale) keeps the last valid shape.
      if (!current) return stay(state);
      return stay({ ...state, current }, [{ kind: 'preview', gate: current }]);
    }
    case 'pointerUp': {
      if (state.phase !== 'dragging') return stay(idleSelect);
      const point = clampToArea(event.point, context.area);
      const current = edited(state.original, state.grab, { x: point.x - state.origin.x, y: point.y - state.origin.y }, context.area) ?? state.current;
      return stay(idleSelect, finish({ ...state, current }));
    }
    case 'pointerLeave':
      return stay(state.phase === 'idle' ? idleSelect : state);
    case 'key':
      if (event.key !== 'Escape') return stay(state);
      if (state.phase === 'dragging') return stay(idleSelect, [{ kind: 'revert' }]);
      if (state.phase === 'idle' && context.selectedGateId !== null) return stay(idleSelect, [{ kind: 'select', gateId: null }]);
      return stay(idleSelect);
    case 'cancel':
      return stay(idleSelect, state.phase === 'dragging' ? [{ kind: 'revert' }] : []);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
