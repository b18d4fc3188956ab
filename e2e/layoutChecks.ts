/**
 * Measurements of what a user sees, for the layout tests: controls covered by something else, text boxes that
 * overlap or are cut off inside plots, and a page wider than the window.
 */
import type { Page } from '@playwright/test';

/** Everything a user can click or type into. */
const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="tab"], [role="radio"], [role="option"], [tabindex="0"]';

/**
 * Visible controls whose own box is not what a click at its centre reaches (another panel lies on top), after
 * scrolling each into view. Returns a description of each covered control.
 */
export async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const covered: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.isConnected || element.checkVisibility?.({ visibilityProperty: true }) === false) continue;
      element.scrollIntoView({ block: 'center', inline: 'center' });
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue;
      // Clipped by a scrolling ancestor: the part shown must still be reachable.
      const x = Math.min(Math.max(box.left + box.width / 2, 1), window.innerWidth - 2);
      const y = Math.min(Math.max(box.top + box.height / 2, 1), window.innerHeight - 2);
      const hit = document.elementFromPoint(x, y);
      if (!hit || element === hit || element.contains(hit)) continue;
      // A <label> for an input is where users click it.
      if (element instanceof HTMLInputElement && element.labels && [...element.labels].some((l) => l.contains(hit))) continue;
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? element.tagName;
      const by = hit.getAttribute('aria-label') ?? hit.getAttribute('class') ?? hit.tagName;
      covered.push(`${element.tagName.toLowerCase()} "${name}" is covered by ${hit.tagName.toLowerCase()} "${String(by).slice(0, 60)}"`);
    }
    window.scrollTo(0, 0);
    return covered;
  }, CONTROLS);
}

/** Pairs of text boxes that overlap, and texts cut off by their SVG's edge, in every plot SVG on the page. */
export async function plotTextProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const figure of document.querySelectorAll('figure')) {
      const texts = [...figure.querySelectorAll('svg text')].filter((t) => (t.textContent ?? '').trim() !== '');
      const boxes = texts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect(), svg: t.closest('svg')!.getBoundingClientRect() }));
      const name = figure.getAttribute('aria-label') ?? 'a plot';
      for (const { text, box, svg } of boxes) {
        if (box.left < svg.left - 0.5 || box.right > svg.right + 0.5 || box.top < svg.top - 0.5 || box.bottom > svg.bottom + 0.5) {
          problems.push(`"${text}" is cut off by the edge of ${name}`);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 1 && overlapY > 1) problems.push(`"${boxes[i].text}" overlaps "${boxes[j].text}" in ${name}`);
        }
      }
    }
    return problems;
  });
}

/**
 * How far the page is wider than the window (0 when nothing scrolls sideways), and the innermost elements that
 * stick out past its right edge.
 */
export async function horizontalOverflow(page: Page): Promise<{ pixels: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const pixels = document.documentElement.scrollWidth - width;
    if (pixels <= 0) return { pixels: 0, culprits: [] };
    const out = [...document.body.querySelectorAll<HTMLElement>('*')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
    const innermost = out.filter((e) => !out.some((other) => other !== e && e.contains(other)));
    return {
      pixels,
      culprits: innermost.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 50)}"`),
    };
  });
}

/** How far each results table is wider than its box (0: it fits without scrolling sideways), by accessible name. */
export async function tableOverflows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.results-table .table-scroll')].map((box) => [box.querySelector('table')?.getAttribute('aria-label') ?? '', box.scrollWidth - box.clientWidth]),
    ),
  );
}
