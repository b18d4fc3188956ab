import { type KeyboardEvent, useRef } from 'react';
import type { ToolKind } from '../../tools/tool.ts';

const TOOL_NAMES: Record<ToolKind, { name: string; hint: string; icon: string }> = {
  select: { name: 'Select', hint: 'Select, move and reshape gates by their handles', icon: 'M4 2 L4 14 L7 11 L9.5 16 L11.5 15 L9 10 L13 10 Z' },
  rectangle: { name: 'Rectangle', hint: 'Drag a rectangle gate', icon: 'M3 4 H15 V14 H3 Z' },
  polygon: { name: 'Polygon', hint: 'Click each vertex; click the first vertex or double-click to close (Enter also closes)', icon: 'M3 12 L7 3 L15 6 L13 15 Z' },
  ellipse: { name: 'Ellipse', hint: 'Drag the box an ellipse gate fills', icon: 'M9 4 C14 4 16 7 16 9 C16 11 14 14 9 14 C4 14 2 11 2 9 C2 7 4 4 9 4 Z' },
  quadrant: { name: 'Quadrant', hint: 'Click the centre of a quadrant gate', icon: 'M9 2 V16 M2 9 H16' },
  range: { name: 'Range', hint: 'Drag a range gate along the axis', icon: 'M3 5 V13 M15 5 V13 M3 9 H15' },
  multiRange: { name: 'Multi-range', hint: 'Click each boundary of contiguous ranges; double-click or Enter to finish', icon: 'M2 5 V13 M7 5 V13 M11 5 V13 M16 5 V13 M2 9 H16' },
};

interface GateToolbarProps {
  /** Accessible name, e.g. "Gate tools of the density plot". */
  label: string;
  tools: readonly ToolKind[];
  value: ToolKind;
  onChange(tool: ToolKind): void;
}

/** One plot's drawing tools as a radio group (arrow keys move between them, as in any radio group). */
export function GateToolbar({ label, tools, value, onChange }: GateToolbarProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (tools.indexOf(value) + step + tools.length) % tools.length;
    onChange(tools[next]);
    buttons.current[next]?.focus();
  };
  return (
    <div className="gate-toolbar" role="radiogroup" aria-label={label}>
      {tools.map((tool, k) => {
        const { name, hint, icon } = TOOL_NAMES[tool];
        const checked = tool === value;
        return (
          <button
            key={tool}
            ref={(element) => {
              buttons.current[k] = element;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            title={hint}
            onClick={() => onChange(tool)}
            onKeyDown={onKeyDown}
          >
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
              <path d={icon} />
            </svg>
            {name}
          </button>
        );
      })}
    </div>
  );
}
