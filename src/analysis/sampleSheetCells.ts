/**
 * The sample sheet as a grid of text cells: its columns, the text each cell shows, and what a typed or pasted text
 * means for a tube, with a plain sentence when it means nothing, and a warning when a number is implausible (a dose
 * of 102,050,100 nM is a column of doses pasted into one cell, not a dose).
 */
import { parseQuantity } from '../shared/quantityText.ts';
import { replicateOf } from './sampleSheetNames.ts';
import {
  type Assay, concentrationUnitOf, type ConcentrationUnit, doseInUnit, HOURS_PER_UNIT, NM_PER_UNIT, type SampleAnnotation, SAMPLE_ROLE_NAMES, type SampleRole,
  timeInUnit, timeUnitOf, type TimeUnit, toHours, toNm,
} from './sampleSheet.ts';

export type SheetColumnKey = 'assay' | 'role' | 'cellLine' | 'compound' | 'concentration' | 'doseUnit' | 'time' | 'timeUnit' | 'replicate' | 'label';

export interface SheetColumn {
  key: SheetColumnKey;
  title: string;
  /** Other headers that name the column in pasted or imported tables (compared without case or punctuation). */
  aliases: readonly string[];
  /** What the cell may hold, for suggestions; absent for free text and numbers. */
  choices?: readonly string[];
}

const ASSAY_NAMES: Readonly<Record<Assay, string>> = { apoptosis: 'Apoptosis (Annexin V/PI)', cellCycle: 'Cell cycle (PI DNA)' };

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'assay', title: 'Assay', aliases: ['assay', 'panel', 'stain'], choices: [...Object.values(ASSAY_NAMES), 'Other'] },
  { key: 'role', title: 'Role', aliases: ['role', 'type', 'tube type', 'sample type', 'control'], choices: Object.values(SAMPLE_ROLE_NAMES) },
  { key: 'cellLine', title: 'Cell line', aliases: ['cell line', 'cells', 'line', 'cell'] },
  { key: 'compound', title: 'Compound', aliases: ['compound', 'drug', 'treatment', 'agent', 'inhibitor'] },
  { key: 'concentration', title: 'Concentration', aliases: ['concentration', 'conc', 'dose'] },
  { key: 'doseUnit', title: 'Unit', aliases: ['unit', 'concentration unit', 'conc unit', 'dose unit', 'units'], choices: ['pM', 'nM', 'µM', 'mM', 'M'] },
  { key: 'time', title: 'Time', aliases: ['time', 'timepoint', 'time point', 'exposure', 'duration', 'hours'] },
  { key: 'timeUnit', title: 'Time unit', aliases: ['time unit', 'time units'], choices: ['min', 'h', 'd'] },
  { key: 'replicate', title: 'Replicate', aliases: ['replicate', 'rep', 'replicates', 'biological replicate', 'n'] },
  { key: 'label', title: 'Condition label', aliases: ['condition label', 'label', 'condition', 'note', 'group'] },
];

export const COLUMN_TITLES: Readonly<Record<SheetColumnKey, string>> = Object.fromEntries(SHEET_COLUMNS.map((c) => [c.key, c.title])) as Record<SheetColumnKey, string>;

const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9µ]/g, '');

/** The column a header names ("Conc (nM)" is Concentration), or null. */
export function columnNamed(header: string): SheetColumnKey | null {
  const wanted = plain(header.replace(/\(.*\)|\[.*\]/g, ''));
  if (wanted === '') return null;
  return SHEET_COLUMNS.find((c) => plain(c.title) === wanted || c.aliases.some((a) => plain(a) === wanted))?.key ?? null;
}

const shown = (value: number | null) => (value === null ? '' : String(value));

/** What a cell shows: numbers in the tube's own unit, choices by name. */
export function cellText(annotation: SampleAnnotation, key: SheetColumnKey): string {
  switch (key) {
    case 'assay':
      return annotation.assay ? ASSAY_NAMES[annotation.assay] : 'Other';
    case 'role':
      return SAMPLE_ROLE_NAMES[annotation.role];
    case 'concentration':
      return shown(doseInUnit(annotation));
    case 'time':
      return shown(timeInUnit(annotation));
    case 'doseUnit':
    case 'timeUnit':
    case 'cellLine':
    case 'compound':
    case 'replicate':
    case 'label':
      return annotation[key];
    default: {
      const unknown: never = key;
      throw new RangeError(`unknown sheet column ${String(unknown)}`);
    }
  }
}

export type CellReading = { ok: true; change: Partial<SampleAnnotation> } | { ok: false; problem: string };

const ROLE_WORDS: readonly [SampleRole, RegExp][] = [
  ['sample', /^(sample|treated|test)$/],
  ['untreated', /^(untreated|untr|control|ctrl|vehicle|dmso|mock|ut|nodrug)$/],
  ['unstained', /^(unstained|unstain|blank|nostain)$/],
  ['annexinOnly', /^(annexinvonly|annvonly|annexinonly|avonly|fitconly|annexinv|singlestainannexinv)$/],
  ['piOnly', /^(pionly|7aadonly|singlestainpi)$/],
  ['fmo', /^fmo.*$/],
];

function readAssay(text: string): CellReading {
  const key = plain(text);
  if (key === '' || key === 'other' || key === 'none') return { ok: true, change: { assay: null } };
  if (/^(apoptosis|annexin|annv|annvpi|annexinvpi|apop)/.test(key)) return { ok: true, change: { assay: 'apoptosis' } };
  if (/^(cellcycle|cycle|pidna|dna|cc)/.test(key)) return { ok: true, change: { assay: 'cellCycle' } };
  return { ok: false, problem: `"${text}" is not an assay: write Apoptosis, Cell cycle or Other.` };
}

