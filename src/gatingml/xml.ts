/**
 * A namespace-stripped view of a Gating-ML document (fast-xml-parser), with accessors that fail with the location.
 * Gating-ML's three namespaces (gating, transforms, data-type) never reuse a local name for a different meaning in
 * the places read here, so local names are enough once the root's namespace has been checked.
 */
import { XMLParser } from 'fast-xml-parser';
import { GatingStrategyError } from '../gating/types.ts';

export const GATING_NAMESPACE = 'http://www.isac-net.org/std/Gating-ML/v2.0/gating';
export const TRANSFORMS_NAMESPACE = 'http://www.isac-net.org/std/Gating-ML/v2.0/transformations';
export const DATATYPE_NAMESPACE = 'http://www.isac-net.org/std/Gating-ML/v2.0/datatypes';

/** One element, namespace prefixes removed: local name, attributes, child elements in document order, text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/** fast-xml-parser's preserveOrder node: { [name]: childNodes, ":@"?: attributes } or { "#text": text }. */
type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return null;
  const nodes = (node[name] as OrderedNode[]) ?? [];
  const attributes = Object.fromEntries(Object.entries((node[':@'] as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
  const elements = nodes.map(toElement).filter((c): c is XmlElement => c !== null);
  const text = nodes.map((n) => (typeof n['#text'] === 'string' || typeof n['#text'] === 'number' ? String(n['#text']) : '')).join('');
  return { name, attributes, children: elements, text };
}

export function parseXmlDocument(xml: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) throw new GatingStrategyError('Gating-ML', 'documents with a DOCTYPE are not accepted');
  if (!xml.includes(GATING_NAMESPACE)) {
    const detail = xml.includes('Gating-ML/v1.5') ? 'this is Gating-ML 1.5; only Gating-ML 2.0 is supported' : `the Gating-ML 2.0 namespace ${GATING_NAMESPACE} is not declared`;
    throw new GatingStrategyError('Gating-ML', detail);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml, true) as OrderedNode[];
  } catch (error) {
    throw new GatingStrategyError('Gating-ML', `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1 || roots[0].name !== 'Gating-ML') throw new GatingStrategyError('Gating-ML', 'the root element must be gating:Gating-ML');
  return roots[0];
}

/** Child elements with this local name, in document order. */
export function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  return Object.hasOwn(element.attributes, name) ? element.attributes[name] : undefined;
}

export function requireAttribute(element: XmlElement, name: string, where: string): string {
  const value = attribute(element, name);
  if (value === undefined || value.trim() === '') throw new GatingStrategyError(where, `missing attribute "${name}"`);
  return value.trim();
}

export function parseNumber(text: string | undefined, where: string, what: string): number {
  const value = text === undefined || text.trim() === '' ? Number.NaN : Number(text.trim());
  if (!Number.isFinite(value)) throw new GatingStrategyError(where, `${what} "${text ?? ''}" is not a finite number`);
  return value;
}

export function numberAttribute(element: XmlElement, name: string, where: string): number {
  return parseNumber(requireAttribute(element, name, where), where, name);
}

export function optionalNumberAttribute(element: XmlElement, name: string, where: string): number | null {
  const text = attribute(element, name);
  return text === undefined ? null : parseNumber(text, where, name);
}
