/**
 * Figures from plots on screen: the plot's SVG made self-contained (computed styles inlined, the density canvas
 * embedded as an image, editing handles left out) under a title naming the plot and its sample or condition, several
 * plots as one figure, and a PNG rendered from that SVG at a chosen resolution.
 */
import { withPngResolution } from '../../export/pngResolution.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Interactive parts that belong on screen, not in a figure. */
const SCREEN_ONLY = '.gate-handle, .gate-surface, .draft-outline, .draft-guide, .draft-vertex, .draft-closing';
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'paint-order',
  'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
];

/** Height of the title line above an exported plot. */
const TITLE_BAND = 26;
const TITLE_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** A plot's SVG layers (axes, gates) merged in order, self-contained, in `figureDocument`; with its size. */
function plotSvg(figure: HTMLElement, figureDocument: XMLDocument): { svg: SVGSVGElement; width: number; height: number } {
  const [source, ...layers] = Array.from(figure.querySelectorAll<SVGSVGElement>(':scope > svg'));
  if (!source) throw new Error('this plot has nothing to export yet');
  const width = source.width.baseVal.value;
  const height = source.height.baseVal.value;
  const copy = figureDocument.importNode(source, true);
  inlineStyles(source, copy);
  for (const layer of layers) {
    const group = figureDocument.createElementNS(SVG_NS, 'g');
    for (const child of Array.from(layer.children)) {
      const childCopy = figureDocument.importNode(child, true);
      inlineStyles(child, childCopy);
      group.append(childCopy);
    }
    copy.append(group);
  }
  for (const element of copy.querySelectorAll(SCREEN_ONLY)) element.remove();
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('role');
  copy.removeAttribute('class');
  const underlays: Element[] = [];
  const canvas = figure.querySelector('canvas');
  if (canvas) {
    const image = figureDocument.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', canvas.toDataURL('image/png'));
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(height));
    image.setAttribute('preserveAspectRatio', 'none');
    image.style.setProperty('image-rendering', 'pixelated');
    underlays.push(image);
  }
  copy.prepend(...underlays);
  return { svg: copy, width, height };
}

function textElement(figureDocument: XMLDocument, content: string, x: number, y: number, size: number, weight: number, anchor = 'start'): Element {
  const text = figureDocument.createElementNS(SVG_NS, 'text');
  for (const [name, value] of Object.entries({ x, y, 'font-size': size, 'font-weight': weight, 'font-family': TITLE_FONT, 'text-anchor': anchor, fill: '#1d2430' })) {
    text.setAttribute(name, String(value));
  }
  text.textContent = content;
  return text;
}

/** An SVG document of `width` × `height` on white, titled `title` (shown on top and as its <title>), holding `parts`. */
function titledDocument(figureDocument: XMLDocument, title: string, width: number, height: number, parts: Element[]): string {
  const root = figureDocument.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const heading = figureDocument.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  const background = figureDocument.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  root.append(heading, background, textElement(figureDocument, title, 8, 18, 13, 600), ...parts);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

/**
 * The figure element's plot as a standalone SVG document (text) under its title (the plot, the sample or condition):
 * its SVG layers merged in order, styles inlined, the density canvas embedded as an image, editing handles left out.
 */
export function figureSvg(figure: HTMLElement, title: string): string {
  // Built in a document of its own, which loads nothing (the embedded PNG) and is outside the page's policy.
  const figureDocument = document.implementation.createDocument(SVG_NS, null, null);
  const { svg, width, height } = plotSvg(figure, figureDocument);
  svg.setAttribute('y', String(TITLE_BAND));
  return titledDocument(figureDocument, title, width, height + TITLE_BAND, [svg]);
}

export interface FigureGridRow {
  /** Written left of the row, e.g. "24 h". */
  label: string;
  cells: { caption: string; figure: HTMLElement }[];
}

const ROW_LABEL_WIDTH = 64;
const CAPTION_HEIGHT = 18;

/** Several plots as one figure: a row per `rows` entry, each plot under its caption, the rows' labels on the left. */
export function figureGridSvg(title: string, rows: readonly FigureGridRow[]): string {
  const figureDocument = document.implementation.createDocument(SVG_NS, null, null);
  const parts: Element[] = [];
  let y = TITLE_BAND;
  let width = 0;
  for (const row of rows) {
    let x = ROW_LABEL_WIDTH;
    let rowHeight = 0;
    for (const cell of row.cells) {
      const plot = plotSvg(cell.figure, figureDocument);
      plot.svg.setAttribute('x', String(x));
      plot.svg.setAttribute('y', String(y + CAPTION_HEIGHT));
      parts.push(textElement(figureDocument, cell.caption, x + plot.width / 2, y + 13, 12, 600, 'middle'), plot.svg);
      x += plot.width;
      rowHeight = Math.max(rowHeight, plot.height + CAPTION_HEIGHT);
    }
    parts.push(textElement(figureDocument, row.label, 8, y + CAPTION_HEIGHT + rowHeight / 2, 13, 600));
    width = Math.max(width, x);
    y += rowHeight;
  }
  if (parts.length === 0) throw new Error('this figure has nothing to export yet');
  return titledDocument(figureDocument, title, width + 8, y + 8, parts);
}

/** Through the CSSOM, never setAttribute('style'): the Content-Security-Policy allows no inline style attributes. */
function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  if (copy instanceof SVGElement) for (const p of STYLE_PROPERTIES) copy.style.setProperty(p, computed.getPropertyValue(p));
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], copy.children[i]);
}

/** A figure's SVG document as a PNG at `dpi` (the screen is 96 dpi), with the resolution recorded in the file. */
export async function figurePng(svg: string, dpi: number): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const scale = dpi / 96;
  const canvas = new OffscreenCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the figure');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return new Blob([withPngResolution(png, dpi)], { type: 'image/png' });
}
