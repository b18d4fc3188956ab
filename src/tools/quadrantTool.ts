/**
 * Quadrant tool: a cross-hair follows the pointer; a click places the centre there. Pressing and dragging moves the
 * centre until release; Esc or a lost pointer cancels.
 */
import { clampToArea, type PlotArea, type Point, type ToolEvent } from './pointer.ts';
import type { Draft } from './shapes.ts';
import { stay, type Transition } from './transition.ts';

export type QuadrantToolState =
  /** `hover` is where the centre would go (null while the pointer is away). */
  | { tool: 'quadrant'; phase: 'idle'; hover: Point | null }
  | { tool: 'quadrant'; phase: 'placing'; centre: Point };

export const idleQuadrant: QuadrantToolState = { tool: 'quadrant', phase: 'idle', hover: null };

export function reduceQuadrantTool(state: QuadrantToolState, event: ToolEvent, area: PlotArea): Transition<QuadrantToolState> {
  switch (event.kind) {
    case 'pointerDown':
      return stay({ tool: 'quadrant', phase: 'placing', centre: clampToArea(event.point, area) });
    case 'pointerMove': {
      const point = clampToArea(event.point, area);
      return stay(state.phase === 'placing' ? { ...state, centre: point } : { ...state, hover: point });
    }
    case 'pointerUp':
      if (state.phase !== 'placing') return stay(state);
      return stay(idleQuadrant, [{ kind: 'create', shape: { kind: 'quadrant', centre: clampToArea(event.point, area) } }]);
    case 'pointerLeave':
      return stay(state.phase === 'idle' ? idleQuadrant : state);
    case 'key':
      return event.key === 'Escape' ? stay(idleQuadrant) : stay(state);
    case 'cancel':
      return stay(idleQuadrant);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

export function quadrantDraft(state: QuadrantToolState): Draft | null {
  const centre = state.phase === 'placing' ? state.centre : state.hover;
  return centre ? { kind: 'quadrant', centre } : null;
}
