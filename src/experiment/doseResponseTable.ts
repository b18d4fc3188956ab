/**
 * Dose-response points from a plain table (one row per tube), as labs export them: a concentration column with or
 * without units ("50 nM", "0,5 µM", "Dose (nM)" in the header, "untreated" for dose 0), a response column, and an
 * optional column that splits the rows into curves. Blank rows and rows without a number are skipped and counted.
 * Rows with no group and nothing to fit (the staining controls of a per-tube results table: no time, no dose) are
 * not a curve: they are set aside as `ungrouped`.
 */
import { concentrationUnitOf, type ConcentrationUnit, NM_PER_UNIT } from '../analysis/sampleSheet.ts';
import { isBlankRow } from '../shared/delimitedText.ts';
import { parseQuantity } from '../shared/quantityText.ts';
import type { DoseResponsePoint } from './doseResponseFit.ts';

export interface DoseResponseColumns {
  x: string;
  y: string;
  group?: string;
}

export interface DoseResponseGroup {
  name: string;
  /** Concentrations in the table's unit. */
  points: DoseResponsePoint[];
  /** Rows of this group left out, with why. */
  skipped: string[];
}

export interface DoseResponseTable {
  groups: DoseResponseGroup[];
  /** The concentrations' unit ('' when the table does not say). */
  unit: ConcentrationUnit | '';
  /** Rows left out that have no group and no point to fit, with why. */
  ungrouped: string[];
}

/** Words meaning "no drug" in a concentration column. */
const UNTREATED = /^(untreated|control|ctrl|vehicle|dmso|mock|none)$/i;

const NO_GROUP = '(no group)';

const simplified = (name: string) => name.toLowerCase().replace(/[^a-z0-9µ%]/g, '');

/** The column named `wanted`: exactly, then ignoring case and spaces, then ignoring punctuation; -1 when none. */
export function findColumn(header: readonly string[], wanted: string): number {
  const exact = header.indexOf(wanted);
  if (exact >= 0) return exact;
  const loose = header.findIndex((h) => h.trim().toLowerCase() === wanted.trim().toLowerCase());
  return loose >= 0 ? loose : header.findIndex((h) => simplified(h) === simplified(wanted));
}

/** A concentration unit named in a header: "Dose (nM)", "conc_uM", "Concentration [µM]". */
export function unitInHeader(header: string): ConcentrationUnit | null {
  for (const token of header.split(/[^A-Za-zµ\u03bc/]+/)) {
    const unit = token.length >= 2 ? concentrationUnitOf(token) : null;
    if (unit) return unit;
  }
  return null;
}

function column(header: readonly string[], wanted: string, flag: string): number {
  const index = findColumn(header, wanted);
  if (index < 0) throw new RangeError(`no column "${wanted}" (${flag}); the columns are ${header.map((h) => `"${h}"`).join(', ')}`);
  return index;
}

/** The groups of a table whose first row is its header; `decimalComma` reads "1,000" as 1 (semicolon-separated files). */
export function readDoseResponseTable(rows: readonly string[][], columns: DoseResponseColumns, decimalComma = false): DoseResponseTable {
  const [header = [], ...body] = rows;
  const xColumn = column(header, columns.x, '--x');
  const yColumn = column(header, columns.y, '--y');
  const groupColumn = columns.group === undefined ? -1 : column(header, columns.group, '--group');
  const headerUnit = unitInHeader(header[xColumn]);
  const read: { group: string; nm: number | null; raw: number; response: number | null; line: number; problem: string | null }[] = [];
  const cellUnits = new Map<ConcentrationUnit, number>();
  body.forEach((row, k) => {
    if (isBlankRow(row)) return;
    const group = groupColumn < 0 ? 'all' : (row[groupColumn] ?? '').trim() || NO_GROUP;
    const xText = (row[xColumn] ?? '').trim();
    const x = UNTREATED.test(xText) ? { value: 0, unit: '' } : parseQuantity(xText, { decimalComma });
    const y = parseQuantity(row[yColumn] ?? '', { decimalComma });
    const unit = x && x.unit !== '' ? concentrationUnitOf(x.unit) : null;
    if (unit) cellUnits.set(unit, (cellUnits.get(unit) ?? 0) + 1);
    const problem = !x ? `no concentration in "${xText}"` : x.unit !== '' && !unit ? `"${x.unit}" is not a concentration unit` : !y ? `no number in "${(row[yColumn] ?? '').trim()}"` : x.value < 0 ? 'a negative concentration' : null;
    // A bare number is in the header's unit when it names one.
    const cellUnit = unit ?? (x && x.unit === '' ? headerUnit : null);
    read.push({ group, nm: x && cellUnit ? x.value * NM_PER_UNIT[cellUnit] : null, raw: x?.value ?? Number.NaN, response: y?.value ?? null, line: k + 2, problem });
  });
  const commonest = [...cellUnits].toSorted((a, b) => b[1] - a[1] || NM_PER_UNIT[a[0]] - NM_PER_UNIT[b[0]])[0]?.[0];
  const unit = commonest ?? headerUnit;
  const groups = new Map<string, DoseResponseGroup>();
  for (const entry of read) {
    const group = groups.get(entry.group) ?? { name: entry.group, points: [], skipped: [] };
    groups.set(entry.group, group);
    if (entry.problem !== null || entry.response === null) {
      group.skipped.push(`line ${entry.line}: ${entry.problem}`);
      continue;
    }
    // Everything with a known unit is converted to the table's unit; bare numbers without one are already in it.
    const concentration = entry.nm !== null && unit ? entry.nm / NM_PER_UNIT[unit] : entry.raw;
    group.points.push({ concentration: Number(concentration.toPrecision(12)), response: entry.response });
  }
  const ungrouped = groups.get(NO_GROUP);
  if (ungrouped?.points.length === 0) groups.delete(NO_GROUP);
  return { groups: [...groups.values()], unit: unit ?? '', ungrouped: ungrouped?.points.length === 0 ? ungrouped.skipped : [] };
}
