import { FcsError, quoted } from './errors.ts';
import type { Keywords } from './types.ts';

/** Parses a non-negative integer written with optional padding spaces or leading zeros; null if it is not one. */
export function parseCount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** Parses a decimal number ("1024", " 4.0", "1e3"); null if it is not a finite number. */
export function parseDecimal(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** What the required keywords say, in words, for messages that name the keyword only in parentheses. */
const KEYWORD_WORDS: Readonly<Record<string, string>> = {
  $BEGINDATA: 'where its events start',
  $ENDDATA: 'where its events end',
  $BYTEORD: 'its byte order',
  $DATATYPE: 'its data type',
  $MODE: 'its data mode',
  $NEXTDATA: 'where a further data set starts',
  $PAR: 'how many parameters it has',
  $TOT: 'how many events it holds',
};

/** The value of a required keyword, or a clear error naming it. */
export function requireKeyword(keywords: Keywords, key: string): string {
  const value = keywords[key];
  if (value === undefined) throw new FcsError('MISSING_KEYWORD', `the file does not say ${KEYWORD_WORDS[key] ?? 'a required value'} (${key})`);
  return value;
}

/** A required non-negative integer keyword. */
export function requireCount(keywords: Keywords, key: string): number {
  const value = parseCount(requireKeyword(keywords, key));
  if (value === null) throw new FcsError('BAD_KEYWORD', `${KEYWORD_WORDS[key] ?? 'a value'} (${key}) is not a whole number (${quoted(keywords[key])})`);
  return value;
}
