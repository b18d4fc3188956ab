/**
 * Figures from plots on screen: the plot's SVG made self-contained (computed styles inlined, the density canvas
 * embedded as an image, editing handles left out), and a PNG rendered from that SVG at a chosen resolution.
 */
import { withPngResolution } from '../../export/pngResolution.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Interactive parts that belong on screen, not in a figure. */
const SCREEN_ONLY = '.gate-handle, .gate-surface, .draft-outline, .draft-guide, .draft-vertex, .draft-closing';
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'paint-order',
  'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
];

/** The figure element's plot as a standalone SVG document (text): its SVG layers (axes, gates) merged in order. */
export function figureSvg(figure: HTMLElement): string {
  const [source, ...layers] = Array.from(figure.querySelectorAll<SVGSVGElement>(':scope > svg'));
  if (!source) throw new Error('this plot has nothing to export yet');
  const width = source.width.baseVal.value;
  const height = source.height.baseVal.value;
  // Built in a document of its own, which loads nothing (the embedded PNG) and is outside the page's policy.
  const figureDocument = document.implementation.createDocument(SVG_NS, null, null);
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
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('role');
  const background = figureDocument.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  const underlays: Element[] = [background];
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
  const title = figureDocument.createElementNS(SVG_NS, 'title');
  title.textContent = figure.getAttribute('aria-label') ?? 'FlowFate plot';
  copy.prepend(title);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Through the CSSOM, never setAttribute('style'): the Content-Security-Policy allows no inline style attributes. */
function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  if (copy instanceof SVGElement) for (const p of STYLE_PROPERTIES) copy.style.setProperty(p, computed.getPropertyValue(p));
  for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], copy.children[i]);
}

/** The plot as a PNG at `dpi` (the screen is 96 dpi), with the resolution recorded in the file. */
export async function figurePng(figure: HTMLElement, dpi: number): Promise<Blob> {
  const svg = figureSvg(figure);
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

/** A file name from a plot's label: "AnnV-PI 24h FITC-A vs PE-A.svg". */
export function figureFileName(label: string, extension: 'svg' | 'png'): string {
  return `${label.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120)}.${extension}`;
}
