import { DENSITY_TOOLS, HISTOGRAM_TOOLS } from '../../tools/tool.ts';
import { TOOL_NAMES } from '../gating/toolNames.ts';
import { Dialog } from './Dialog.tsx';

interface Shortcut {
  keys: string[];
  does: string;
}

const TOOLS = [...new Set([...DENSITY_TOOLS, ...HISTOGRAM_TOOLS])];

function sections(views: readonly string[]): { title: string; shortcuts: Shortcut[] }[] {
  return [
    {
      title: 'Anywhere',
      shortcuts: [
        { keys: ['Tab'], does: 'The first Tab of the page offers “Skip to the analysis”, past the toolbar and the sample list' },
        { keys: ['?'], does: 'This list of shortcuts' },
        ...views.map((view, k) => ({ keys: [String(k + 1)], does: `Show ${view}` })),
        { keys: ['['], does: 'Hide or show the sample list' },
        { keys: ['/'], does: 'Search the sample list by file name' },
        { keys: ['Ctrl+Z'], does: 'Undo the last gating change (⌘Z on a Mac)' },
        { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'Redo' },
      ],
    },
    {
      title: 'Sample list and view tabs',
      shortcuts: [
        { keys: ['↑', '↓', 'Home', 'End'], does: 'Choose another file (the list is one Tab stop)' },
        { keys: ['←', '→'], does: 'Move between the view tabs' },
      ],
    },
    {
      title: 'Gate tools (Explore)',
      shortcuts: TOOLS.map((tool) => ({ keys: [TOOL_NAMES[tool].key], does: `${TOOL_NAMES[tool].name}: ${TOOL_NAMES[tool].hint.toLowerCase()}` })),
    },
    {
      title: 'Gates on a plot (Tab to the plot’s gates)',
      shortcuts: [
        { keys: ['Enter', 'Shift+Enter'], does: 'Pick the next (previous) gate of the plot' },
        { keys: ['←', '→', '↑', '↓'], does: 'Move the picked gate by one pixel; with Shift, by ten' },
        { keys: ['F2'], does: 'Type the picked gate’s exact coordinates' },
        { keys: ['Delete', 'Backspace'], does: 'Remove the picked gate (and what is gated below it)' },
        { keys: ['Esc'], does: 'Let go of the gate; while drawing, cancel the drawing' },
        { keys: ['Enter'], does: 'While drawing a polygon or multi-range: finish it' },
      ],
    },
  ];
}

/** Every keyboard shortcut of the app, opened with "?" or the toolbar's Shortcuts button. */
export function ShortcutSheet({ views }: { views: readonly string[] }) {
  return (
    <Dialog id="shortcuts" title="Keyboard shortcuts">
      {sections(views).map((section) => (
        <section key={section.title} aria-label={section.title}>
          <h3>{section.title}</h3>
          <dl className="shortcuts">
            {section.shortcuts.map((s) => (
              <div key={s.keys.join()}>
                <dt>
                  {s.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
