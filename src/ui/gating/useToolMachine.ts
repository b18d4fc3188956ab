/**
 * Adapts DOM pointer and key events of a plot's gate layer to the pure tool machine. Each event is reduced and
 * rendered inside its own handler (flushSync), so the gate's figure moves in the frame the pointer event belongs to,
 * never one frame later; browsers already deliver pointer moves at most once per frame while the pointer is held.
 */
import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Point, ToolEvent, ToolKey } from '../../tools/pointer.ts';
import type { SelectContext } from '../../tools/selectTool.ts';
import { initialToolState, isBusy, reduceTool, type ToolKind, type ToolState } from '../../tools/tool.ts';
import type { ToolEffect } from '../../tools/transition.ts';

const TOOL_KEYS: readonly string[] = ['Escape', 'Enter', 'Backspace'] satisfies ToolKey[];

export interface PointerHandlers {
  onPointerDown(event: ReactPointerEvent<SVGElement>): void;
  onPointerMove(event: ReactPointerEvent<SVGElement>): void;
  onPointerUp(event: ReactPointerEvent<SVGElement>): void;
  onPointerCancel(): void;
  onPointerLeave(): void;
}

function localPoint(event: ReactPointerEvent<SVGElement>): Point {
  const svg = event.currentTarget instanceof SVGSVGElement ? event.currentTarget : event.currentTarget.ownerSVGElement;
  const box = svg?.getBoundingClientRect();
  return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
}

/** The tool's state and the handlers that feed it; `context` and `onEffects` are read at event time (latest). */
export function useToolMachine(tool: ToolKind, context: SelectContext, onEffects: (effects: ToolEffect[]) => void): { state: ToolState; handlers: PointerHandlers } {
  const [state, setState] = useState<ToolState>(() => initialToolState(tool));
  const latest = useRef({ state, context, onEffects });
  useLayoutEffect(() => {
    latest.current.context = context;
    latest.current.onEffects = onEffects;
  });

  const dispatch = useCallback((event: ToolEvent) => {
    const { state: next, effects } = reduceTool(latest.current.state, event, latest.current.context);
    if (next !== latest.current.state) {
      latest.current.state = next;
      setState(next);
    }
    if (effects.length > 0) latest.current.onEffects(effects);
  }, []);

  // While drawing or dragging, the tool owns Esc, Enter and Backspace (before the page-wide shortcuts see them).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isBusy(latest.current.state) || !TOOL_KEYS.includes(event.key)) return;
      event.preventDefault();
      event.stopPropagation();
      dispatch({ kind: 'key', key: event.key as ToolKey });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dispatch]);

  const handlers: PointerHandlers = {
    onPointerDown: (event) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      dispatch({ kind: 'pointerDown', point: localPoint(event), time: event.timeStamp });
    },
    onPointerMove: (event) => {
      const move: ToolEvent = { kind: 'pointerMove', point: localPoint(event), time: event.timeStamp };
      flushSync(() => dispatch(move));
    },
    onPointerUp: (event) => {
      if (event.button !== 0) return;
      dispatch({ kind: 'pointerUp', point: localPoint(event), time: event.timeStamp });
    },
    onPointerCancel: () => dispatch({ kind: 'cancel' }),
    onPointerLeave: () => {
      dispatch({ kind: 'pointerLeave' });
    },
  };
  return { state, handlers };
}
