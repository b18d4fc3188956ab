import { type KeyboardEvent, useEffect, useLayoutEffect, useRef } from 'react';
import { isShortcutKey } from '../keys.ts';
import { TOOL_NAMES } from './toolNames.ts';
import type { ToolKind } from '../../tools/tool.ts';


interface GateToolbarProps {
  /** Accessible name, e.g. "Gate tools of the density plot". */
  label: string;
  tools: readonly ToolKind[];
  value: ToolKind;
  onChange(tool: ToolKind): void;
}

/** One plot's drawing tools as a radio group (arrow keys move between them, as in any radio group; each has a key). */
export function GateToolbar({ label, tools, value, onChange }: GateToolbarProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const latest = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isShortcutKey(event)) return;
      const tool = tools.find((t) => TOOL_NAMES[t].key === event.key.toUpperCase());
      if (!tool) return;
      event.preventDefault();
      latest.current(tool);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tools]);
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
        const { name, hint, key, icon } = TOOL_NAMES[tool];
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
            title={`${hint} (${key})`}
            aria-keyshortcuts={key}
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
