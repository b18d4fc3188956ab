/**
 * Rectangle, ellipse and range tools: press, drag, release. A press that moves less than the drag threshold is a
 * click and draws nothing, as does a box thinner than MIN_SHAPE_PX; Esc or a lost pointer cancels.
 */
import { clampToArea, distance, DRAG_THRESHOLD_PX, MIN_SHAPE_PX, type PlotArea, type Point, type ToolEvent } from './pointer.ts';
import type { Draft, DrawnShape } from './shapes.ts';
import { stay, type Transition } from './transition.ts';

export type DragToolKind = 'rectangle' | 'ellipse' | 'range';

export type DragToolState =
  | { tool: DragToolKind; phase: 'idle' }
  | { tool: DragToolKind; phase: 'pointing'; origin: Point }
  | { tool: DragToolKind; phase: 'dragging'; origin: Point; current: Point };

function shapeOf(tool: DragToolKind, from: Point, to: Point): Extract<DrawnShape, { kind: DragToolKind }> {
  return tool === 'range' ? { kind: 'range', from: from.x, to: to.x } : { kind: tool, from, to };
}

function bigEnough(tool: DragToolKind, from: Point, to: Point): boolean {
  const wide = Math.abs(to.x - from.x) >= MIN_SHAPE_PX;
  return tool === 'range' ? wide : wide && Math.abs(to.y - from.y) >= MIN_SHAPE_PX;
}

export function reduceDragTool(state: DragToolState, event: ToolEvent, area: PlotArea): Transition<DragToolState> {
  const idle: DragToolState = { tool: state.tool, phase: 'idle' };
  switch (event.kind) {
    case 'pointerDown':
      return stay({ tool: state.tool, phase: 'pointing', origin: clampToArea(event.point, area) });
    case 'pointerMove': {
      if (state.phase === 'idle') return stay(state);
      const current = clampToArea(event.point, area);
      if (state.phase === 'pointing' && distance(state.origin, current) < DRAG_THRESHOLD_PX) return stay(state);
      return stay({ tool: state.tool, phase: 'dragging', origin: state.origin, current });
    }
    case 'pointerUp': {
      if (state.phase !== 'dragging') return stay(idle);
      const current = clampToArea(event.point, area);
      if (!bigEnough(state.tool, state.origin, current)) return stay(idle);
      return stay(idle, [{ kind: 'create', shape: shapeOf(state.tool, state.origin, current) }]);
    }
    case 'pointerLeave':
      return stay(state);
    case 'key':
      return event.key === 'Escape' ? stay(idle) : stay(state);
    case 'cancel':
      return stay(idle);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

export function dragDraft(state: DragToolState): Draft | null {
  return state.phase === 'dragging' ? shapeOf(state.tool, state.origin, state.current) : null;
}
