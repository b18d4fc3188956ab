/**
 * Where the population labels of a plot go so that none collides with another or is cut off: each label keeps its
 * preferred place when it is free, else moves down or up in steps of its own height (with a leader line back to
 * its gate), else drops its name line (the name stays in its accessible name), else is left out of the picture
 * (its number is in the population tree and the tables, and in its accessible name). Pure: text widths come from
 * `measure`, so the same layout is tested without a browser.
 */
import type { FigureLabel } from '../tools/figures.ts';
import type { PlotArea, Point } from '../tools/pointer.ts';

/** Line boxes of a two-line label (10 px name above a 12 px value), and the free space kept around each box. */
export const NAME_LINE_PX = 13;
export const VALUE_LINE_PX = 15;
const GAP_PX = 2;
const INSET_PX = 2;
/** From a value baseline to the bottom of its glyphs. */
const DESCENT_PX = 4;
/** Half a range bar's height (src/tools/figures.ts), and the room kept below it for a label moved under it. */
const BAR_HALF_PX = 8;
const BAR_CLEARANCE_PX = 10;
/** Steps tried in each direction before a label gives up its name or its place. */
const MAX_STEPS = 8;

export type LabelLine = 'name' | 'value';
export type MeasureText = (text: string, line: LabelLine) => number;

export interface LabelRequest {
  label: FigureLabel;
  value: string;
}

export interface PlacedLabel {
  label: FigureLabel;
  /** False when there was no room for the name line. */
  showName: boolean;
  value: string;
  /** Baseline of the value line (the SVG text-anchor is the label's `align`). */
  at: Point;
  /** From the label to where it was meant to be, when it had to move. */
  leader: [Point, Point] | null;
}

export interface LabelLayout {
  placed: PlacedLabel[];
  /** Labels with no free place in the plot (dozens of gates on one small plot). */
  unplaced: LabelRequest[];
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right + GAP_PX && b.left < a.right + GAP_PX && a.top < b.bottom + GAP_PX && b.top < a.bottom + GAP_PX;

/**
 * The box of a label whose value baseline is at `at`, moved sideways (and up or down, by less than a line) to lie
 * inside the area; null when it cannot.
 */
function fitted(at: Point, align: FigureLabel['align'], width: number, lines: number, area: PlotArea): { at: Point; box: Box } | null {
  const height = VALUE_LINE_PX + (lines - 1) * NAME_LINE_PX;
  const offset = align === 'start' ? 0 : align === 'middle' ? width / 2 : width;
  const left = Math.max(area.left + INSET_PX, Math.min(area.right - INSET_PX - width, at.x - offset));
  // Baselines sit about a quarter line above the bottom of the glyphs (descenders).
  const bottom = Math.max(area.top + INSET_PX + height, Math.min(area.bottom - INSET_PX, at.y + DESCENT_PX));
  const box = { left, right: left + width, top: bottom - height, bottom };
  const inside = box.left >= area.left + INSET_PX - 0.01 && box.right <= area.right - INSET_PX + 0.01 && box.top >= area.top + INSET_PX - 0.01 && box.bottom <= area.bottom - INSET_PX + 0.01;
  return inside ? { at: { x: left + offset, y: bottom - DESCENT_PX }, box } : null;
}

/**
 * Preferred place first, then (for a label naming a bar) just below the bar, then one step down, one up, two
 * down… A place whose box would cover the bar itself is skipped.
 */
function candidates(label: FigureLabel, step: number, height: number): Point[] {
  const { at, anchor } = label;
  const out = [at];
  if (anchor) out.push({ x: at.x, y: anchor.y + BAR_CLEARANCE_PX + height - DESCENT_PX });
  for (let k = 1; k <= MAX_STEPS; k++) out.push({ x: at.x, y: at.y + k * step }, { x: at.x, y: at.y - k * step });
  return out;
}

/** Whether a box lies across the bar through `anchor` (descenders may touch it, as above any line). */
const coversBar = (box: Box, anchor: Point | undefined) =>
  anchor !== undefined && anchor.x >= box.left && anchor.x <= box.right && box.top < anchor.y + BAR_HALF_PX && box.bottom - DESCENT_PX > anchor.y - BAR_HALF_PX;

function leaderOf(from: Box, to: Point): [Point, Point] | null {
  const inside = to.x >= from.left && to.x <= from.right && to.y >= from.top && to.y <= from.bottom;
  if (inside) return null;
  const x = Math.max(from.left, Math.min(from.right, to.x));
  const y = to.y < from.top ? from.top : to.y > from.bottom ? from.bottom : (from.top + from.bottom) / 2;
  return Math.hypot(to.x - x, to.y - y) < 6 ? null : [{ x, y }, to];
}

/**
 * Places labels in the order given (earlier ones keep their place). `obstacles` are other texts of the plot the
 * labels must stay clear of (e.g. a legend).
 */
export function layoutLabels(requests: readonly LabelRequest[], area: PlotArea, measure: MeasureText, obstacles: readonly Box[] = []): LabelLayout {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const unplaced: LabelRequest[] = [];
  for (const request of requests) {
    const { label, value } = request;
    const valueWidth = measure(value, 'value');
    const tries = [
      { showName: true, width: Math.max(valueWidth, measure(label.name, 'name')), lines: 2 },
      { showName: false, width: valueWidth, lines: 1 },
    ];
    let done = false;
    for (const { showName, width, lines } of tries) {
      const height = VALUE_LINE_PX + (lines - 1) * NAME_LINE_PX;
      const home = fitted(label.at, label.align, width, lines, area);
      for (const at of candidates(label, height + GAP_PX, height)) {
        const spot = fitted(at, label.align, width, lines, area);
        if (!spot || coversBar(spot.box, label.anchor) || taken.some((box) => overlaps(box, spot.box))) continue;
        taken.push(spot.box);
        const moved = !home || Math.abs(spot.at.y - home.at.y) > 0.5;
        placed.push({ label, showName, value, at: spot.at, leader: moved ? leaderOf(spot.box, label.anchor ?? label.at) : null });
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) unplaced.push(request);
  }
  return { placed, unplaced };
}