function readRole(text: string): CellReading {
  const key = plain(text);
  const role = (Object.entries(SAMPLE_ROLE_NAMES) as [SampleRole, string][]).find(([, name]) => plain(name) === key)?.[0] ?? ROLE_WORDS.find(([, p]) => p.test(key))?.[0];
  return role ? { ok: true, change: { role } } : { ok: false, problem: `"${text}" is not a role: write Sample, Untreated, Unstained, Annexin V only, PI only or FMO.` };
}

/** A number with an optional unit of the column's kind; `convert` turns it into the stored unit. */
function readAmount<U extends string>(
  text: string, current: U, unitOf: (t: string) => U | null, convert: (value: number, unit: U) => number, what: string, decimalComma: boolean,
): { ok: true; value: number | null; unit: U } | { ok: false; problem: string } {
  if (text.trim() === '') return { ok: true, value: null, unit: current };
  const quantity = parseQuantity(text, { decimalComma });
  if (!quantity) {
    const several = text.trim().split(/[\s;]+/).filter((t) => parseQuantity(t) !== null).length > 1;
    return { ok: false, problem: several ? `"${text}" holds several numbers: one ${what} per cell (paste a column of values into the column, not into one cell).` : `"${text}" is not a ${what}.` };
  }
  const unit = quantity.unit === '' ? current : unitOf(quantity.unit);
  if (!unit) return { ok: false, problem: `"${quantity.unit}" is not a unit of ${what}.` };
  if (quantity.value < 0) return { ok: false, problem: `A ${what} cannot be negative (${text.trim()}).` };
  return { ok: true, value: convert(quantity.value, unit), unit };
}

/**
 * What `text` typed or pasted into column `key` of a tube means. Units typed with a number ("0,5 µM", "90 min")
 * become the tube's unit; a unit typed into the unit column re-reads the number shown, as in a spreadsheet.
 */
export function readCell(key: SheetColumnKey, text: string, annotation: SampleAnnotation, decimalComma = false): CellReading {
  switch (key) {
    case 'assay':
      return readAssay(text);
    case 'role':
      return readRole(text);
    case 'cellLine':
    case 'compound':
    case 'label':
      return { ok: true, change: { [key]: text.trim() } };
    case 'replicate':
      return { ok: true, change: { replicate: replicateOf(text) ?? text.trim() } };
    case 'concentration': {
      const read = readAmount(text, annotation.doseUnit, concentrationUnitOf, toNm, 'concentration', decimalComma);
      return read.ok ? { ok: true, change: { doseNm: read.value, doseUnit: read.unit } } : read;
    }
    case 'time': {
      const read = readAmount(text, annotation.timeUnit, timeUnitOf, toHours, 'time', decimalComma);
      return read.ok ? { ok: true, change: { timeH: read.value, timeUnit: read.unit } } : read;
    }
    case 'doseUnit': {
      const unit: ConcentrationUnit | null = text.trim() === '' ? annotation.doseUnit : concentrationUnitOf(text);
      if (!unit) return { ok: false, problem: `"${text}" is not a concentration unit: write pM, nM, µM, mM or M.` };
      const value = doseInUnit(annotation);
      return { ok: true, change: { doseUnit: unit, doseNm: value === null ? null : toNm(value, unit) } };
    }
    case 'timeUnit': {
      const unit: TimeUnit | null = text.trim() === '' ? annotation.timeUnit : timeUnitOf(text);
      if (!unit) return { ok: false, problem: `"${text}" is not a time unit: write min, h or d.` };
      const value = timeInUnit(annotation);
      return { ok: true, change: { timeUnit: unit, timeH: value === null ? null : toHours(value, unit) } };
    }
    default: {
      const unknown: never = key;
      throw new RangeError(`unknown sheet column ${String(unknown)}`);
    }
  }
}

/** Above these, a number is a typing or pasting slip until the user says otherwise. */
const MAX_PLAUSIBLE_DOSE_NM = 1e6;
const MAX_PLAUSIBLE_TIME_H = 24 * 30;

/** Every digit the user typed, grouped by thousands so a run of pasted digits stands out. */
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const roughly = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** Values that parse but are implausible, with what to check. */
export function implausibleCells(annotation: SampleAnnotation): { key: SheetColumnKey; message: string }[] {
  const found: { key: SheetColumnKey; message: string }[] = [];
  if (annotation.doseNm !== null && annotation.doseNm > MAX_PLAUSIBLE_DOSE_NM) {
    const shownDose = `${grouped.format(doseInUnit(annotation) ?? 0)} ${annotation.doseUnit}`;
    const molar = annotation.doseNm / NM_PER_UNIT.M;
    found.push({ key: 'concentration', message: `${shownDose} is ${roughly.format(molar)} M, far above any drug concentration used on cells: check it (were several values pasted into one cell?).` });
  }
  if (annotation.timeH !== null && annotation.timeH > MAX_PLAUSIBLE_TIME_H) {
    found.push({ key: 'time', message: `${grouped.format(timeInUnit(annotation) ?? 0)} ${annotation.timeUnit} is more than ${MAX_PLAUSIBLE_TIME_H / HOURS_PER_UNIT.d} days in culture: check it.` });
  }
  return found;
}
