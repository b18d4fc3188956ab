/**
 * The sample sheet: what each tube is (assay, role, cell line, compound, concentration, time, replicate, condition
 * label). Pre-filled from file names and keywords (sampleSheetNames.ts), edited by the user like a spreadsheet.
 * Concentrations are kept in nM and times in hours, the units every grouping and fit uses; each tube also keeps the
 * unit its user reads and writes them in.
 */
import { channelDyes, dyeFor, type ChannelNames } from '../channels/dyes.ts';
import { areaLike, pulseParameter } from '../channels/pulses.ts';

export type Assay = 'apoptosis' | 'cellCycle';
/**
 * What a tube is for: a treated sample, the untreated (or vehicle) sample, or a staining control: unstained,
 * Annexin V-only, PI-only, or a fluorescence-minus-one tube of a larger panel.
 */
export type SampleRole = 'sample' | 'untreated' | 'unstained' | 'annexinOnly' | 'piOnly' | 'fmo';

export const SAMPLE_ROLES: readonly SampleRole[] = ['sample', 'untreated', 'unstained', 'annexinOnly', 'piOnly', 'fmo'];

export const SAMPLE_ROLE_NAMES: Readonly<Record<SampleRole, string>> = {
  sample: 'Sample',
  untreated: 'Untreated',
  unstained: 'Unstained',
  annexinOnly: 'Annexin V only',
  piOnly: 'PI only',
  fmo: 'FMO',
};

export type ConcentrationUnit = 'pM' | 'nM' | 'µM' | 'mM' | 'M';
export type TimeUnit = 'min' | 'h' | 'd';

export const CONCENTRATION_UNITS: readonly ConcentrationUnit[] = ['pM', 'nM', 'µM', 'mM', 'M'];
export const TIME_UNITS: readonly TimeUnit[] = ['min', 'h', 'd'];
export const NM_PER_UNIT: Readonly<Record<ConcentrationUnit, number>> = { pM: 1e-3, nM: 1, µM: 1e3, mM: 1e6, M: 1e9 };
export const HOURS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { min: 1 / 60, h: 1, d: 24 };

export interface SampleAnnotation {
  assay: Assay | null;
  role: SampleRole;
  /** '' when not recorded. */
  cellLine: string;
  compound: string;
  /** Concentration in nM; null when not recorded. */
  doseNm: number | null;
  /** The unit the concentration is shown and typed in. */
  doseUnit: ConcentrationUnit;
  /** Exposure time in hours; null when not recorded. */
  timeH: number | null;
  timeUnit: TimeUnit;
  /** Replicate tag as the lab writes it without its prefix ("2" for R2 or rep2); '' when not recorded. */
  replicate: string;
  /** Free text that sets a condition apart (e.g. "+ Z-VAD", "DMSO 0.1%"); part of the condition. */
  label: string;
}

export function emptyAnnotation(): SampleAnnotation {
  return { assay: null, role: 'sample', cellLine: '', compound: '', doseNm: null, doseUnit: 'nM', timeH: null, timeUnit: 'h', replicate: '', label: '' };
}

/** Staining controls are not conditions of the experiment: they set thresholds and compensation. */
export function isStainingControl(role: SampleRole): boolean {
  return role === 'unstained' || role === 'annexinOnly' || role === 'piOnly' || role === 'fmo';
}

/** Unit conversions rounded to 12 significant digits, so 0.3 µM is 300 nM and back, not 300.00000000000006. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

export function toNm(value: number, unit: ConcentrationUnit): number {
  return tidy(value * NM_PER_UNIT[unit]);
}

export function toHours(value: number, unit: TimeUnit): number {
  return tidy(value * HOURS_PER_UNIT[unit]);
}

/** The concentration in the tube's own unit; null when not recorded. */
export function doseInUnit(annotation: Pick<SampleAnnotation, 'doseNm' | 'doseUnit'>): number | null {
  return annotation.doseNm === null ? null : tidy(annotation.doseNm / NM_PER_UNIT[annotation.doseUnit]);
}

export function timeInUnit(annotation: Pick<SampleAnnotation, 'timeH' | 'timeUnit'>): number | null {
  return annotation.timeH === null ? null : tidy(annotation.timeH / HOURS_PER_UNIT[annotation.timeUnit]);
}

