import type { LabelLine, MeasureText } from './labelLayout.ts';

/** The CSS of .gate-label-name and .gate-label-value (app.css), as canvas fonts. */
const FONTS: Record<LabelLine, string> = { name: '10px', value: '600 12px' };
/** Canvas and SVG round glyphs differently (and values use tabular digits): a little room on each side. */
const SLACK_PX = 2;

let context: OffscreenCanvasRenderingContext2D | null = null;
const cache = new Map<string, number>();

/** Width in CSS pixels of a text in the page's font family at a canvas font size/weight such as "600 12px". */
export function textWidth(text: string, font: string): number {
  const key = `${font}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  context ??= new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return text.length * (parseFloat(font.replace(/^\d00 /, '')) || 12) * 0.6;
  context.font = `${font} ${getComputedStyle(document.documentElement).fontFamily}`;
  const width = Math.ceil(context.measureText(text).width) + SLACK_PX;
  cache.set(key, width);
  return width;
}

/** Width in CSS pixels of a label line as the page's font draws it. */
export const measureLabelText: MeasureText = (text, line) => textWidth(text, FONTS[line]);
