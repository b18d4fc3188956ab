/**
 * Multi-range tool (histograms): each click places a boundary; a double-click or Enter ends the set, whose ranges
 * are the intervals between consecutive boundaries (at least two boundaries, one range). Backspace takes back the
 * last boundary, Esc drops the drawing.
 */
import { clampToArea, DRAG_THRESHOLD_PX, isDoubleClick, type LastClick, type PlotArea, type ToolEvent } from './pointer.ts';
import type { Draft } from './shapes.ts';
import { stay, type Transition } from './transition.ts';

export interface MultiRangeToolState {
  tool: 'multiRange';
  /** Pixel x in the order they were placed. */
  boundaries: number[];
  cursor: number | null;
  lastClick: LastClick | null;
}

export const idleMultiRange: MultiRangeToolState = { tool: 'multiRange', boundaries: [], cursor: null, lastClick: null };

const ascending = (values: readonly number[]) => values.toSorted((a, b) => a - b);

function finish(state: MultiRangeToolState): Transition<MultiRangeToolState> {
  if (state.boundaries.length < 2) return stay(state);
  return stay(idleMultiRange, [{ kind: 'create', shape: { kind: 'multiRange', boundaries: ascending(state.boundaries) } }]);
}

export function reduceMultiRangeTool(state: MultiRangeToolState, event: ToolEvent, area: PlotArea): Transition<MultiRangeToolState> {
  switch (event.kind) {
    case 'pointerDown': {
      const point = clampToArea(event.point, area);
      if (isDoubleClick(state.lastClick, point, event.time)) return state.boundaries.length >= 2 ? finish(state) : stay({ ...state, lastClick: null });
      const lastClick = { at: point, time: event.time };
      if (state.boundaries.some((x) => Math.abs(x - point.x) < DRAG_THRESHOLD_PX)) return stay({ ...state, lastClick });
      return stay({ ...state, boundaries: [...state.boundaries, point.x], cursor: point.x, lastClick });
    }
    case 'pointerMove':
      return stay({ ...state, cursor: clampToArea(event.point, area).x });
    case 'pointerUp':
      return stay(state);
    case 'pointerLeave':
      return stay({ ...state, cursor: null });
    case 'key':
      if (event.key === 'Escape') return stay(idleMultiRange);
      if (event.key === 'Enter') return finish(state);
      return stay({ ...state, boundaries: state.boundaries.slice(0, -1), lastClick: null });
    case 'cancel':
      return stay(idleMultiRange);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

export function multiRangeDraft(state: MultiRangeToolState): Draft | null {
  return state.boundaries.length === 0 ? null : { kind: 'multiRange', boundaries: ascending(state.boundaries), cursor: state.cursor };
}
