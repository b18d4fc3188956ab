import type { Channel, FcsWarning, Keywords, SpilloverMatrix } from './types.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/** Keywords holding "n, name_1..name_n, s_11..s_nn" row-major (FCS 3.1 $SPILLOVER and older vendor forms). */
const NAMED_SPILLOVER_KEYS = ['$SPILLOVER', 'SPILL', '$SPILL', 'SPILLOVER', 'DET_SPILL'];

/** `unknown` lists names that match no channel of this file (kept as written). */
type Parsed = { kind: 'ok'; matrix: SpilloverMatrix; unknown: string[] } | { kind: 'invalid'; reason: string };

/** Finds the $PnN a spillover entry means: a $PnN, else a parameter number, else a unique $PnS. */
function resolveChannelName(entry: string, channels: Channel[]): string | null {
  const byName = channels.find((c) => c.name === entry);
  if (byName) return byName.name;
  if (/^\d+$/.test(entry)) {
    const n = Number(entry);
    return n >= 1 && n <= channels.length ? channels[n - 1].name : null;
  }
  const byLabel = channels.filter((c) => c.label === entry);
  return byLabel.length === 1 ? byLabel[0].name : null;
}

function parseNumbers(tokens: string[]): number[] | null {
  const values = tokens.map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
  return values.every(Number.isFinite) ? values : null;
}

function toRows(values: number[], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => values.slice(i * n, (i + 1) * n));
}

function parseNamedSpillover(text: string, source: string, channels: Channel[]): Parsed {
  const tokens = text.split(',').map((t) => t.trim());
  if (tokens.length > 1 && tokens.at(-1) === '') tokens.pop();
  const n = Number(tokens[0]);
  if (!Number.isInteger(n) || n < 1) return { kind: 'invalid', reason: `it does not start with the number of channels` };
  const expected = 1 + n + n * n;
  if (tokens.length !== expected) return { kind: 'invalid', reason: `${n} channels need ${n * n} values but ${tokens.length - 1 - n} were found` };
  const written = tokens.slice(1, 1 + n);
  const names = written.map((entry) => resolveChannelName(entry, channels) ?? entry);
  const unknown = written.filter((entry) => resolveChannelName(entry, channels) === null);
  if (new Set(names).size !== n) return { kind: 'invalid', reason: 'it lists a channel twice' };
  const values = parseNumbers(tokens.slice(1 + n));
  if (!values) return { kind: 'invalid', reason: 'some of its values are not numbers' };
  return { kind: 'ok', matrix: { channels: names, matrix: toRows(values, n), source }, unknown };
}

/** FCS 3.0 $COMP: "n, values" over parameters 1..n, row-major. */
function parseCompKeyword(text: string, channels: Channel[]): Parsed {
  const tokens = text.split(',').map((t) => t.trim());
  const n = Number(tokens[0]);
  if (!Number.isInteger(n) || n < 2 || n > channels.length) return { kind: 'invalid', reason: `its size (${tokens[0]}) does not fit the ${channels.length} parameters` };
  if (tokens.length !== 1 + n * n) return { kind: 'invalid', reason: `${n} parameters need ${n * n} values but ${tokens.length - 1} were found` };
  const values = parseNumbers(tokens.slice(1));
  if (!values) return { kind: 'invalid', reason: 'some of its values are not numbers' };
  return { kind: 'ok', matrix: { channels: channels.slice(0, n).map((c) => c.name), matrix: toRows(values, n), source: '$COMP' }, unknown: [] };
}

/**
 * FCS 2.0 $DFCiTOj: percent of detector i subtracted from detector j. Beckman's manuals number the
 * fluorescence *detectors* (FL1, FL2...), not parameters, so detector i is matched to the one channel
 * named "FLi..."; when that is ambiguous (FL1 LIN and FL1 LOG) the matrix cannot be placed and is skipped.
 * All-zero off-diagonal terms mean "no compensation" and give no matrix.
 */
function parseDfcKeywords(keywords: Keywords, channels: Channel[]): Parsed | null {
  const terms: { from: number; to: number; percent: number }[] = [];
  for (const [key, value] of Object.entries(keywords)) {
    const match = /^\$DFC(\d+)TO(\d+)$/.exec(key);
    if (!match) continue;
    const percent = Number(value);
    if (!Number.isFinite(percent)) return { kind: 'invalid', reason: `${key} is not a number` };
    if (match[1] !== match[2] && percent !== 0) terms.push({ from: Number(match[1]), to: Number(match[2]), percent });
  }
  if (terms.length === 0) return null;
  const detectors = [...new Set(terms.flatMap((t) => [t.from, t.to]))].toSorted((a, b) => a - b);
  const names: string[] = [];
  for (const detector of detectors) {
    const matches = channels.filter((c) => new RegExp(`^FL${detector}(?!\\d)`, 'i').test(c.name));
    if (matches.length !== 1) return { kind: 'invalid', reason: `detector FL${detector} matches ${matches.length} channels` };
    names.push(matches[0].name);
  }
  const matrix = detectors.map((_, i) => detectors.map((__, j): number => (i === j ? 1 : 0)));
  for (const term of terms) matrix[detectors.indexOf(term.from)][detectors.indexOf(term.to)] = term.percent / 100;
  return { kind: 'ok', matrix: { channels: names, matrix, source: '$DFCiTOj' }, unknown: [] };
}

/**
 * The file's spillover matrix: the first valid keyword whose channels all exist in the file, else the first
 * valid one naming channels that are absent (BD Influx writes all 24 detectors into SPILL of a 4-parameter
 * file). Invalid keywords met on the way each give a warning.
 */
export function readSpillover(keywords: Keywords, channels: Channel[], warnings: FcsWarning[]): SpilloverMatrix | null {
  const attempts: [string, () => Parsed | null][] = [
    ...NAMED_SPILLOVER_KEYS.map((key): [string, () => Parsed | null] => [key, () => (keywords[key] === undefined ? null : parseNamedSpillover(keywords[key], key, channels))]),
    ['$COMP', () => (keywords['$COMP'] === undefined ? null : parseCompKeyword(keywords['$COMP'], channels))],
    ['$DFCiTOj', () => parseDfcKeywords(keywords, channels)],
  ];
  let partial: { matrix: SpilloverMatrix; unknown: string[] } | null = null;
  for (const [key, attempt] of attempts) {
    const parsed = attempt();
    if (parsed === null) continue;
    if (parsed.kind === 'invalid') {
      warnings.push(makeWarning('SPILLOVER_INVALID', `The file's compensation matrix (${key}) could not be used: ${parsed.reason}.`));
    } else if (parsed.unknown.length === 0) {
      return parsed.matrix;
    } else {
      partial ??= parsed;
    }
  }
  if (partial) {
    warnings.push(
      makeWarning(
        'SPILLOVER_UNKNOWN_CHANNELS',
        `The file's compensation matrix (${partial.matrix.source}) names channels that are not in this file (${listForMessage(partial.unknown)}); only the channels present can be compensated.`,
      ),
    );
  }
  return partial?.matrix ?? null;
}