const CONCENTRATION_ALIASES: Readonly<Record<string, ConcentrationUnit>> = {
  pm: 'pM', nm: 'nM', um: 'µM', 'µm': 'µM', '\u03bcm': 'µM', mm: 'mM', m: 'M',
  'pmol/l': 'pM', 'nmol/l': 'nM', 'umol/l': 'µM', 'µmol/l': 'µM', '\u03bcmol/l': 'µM', 'mmol/l': 'mM', 'mol/l': 'M',
};

/** A concentration unit as written in files and spreadsheets ("uM", "μM", "nmol/L"), or null. "MM" in capitals is a myeloma line (MM1S) or an initial, never millimolar. */
export function concentrationUnitOf(text: string): ConcentrationUnit | null {
  return text.trim() === 'MM' ? null : (CONCENTRATION_ALIASES[text.trim().toLowerCase()] ?? null);
}

const TIME_UNIT_WORDS: readonly [TimeUnit, RegExp][] = [
  ['min', /^(min|mins|minutes?)$/i],
  ['h', /^(h|hr|hrs|hours?)$/i],
  ['d', /^(d|days?)$/i],
];

export function timeUnitOf(text: string): TimeUnit | null {
  return TIME_UNIT_WORDS.find(([, pattern]) => pattern.test(text.trim()))?.[0] ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T => (options.includes(value as T) ? (value as T) : fallback);

/**
 * A sheet row as saved by any FlowFate version (the first knew only assay, role, dose in nM and time in hours),
 * completed with today's fields; null for what is not a sheet row. Older sheets are never dropped.
 */
export function migrateAnnotation(value: unknown): SampleAnnotation | null {
  if (!isRecord(value)) return null;
  const empty = emptyAnnotation();
  return {
    assay: value.assay === 'apoptosis' || value.assay === 'cellCycle' ? value.assay : null,
    role: oneOf(value.role, SAMPLE_ROLES, empty.role),
    cellLine: textOf(value.cellLine),
    compound: textOf(value.compound),
    doseNm: numberOrNull(value.doseNm),
    doseUnit: oneOf(value.doseUnit, CONCENTRATION_UNITS, empty.doseUnit),
    timeH: numberOrNull(value.timeH),
    timeUnit: oneOf(value.timeUnit, TIME_UNITS, empty.timeUnit),
    replicate: textOf(value.replicate),
    label: textOf(value.label),
  };
}

/** File names that say the assay: "AnnV-PI_24h.fcs", "PI only" (an apoptosis control), "cellcycle_48h", "PI-DNA". */
const APOPTOSIS_NAME = /ann(exin)?[ _-]?v|apoptosis|\b(pi|7[ _-]?aad)[ _-]?only\b/i;
const CELL_CYCLE_NAME = /cell[ _-]?cycle|\bdna\b|ploidy/i;

/**
 * A channel that measures DNA content: a DNA dye named in $PnS, or in the name of a linear area channel ("PI-A",
 * "DAPI-A") or of its pulse width or height ("PI-W"); a log-amplified detector named after PI in a large panel
 * ("488/552nm PI (615/30) LogH") is not one.
 */
function measuresDna(channel: ChannelNames): boolean {
  const dye = dyeFor(channel, 'dna');
  const pulse = pulseParameter(channel.name);
  if (dye?.source === '$PnS') return true;
  if (pulse.scale === 'log') return false;
  if (dye && areaLike(pulse)) return true;
  return (pulse.kind === 'width' || pulse.kind === 'height') && dyeFor({ name: pulse.stem, label: null }, 'dna') !== null;
}

/**
 * The assay from the channels that matter (the dye catalogue, src/channels/dyes.ts): a channel named for Annexin V
 * makes an apoptosis tube (with a viability dye, or alone in an Annexin V-only control labelled with its one dye);
 * a DNA-content channel without Annexin V makes a cell-cycle tube. Any other panel is neither (null, shown as
 * "Other"), FITC or PE detectors included. Only when no channel names a dye does the file name decide; it also
 * marks a DNA-dye tube named as an apoptosis control ("PI only") as apoptosis.
 */
export function inferAssay(channels: readonly ChannelNames[], fileName = ''): Assay | null {
  if (channels.some((c) => dyeFor(c, 'annexin') !== null)) return 'apoptosis';
  const dna = channels.some(measuresDna);
  if (dna && !APOPTOSIS_NAME.test(fileName)) return 'cellCycle';
  if (!dna && channels.some((c) => channelDyes(c).length > 0)) return null;
  if (APOPTOSIS_NAME.test(fileName)) return 'apoptosis';
  return CELL_CYCLE_NAME.test(fileName) ? 'cellCycle' : null;
}
