/**
 * The coordinate form of a gate: one labelled field per typed number, and the coordinates back from what was typed.
 * Fields the user did not touch keep their exact value (the form shows rounded numbers), so correcting one value
 * never nudges the others.
 */
import type { Dimension, Gate } from '../gating/types.ts';
import type { GateCoordinates } from './coordinates.ts';
import { quadrantName } from './gateNames.ts';

export interface CoordinateField {
  /** Path in GateCoordinates, as CoordinateError.field names it. */
  key: string;
  label: string;
  value: number | null;
  /** Empty means unbounded (rectangle sides only). */
  optional: boolean;
}

export function coordinateFields(coordinates: GateCoordinates): CoordinateField[] {
  switch (coordinates.kind) {
    case 'rectangle':
      return coordinates.bounds.flatMap((b, d) =>
        (['min', 'max'] as const).map((side) => ({ key: `bounds.${d}.${side}`, label: `${b.channel} ${side}`, value: b[side], optional: true })),
      );
    case 'polygon':
      return coordinates.vertices.flatMap((vertex, k) =>
        vertex.map((value, d) => ({ key: `vertices.${k}.${d}`, label: `Vertex ${k + 1} ${coordinates.channels[d]}`, value, optional: false })),
      );
    case 'ellipse': {
      const point = (key: string, label: string, values: readonly number[]) =>
        values.map((value, d) => ({ key: `${key}.${d}`, label: `${label} ${coordinates.channels[d]}`, value, optional: false }));
      return [...point('centre', 'Centre', coordinates.centre), ...point('ends.0', 'Axis end 1', coordinates.ends[0]), ...point('ends.1', 'Axis end 2', coordinates.ends[1])];
    }
    case 'dividers': {
      const { dividers } = coordinates;
      const centre = dividers.length === 2 && dividers.every((d) => d.values.length === 1);
      return dividers.flatMap((divider, d) =>
        divider.values.map((value, k) => ({
          key: `dividers.${d}.values.${k}`,
          label: centre ? `Centre ${divider.channel}` : dividers.length === 1 ? `Boundary ${k + 1} ${divider.channel}` : `${divider.channel} cut ${k + 1}`,
          value,
          optional: false,
        })),
      );
    }
    default: {
      const unknown: never = coordinates;
      throw new Error(`unknown coordinates ${JSON.stringify(unknown)}`);
    }
  }
}

const display = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 7, useGrouping: false });

/** How a field's number is shown: up to 7 significant digits, no grouping, empty when unbounded. */
export function formatField(value: number | null): string {
  return value === null ? '' : display.format(value);
}

/** A typed number: empty is null (unbounded), anything not a plain number is NaN (reported by withCoordinates). */
export function parseField(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The coordinates with the edited fields (key → typed text) parsed in; untouched fields keep their exact values. */
export function coordinatesWithEdits(coordinates: GateCoordinates, edits: Readonly<Record<string, string>>): GateCoordinates {
  const copy = JSON.parse(JSON.stringify(coordinates)) as GateCoordinates;
  for (const field of coordinateFields(coordinates)) {
    if (!Object.hasOwn(edits, field.key)) continue;
    const typed = parseField(edits[field.key]);
    const path = field.key.split('.');
    let parent: Record<string, unknown> = copy as unknown as Record<string, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
    parent[path[path.length - 1]] = typed === null && !field.optional ? Number.NaN : typed;
  }
  return copy;
}

const channel = (d: Dimension) => (d.source.kind === 'channel' ? d.source.name : d.source.ratioId);

/** Labels for renaming a gate's populations: 2 × 2 quadrants by their sides, multi-range ranges by order. */
export function populationLabels(gate: Gate): { id: string; label: string }[] {
  if (gate.kind !== 'quadrant') return [];
  if (gate.dividers.length === 1) return gate.quadrants.map((q, k) => ({ id: q.id, label: `Range ${k + 1} name` }));
  const [first, second] = gate.dividers;
  const twoByTwo = gate.dividers.length === 2 && gate.dividers.every((d) => d.values.length === 1);
  return gate.quadrants.map((q, k) => {
    const interval = (id: string) => q.positions.find((p) => p.dividerId === id)?.interval;
    const [a, b] = [interval(first.id), interval(second.id)];
    if (!twoByTwo || a === undefined || b === undefined) return { id: q.id, label: `Quadrant ${k + 1} name` };
    return { id: q.id, label: `${quadrantName(channel(first.dimension), a, channel(second.dimension), b)} name` };
  });
}
