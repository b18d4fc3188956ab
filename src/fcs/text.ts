import { FcsError } from './errors.ts';
import type { FcsWarning, Keywords } from './types.ts';
import { decodeLatin1, decodeUtf8, isValidUtf8 } from './utf8.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/** Keyword/value pairs of one TEXT-like segment (primary TEXT, supplemental TEXT or ANALYSIS). */
export interface KeywordSegment {
  keywords: Keywords;
  /** The delimiter byte: the segment's first byte (FCS 3.1, TEXT segment). */
  delimiter: number;
  warnings: FcsWarning[];
}

/** Spaces, NULs and line breaks after the last delimiter are padding, not a keyword. */
function isPaddingUpTo(bytes: Uint8Array, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x00 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  }
  return true;
}

/** Byte range [start, end) of one token after escape removal, or the bytes themselves when escapes were found. */
interface Token {
  bytes: Uint8Array;
  start: number;
  end: number;
}

/**
 * Splits bytes[start..endInclusive] into keyword/value pairs.
 *
 * FCS 3.1 TEXT rules: the first byte is the delimiter and a doubled delimiter inside a value is an escaped
 * literal delimiter, so empty values are illegal. Some instruments (BD CellQuest, Partec, BD Accuri)
 * still write empty values, as "name, delimiter, delimiter". Readers that apply the escape rule to
 * names too glue the next keyword onto the name and lose it (FlowIO, fcsparser lose $P6N of the
 * CellQuest corpus file). Keyword names never contain the delimiter, so here the first delimiter
 * after a name always ends it; the value is then read with the escape rule, and an immediate single
 * delimiter is an empty value. A doubled delimiter that ends the segment is an extra terminator.
 * Keywords are upper-cased (case-insensitive in FCS 3.1); names and values are trimmed.
 */
export function parseKeywordSegment(
  bytes: Uint8Array,
  start: number,
  endInclusive: number,
  segmentName: string,
): KeywordSegment {
  const end = endInclusive + 1;
  if (start < 0 || end > bytes.length || end - start < 1) {
    throw new FcsError('BAD_TEXT', `the ${segmentName} segment (bytes ${start}-${endInclusive}) is empty or outside the file`);
  }
  const delimiter = bytes[start];
  const utf8 = isValidUtf8(bytes, start, end);
  const decode = utf8 ? decodeUtf8 : decodeLatin1;
  const warnings: FcsWarning[] = [];
  if (!utf8) {
    warnings.push(
      makeWarning('TEXT_NOT_UTF8', `The ${segmentName} segment is not valid UTF-8; it was read as Latin-1 (older instruments write it that way).`),
    );
  }

  const keywords: Keywords = {};
  const emptyValueKeys: string[] = [];
  const duplicateKeys: string[] = [];
  let emptyNames = 0;
  let unterminated = false;
  const scratch = new Uint8Array(end - start);

  const runLength = (at: number): number => {
    let n = 0;
    while (at + n < end && bytes[at + n] === delimiter) n++;
    return n;
  };

  /** Reads a keyword name: everything up to the next delimiter. */
  const readName = (from: number): { token: Token; next: number } => {
    let i = from;
    while (i < end && bytes[i] !== delimiter) i++;
    if (i >= end) unterminated = true;
    return { token: { bytes, start: from, end: i }, next: i + 1 };
  };

  /** Reads a value: pairs of delimiters are literal delimiters, an odd run ends the value after its escapes. */
  const readValue = (from: number): { token: Token; next: number } => {
    let written = 0;
    let chunkStart = from;
    let usedScratch = false;
    let i = from;
    const appendChunk = (until: number, literalDelimiters: number): void => {
      usedScratch = true;
      scratch.set(bytes.subarray(chunkStart, until), written);
      written += until - chunkStart;
      scratch.fill(delimiter, written, written + literalDelimiters);
      written += literalDelimiters;
    };
    const finish = (until: number, literalDelimiters: number): Token => {
      if (!usedScratch && literalDelimiters === 0) return { bytes, start: from, end: until };
      appendChunk(until, literalDelimiters);
      return { bytes: scratch, start: 0, end: written };
    };
    for (;;) {
      while (i < end && bytes[i] !== delimiter) i++;
      if (i >= end) {
        unterminated = true;
        return { token: finish(i, 0), next: end };
      }
      const run = runLength(i);
      // At the end of the segment an even run is escapes plus the terminator plus one extra delimiter.
      if (i + run >= end) return { token: finish(i, Math.floor((run - 1) / 2)), next: end };
      if (run % 2 === 1) return { token: finish(i, (run - 1) / 2), next: i + run };
      appendChunk(i, run / 2);
      i += run;
      chunkStart = i;
    }
  };

  let position = start + 1;
  while (position < end) {
    if (isPaddingUpTo(bytes, position, end)) break;
    const name = readName(position);
    const key = decode(name.token.bytes, name.token.start, name.token.end).trim().toUpperCase();
    if (name.next >= end) {
      if (key) unterminated = true;
      break;
    }
    const read = readValue(name.next);
    const value = decode(read.token.bytes, read.token.start, read.token.end).trim();
    position = read.next;
    if (!key) {
      if (value) emptyNames++;
      continue;
    }
    if (read.token.end === read.token.start) emptyValueKeys.push(key);
    if (Object.hasOwn(keywords, key)) duplicateKeys.push(key);
    else keywords[key] = value;
  }

  if (emptyValueKeys.length > 0) {
    warnings.push(
      makeWarning(
        'EMPTY_KEYWORD_VALUE',
        `The ${segmentName} segment has keywords with empty values (${listForMessage(emptyValueKeys)}), which the FCS standard does not allow; they were read as empty.`,
      ),
    );
  }
  if (duplicateKeys.length > 0) {
    warnings.push(
      makeWarning('DUPLICATE_KEYWORD', `The ${segmentName} segment repeats keywords (${listForMessage(duplicateKeys)}); the first value of each was kept.`),
    );
  }
  if (emptyNames > 0) {
    warnings.push(makeWarning('EMPTY_KEYWORD_NAME', `The ${segmentName} segment has ${emptyNames} value(s) without a keyword name; they were skipped.`));
  }
  if (unterminated) {
    warnings.push(makeWarning('TEXT_UNTERMINATED', `The ${segmentName} segment does not end with its delimiter; its last value was read up to the end of the segment.`));
  }
  return { keywords, delimiter, warnings };
}
