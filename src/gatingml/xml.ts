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

/** One element: attributes under "@_name", child elements as arrays under their local name, text under "#text". */
export type XmlElement = { readonly [key: string]: unknown };

export function parseXmlDocument(xml: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) throw new GatingStrategyError('Gating-ML', 'documents with a DOCTYPE are not accepted');
  if (!xml.includes(GATING_NAMESPACE)) {
    const detail = xml.includes('Gating-ML/v1.5') ? 'this is Gating-ML 1.5; only Gating-ML 2.0 is supported' : `the Gating-ML 2.0 namespace ${GATING_NAMESPACE} is not declared`;
    throw new GatingStrategyError('Gating-ML', detail);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  let document: unknown;
  try {
    document = parser.parse(xml, true);
  } catch (error) {
    throw new GatingStrategyError('Gating-ML', `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = children(document as XmlElement, 'Gating-ML');
  if (roots.length !== 1) throw new GatingStrategyError('Gating-ML', 'the root element must be gating:Gating-ML');
  return roots[0];
}

/** Child elements with this local name (an empty element without attributes counts too). */
export function children(element: XmlElement, name: string): XmlElement[] {
  const value = element[name];
  if (!Array.isArray(value)) return [];
  return value.map((child: unknown) => (typeof child === 'object' && child !== null ? (child as XmlElement) : { '#text': String(child ?? '') }));
}

/** Names of the child elements of `element`. */
export function childNames(element: XmlElement): string[] {
  return Object.keys(element).filter((key) => !key.startsWith('@_') && key !== '#text');
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
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

export function textOf(element: XmlElement): string {
  const text = element['#text'];
  return typeof text === 'string' ? text : '';
}
