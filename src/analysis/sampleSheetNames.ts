/**
 * A first sample sheet from what labs write into file names and keywords: "MM1S_Ixa_050nM_24h_R2_AnnV-PI.fcs",
 * "AnnV-PI_PI-only.fcs", a TUBE NAME of "Ixa 50 nM 24 h" or a $SRC of "MM1S". Every field stays editable; this only
 * saves typing.
 */
import type { ChannelNames } from '../channels/dyes.ts';
import { concentrationUnitOf, emptyAnnotation, inferAssay, timeUnitOf, toHours, toNm, type ConcentrationUnit, type SampleAnnotation, type SampleRole, type TimeUnit } from './sampleSheet.ts';

const ROLE_PATTERNS: readonly [SampleRole, RegExp][] = [
  ['unstained', /\b(unstained|unstain|no[ -]?stain|blank)\b/i],
  ['annexinOnly', /\b(ann(exin)?[ -]?v?|fitc)[ -]?only\b|\bonly[ -]?(ann(exin)?|fitc)/i],
  ['piOnly', /\b(pi|7[ -]?aad)[ -]?only\b|\bonly[ -]?pi\b/i],
  ['fmo', /\bfmo\b/i],
  ['untreated', /\b(untreated|untr|vehicle|dmso|mock|ctrl)\b/i],
];

const DOSE = /(\d+(?:[.,]\d+)?)\s*(pM|nM|uM|µM|\u03bcM|mM)(?![a-z0-9])/gi;
const TIME = /(\d+(?:[.,]\d+)?)\s*(min|mins|minutes?|h|hr|hrs|hours?|d|days?)(?![a-z])/i;
const REPLICATE = /^(?:r|rep|replicate|n|#)[ ._-]?(\d{1,2}|[a-f])$/i;

/** A replicate tag as labs write it ("R2", "rep-02", "#3", "repB", or a bare "2") without its prefix; null when `text` is none. */
export function replicateOf(text: string): string | null {
  const trimmed = text.trim();
  const tag = REPLICATE.exec(trimmed)?.[1] ?? (/^\d{1,3}$/.test(trimmed) ? trimmed : null);
  if (tag === null) return null;
  return /^\d+$/.test(tag) ? String(Number(tag)) : tag.toUpperCase();
}

/** Common lines of cancer-drug labs, compared without case and punctuation ("MM.1S" = "MM1S"). */
const CELL_LINES = new Set([
  'mm1s', 'mm1r', 'rpmi8226', 'u266', 'kms11', 'kms12bm', 'kms12pe', 'opm2', 'ncih929', 'h929', 'lp1', 'amo1', 'jjn3', 'molp8',
  'jurkat', 'hl60', 'k562', 'thp1', 'u937', 'molm13', 'mv411', 'kg1', 'nb4', 'raji', 'ramos', 'daudi', 'karpas299', 'sudhl4',
  'hela', 'a549', 'mcf7', 'mdamb231', 'hek293', 'hek293t', 'hct116', 'ht29', 'sw480', 'pc3', 'du145', 'lncap', 'u2os', 'panc1', 'huvec', 'pbmc',
]);

/** Words naming the assay, the panel or the instrument's default names: never a compound or a cell line. */
const NOISE = /^(annv|annexin|annexinv|av|pi|dna|annvpi|annexinvpi|avpi|pidna|apop|apoptosis|cc|cellcycle|cycle|fitc|pe|stain|stained|sample|specimen|tube|well|exp|experiment|plate|live|dead|untreated|untr|vehicle|dmso|mock|ctrl|control|fcs)$/;

const plain = (token: string) => token.toLowerCase().replace(/[^a-z0-9]/g, '');
const numberOf = (text: string) => Number(text.replace(',', '.'));

interface Found {
  role: SampleRole | null;
  dose: { nm: number; unit: ConcentrationUnit } | null;
  time: { hours: number; unit: TimeUnit } | null;
  replicate: string;
  cellLine: string;
  compound: string;
}

/**
 * The words left in a name once its dose and time are taken out, without the hyphens that joined them to those
 * ("Ixa-" of "Ixa-25nM"). In a `hyphenSeparated` name ("KMS11-Carfilzomib-100nM-24h-Rep3") hyphens separate the
 * words too, except before a number ("ABT-199", "KMS-11", "Rep-3" stay whole).
 */
function wordsOf(text: string, hyphenSeparated: boolean): string[] {
  const words = text.split(/\s+/).flatMap((word) => (hyphenSeparated ? word.split(/-(?!\d)/) : [word]));
  return words.map((word) => word.replace(/^-+|-+$/g, '')).filter((word) => word !== '');
}

/** What one text (a file name, a TUBE NAME) says about the tube. */
export function readTubeName(text: string): Found {
  const stem = text.replace(/\.[a-z0-9]{2,4}$/i, '').trim();
  let rest = ` ${stem.replaceAll('_', ' ')} `;
  const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(rest))?.[0] ?? null;
  // "MM" in capitals is a myeloma line (MM1S, MM.1S) or an initial, never a lab's millimolar.
  const doseMatch = [...rest.matchAll(DOSE)].find((m) => m[2] !== 'MM');
  const unit = doseMatch && concentrationUnitOf(doseMatch[2]);
  const dose = doseMatch && unit ? { nm: toNm(numberOf(doseMatch[1]), unit), unit } : null;
  if (doseMatch) rest = rest.replace(doseMatch[0], ' ');
  const timeMatch = TIME.exec(rest);
  const timeUnit = timeMatch && timeUnitOf(timeMatch[2]);
  const time = timeMatch && timeUnit ? { hours: toHours(numberOf(timeMatch[1]), timeUnit), unit: timeUnit } : null;
  if (timeMatch) rest = rest.replace(timeMatch[0], ' ');

  // Hyphens separate words only in a name that codes a condition with them ("MM1S-like" is one word).
  const hyphenSeparated = !/[\s_]/.test(stem) && (dose !== null || time !== null);
  const tokens = wordsOf(rest.replace(/\b(rep|replicate)\s+(?=\d)/i, '$1'), hyphenSeparated);
  let replicate = '';
  const others: string[] = [];
  tokens.forEach((token, k) => {
    const tagged = REPLICATE.test(token);
    // A bare trailing number ("_2") is a replicate only in names that code a condition (not "Specimen_001_Tube_003").
    const trailing = k === tokens.length - 1 && /^\d{1,2}$/.test(token) && (dose !== null || time !== null);
    if (!replicate && (tagged || trailing)) replicate = replicateOf(token) ?? '';
    else others.push(token);
  });
  const cellLine = others.find((t) => CELL_LINES.has(plain(t))) ?? '';
  const candidates = others.filter((t) => t !== cellLine && /^[a-z]/i.test(t) && !NOISE.test(plain(t)) && !/^[a-h]\d{1,2}$/i.test(t) && !ROLE_PATTERNS.some(([, p]) => p.test(` ${t} `)));
  return { role, dose, time, replicate, cellLine, compound: dose && dose.nm > 0 ? (candidates[0] ?? '') : '' };
}

