/**
 * The drawing tools as one state machine: the tool in use is the state's `tool`, each event goes to its reducer,
 * and what the app must do comes back as effects. Pure: no DOM, no store, fed by the plot's pointer adapter.
 */
import { dragDraft, type DragToolState, reduceDragTool } from './dragTool.ts';
import { idleMultiRange, multiRangeDraft, type MultiRangeToolState, reduceMultiRangeTool } from './multiRangeTool.ts';
import type { ToolEvent } from './pointer.ts';
import { idlePolygon, polygonDraft, type PolygonToolState, reducePolygonTool } from './polygonTool.ts';
import { idleQuadrant, quadrantDraft, type QuadrantToolState, reduceQuadrantTool } from './quadrantTool.ts';
import { idleSelect, reduceSelectTool, type SelectContext, type SelectToolState } from './selectTool.ts';
import type { Draft } from './shapes.ts';
import type { Transition } from './transition.ts';

export type ToolState = SelectToolState | DragToolState | PolygonToolState | QuadrantToolState | MultiRangeToolState;
export type ToolKind = ToolState['tool'];

/** Tools of a density plot and of a histogram, in tool-bar order. */
export const DENSITY_TOOLS: readonly ToolKind[] = ['select', 'rectangle', 'polygon', 'ellipse', 'quadrant'];
export const HISTOGRAM_TOOLS: readonly ToolKind[] = ['select', 'range', 'multiRange'];

export function initialToolState(tool: ToolKind): ToolState {
  switch (tool) {
    case 'select':
      return idleSelect;
    case 'rectangle':
    case 'ellipse':
    case 'range':
      return { tool, phase: 'idle' };
    case 'polygon':
      return idlePolygon;
    case 'quadrant':
      return idleQuadrant;
    case 'multiRange':
      return idleMultiRange;
    default: {
      const unknown: never = tool;
      throw new Error(`unknown tool ${String(unknown)}`);
    }
  }
}

export function reduceTool(state: ToolState, event: ToolEvent, context: SelectContext): Transition<ToolState> {
  switch (state.tool) {
    case 'select':
      return reduceSelectTool(state, event, context);
    case 'rectangle':
    case 'ellipse':
    case 'range':
      return reduceDragTool(state, event, context.area);
    case 'polygon':
      return reducePolygonTool(state, event, context.area);
    case 'quadrant':
      return reduceQuadrantTool(state, event, context.area);
    case 'multiRange':
      return reduceMultiRangeTool(state, event, context.area);
    default: {
      const unknown: never = state;
      throw new Error(`unknown tool state ${JSON.stringify(unknown)}`);
    }
  }
}

/** The drawing in progress, if any. */
export function draftOf(state: ToolState): Draft | null {
  switch (state.tool) {
    case 'select':
      return null;
    case 'rectangle':
    case 'ellipse':
    case 'range':
      return dragDraft(state);
    case 'polygon':
      return polygonDraft(state);
    case 'quadrant':
      return quadrantDraft(state);
    case 'multiRange':
      return multiRangeDraft(state);
    default: {
      const unknown: never = state;
      throw new Error(`unknown tool state ${JSON.stringify(unknown)}`);
    }
  }
}

/** True while a drawing or a drag is under way: the tool then owns Esc, Enter and Backspace. */
export function isBusy(state: ToolState): boolean {
  switch (state.tool) {
    case 'select':
    case 'rectangle':
    case 'ellipse':
    case 'range':
      return state.phase !== 'idle';
    case 'polygon':
      return state.vertices.length > 0;
    case 'quadrant':
      return state.phase === 'placing';
    case 'multiRange':
      return state.boundaries.length > 0;
    default: {
      const unknown: never = state;
      throw new Error(`unknown tool state ${JSON.stringify(unknown)}`);
    }
  }
}
