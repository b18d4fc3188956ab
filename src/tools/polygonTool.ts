/**
 * Polygon tool: each click adds a vertex; clicking the first vertex again, a double-click or Enter closes the polygon
 * (3 vertices at least). Backspace takes back the last vertex, Esc drops the drawing.
 */
import { clampToArea, distance, DRAG_THRESHOLD_PX, HANDLE_RADIUS_PX, isDoubleClick, type LastClick, type PlotArea, type Point, type ToolEvent } from './pointer.ts';
import type { Draft } from './shapes.ts';
import { stay, type Transition } from './transition.ts';

export interface PolygonToolState {
  tool: 'polygon';
  vertices: Point[];
  cursor: Point | null;
  lastClick: LastClick | null;
}

export const idlePolygon: PolygonToolState = { tool: 'polygon', vertices: [], cursor: null, lastClick: null };

function close(state: PolygonToolState): Transition<PolygonToolState> {
  if (state.vertices.length < 3) return stay(state);
  return stay(idlePolygon, [{ kind: 'create', shape: { kind: 'polygon', vertices: state.vertices } }]);
}

function closesOnFirstVertex(state: PolygonToolState, point: Point): boolean {
  return state.vertices.length >= 3 && distance(point, state.vertices[0]) <= HANDLE_RADIUS_PX;
}

export function reducePolygonTool(state: PolygonToolState, event: ToolEvent, area: PlotArea): Transition<PolygonToolState> {
  switch (event.kind) {
    case 'pointerDown': {
      const point = clampToArea(event.point, area);
      if (closesOnFirstVertex(state, point)) return close(state);
      if (isDoubleClick(state.lastClick, point, event.time)) return state.vertices.length >= 3 ? close(state) : stay({ ...state, lastClick: null });
      const last = state.vertices.at(-1);
      const lastClick = { at: point, time: event.time };
      // A vertex on top of the last one, or on the first one before there are three, would only fold the outline.
      const first = state.vertices[0];
      if ((last && distance(last, point) < DRAG_THRESHOLD_PX) || (first && distance(first, point) <= HANDLE_RADIUS_PX)) return stay({ ...state, lastClick });
      return stay({ ...state, vertices: [...state.vertices, point], cursor: point, lastClick });
    }
    case 'pointerMove':
      return stay({ ...state, cursor: clampToArea(event.point, area) });
    case 'pointerUp':
      return stay(state);
    case 'pointerLeave':
      return stay({ ...state, cursor: null });
    case 'key':
      if (event.key === 'Escape') return stay(idlePolygon);
      if (event.key === 'Enter') return close(state);
      return stay({ ...state, vertices: state.vertices.slice(0, -1), lastClick: null });
    case 'cancel':
      return stay(idlePolygon);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

export function polygonDraft(state: PolygonToolState): Draft | null {
  if (state.vertices.length === 0) return null;
  return { kind: 'polygon', vertices: state.vertices, cursor: state.cursor, closing: state.cursor !== null && closesOnFirstVertex(state, state.cursor) };
}