/** FACSDiva's default specimen names say nothing about the tube. */
const DEFAULT_SOURCE = /^(specimen|sample|tube)[ _-]*\d*$/i;

/**
 * The sheet row a tube starts with: read from its file name, then from $FIL, TUBE NAME and $SRC for whatever the name
 * leaves open; $SRC alone names the cell line when nothing else does. A dose-0 tube is the untreated sample.
 */
export function inferAnnotation(fileName: string, channels: readonly ChannelNames[], keywords: Readonly<Record<string, string>> = {}): SampleAnnotation {
  const source = keywords.$SRC?.trim() ?? '';
  const texts = [fileName, keywords.$FIL, keywords['TUBE NAME'], source].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const found = texts.map(readTubeName);
  const first = <T>(pick: (f: Found) => T | null | ''): T | null => found.map(pick).find((v): v is T => v !== null && v !== '') ?? null;
  const annotation = emptyAnnotation();
  const dose = first((f) => f.dose);
  const time = first((f) => f.time);
  annotation.assay = inferAssay(channels, fileName.replace(/\.[^.]+$/, '').replaceAll('_', ' '));
  annotation.role = first((f) => f.role) ?? (dose?.nm === 0 ? 'untreated' : 'sample');
  annotation.doseNm = dose?.nm ?? null;
  annotation.doseUnit = dose?.unit ?? 'nM';
  annotation.timeH = time?.hours ?? null;
  annotation.timeUnit = time?.unit ?? 'h';
  annotation.replicate = first((f) => f.replicate) ?? '';
  annotation.compound = first((f) => f.compound) ?? '';
  annotation.cellLine = first((f) => f.cellLine) ?? (source !== '' && !DEFAULT_SOURCE.test(source) && !/\s/.test(source) ? source : '');
  return annotation;
}
