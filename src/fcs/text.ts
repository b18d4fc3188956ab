import { FcsError } from './errors.ts';
import type { FcsWarning, Keywords } from './types.ts';
import { decodeLatin1, decodeUtf8, isValidUtf8 } from './utf8.ts';
import { listForMessage, makeWarning } from './warnings.ts';

/** Keyword/value pairs of one TEXT-like segment (primary TEXT, supplemental TEXT or ANALYSIS). */
export interface KeywordSegment {
  keywords: Keywords;
  /** The delimiter byte: the segment's first byte (FCS 3.1 §3.2.1). */
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
 * FCS 3.1 §3.2.1: the first byte is the delimiter and a doubled delimiter inside a keyword or value is
 * an escaped literal delimiter, so empty values are illegal. Some instruments (BD CellQuest, Partec,
 * BD Accuri) still write empty values as a doubled delimiter. A delimiter pair met while reading a
 * keyword *name* is therefore read as "empty value, next keyword" (keyword names never contain the
 * delimiter in practice), the rule that gives every $PnN in the corpus files that do this. An odd run
 * of delimiters after a name ends the name and starts the value with the escaped remainder.
 * A doubled delimiter that ends the segment is an extra terminator, not an escape.
 * Keywords are upper-cased (§3.2.1: case-insensitive); names and values are trimmed.
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

  /** Reads one token from `from`; returns it and where the next token starts. */
  const readToken = (from: number, isName: boolean): { token: Token; next: number; emptyValue: boolean } => {
    let written = 0;
    let chunkStart = from;
    let usedScratch = false;
    let i = from;
    for (;;) {
      while (i < end && bytes[i] !== delimiter) i++;
      if (i >= end) {
        unterminated = true;
        return { token: finish(i), next: end, emptyValue: false };
      }
      const run = runLength(i);
      if (i + run >= end) return { token: finish(i), next: end, emptyValue: false };
      if (run === 1) return { token: finish(i), next: i + 1, emptyValue: false };
      if (isName && run % 2 === 0) return { token: finish(i), next: i + 2, emptyValue: true };
      if (run % 2 === 1) {
        // Odd run: escaped delimiters then the terminator. After a name, the escapes belong to the value.
        if (isName) return { token: finish(i), next: i + 1, emptyValue: false };
        appendChunk(i, (run - 1) / 2);
        return { token: { bytes: scratch, start: 0, end: written }, next: i + run, emptyValue: false };
      }
      appendChunk(i, run / 2);
      i += run;
      chunkStart = i;
    }

    function appendChunk(until: number, literalDelimiters: number): void {
      usedScratch = true;
      scratch.set(bytes.subarray(chunkStart, until), written);
      written += until - chunkStart;
      scratch.fill(delimiter, written, written + literalDelimiters);
      written += literalDelimiters;
    }

    function finish(until: number): Token {
      if (!usedScratch) return { bytes, start: from, end: until };
      appendChunk(until, 0);
      return { bytes: scratch, start: 0, end: written };
    }
  };

  let position = start + 1;
  while (position < end) {
    if (isPaddingUpTo(bytes, position, end)) break;
    const name = readToken(position, true);
    const key = decode(name.token.bytes, name.token.start, name.token.end).trim().toUpperCase();
    let value = '';
    if (name.emptyValue) {
      position = name.next;
      if (key) emptyValueKeys.push(key);
    } else {
      if (name.next >= end) {
        if (key) unterminated = true;
        break;
      }
      const read = readToken(name.next, false);
      value = decode(read.token.bytes, read.token.start, read.token.end).trim();
      position = read.next;
    }
    if (!key) {
      if (value) emptyNames++;
      continue;
    }
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
