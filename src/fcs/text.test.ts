import { describe, expect, it } from 'vitest';
import { FcsError } from './errors.ts';
import { parseKeywordSegment } from './text.ts';

function segment(text: string | Uint8Array) {
  const bytes = typeof text === 'string' ? Uint8Array.from(text, (ch) => ch.charCodeAt(0)) : text;
  return parseKeywordSegment(bytes, 0, bytes.length - 1, 'TEXT');
}

describe('parseKeywordSegment', () => {
  it('splits on the first byte as delimiter, upper-cases and trims names, trims values', () => {
    const { keywords, warnings, delimiter } = segment('|$tot|  42 |  $P1n |FSC-A|');
    expect(delimiter).toBe('|'.charCodeAt(0));
    expect(keywords).toEqual({ $TOT: '42', $P1N: 'FSC-A' });
    expect(warnings).toEqual([]);
  });

  it('reads a doubled delimiter inside a value as one literal delimiter', () => {
    expect(segment('/$FIL/C://data//a.fcs/$CYT/X/').keywords).toEqual({ $FIL: 'C:/data/a.fcs', $CYT: 'X' });
    expect(segment('/A////B/c/').keywords).toEqual({ A: '/', B: 'c' });
    expect(segment('/A///x/B/c/').keywords).toEqual({ A: '/x', B: 'c' });
  });

  it('reads "name, delimiter, delimiter" as an empty value and keeps the next keyword (CellQuest, Partec)', () => {
    const { keywords, warnings } = segment('\\$P3S\\\\$P4S\\\\$P6N\\FL1-A\\');
    expect(keywords).toEqual({ $P3S: '', $P4S: '', $P6N: 'FL1-A' });
    expect(warnings.map((w) => w.code)).toEqual(['EMPTY_KEYWORD_VALUE']);
    expect(warnings[0].message).toContain('$P3S, $P4S');
  });

  it('treats a doubled delimiter at the very end as an extra terminator', () => {
    expect(segment('/A/b//').keywords).toEqual({ A: 'b' });
    expect(segment('/A/b///').keywords).toEqual({ A: 'b/' });
  });

  it('ignores padding after the last delimiter and warns about a missing final delimiter', () => {
    expect(segment('/A/b/\0\0  ').warnings).toEqual([]);
    const unterminated = segment('\fA\fb\fC\f20200722  ');
    expect(unterminated.keywords).toEqual({ A: 'b', C: '20200722' });
    expect(unterminated.warnings.map((w) => w.code)).toEqual(['TEXT_UNTERMINATED']);
  });

  it('keeps the first of repeated keywords with a warning', () => {
    const { keywords, warnings } = segment('/$VOL/1/$vol/2/');
    expect(keywords).toEqual({ $VOL: '1' });
    expect(warnings.map((w) => w.code)).toEqual(['DUPLICATE_KEYWORD']);
  });

  it('decodes UTF-8, and falls back to Latin-1 with a warning when the bytes are not UTF-8', () => {
    // CE BC is U+03BC (Greek mu) in UTF-8.
    const utf8 = Uint8Array.from([0x2f, 0x24, 0x53, 0x2f, 0xce, 0xbc, 0x6d, 0x2f]);
    expect(segment(utf8).keywords).toEqual({ $S: '\u03bcm' });
    // 0xAA alone is not UTF-8; in Latin-1 it is "ª" (as in "CELLQuestª").
    const latin1 = Uint8Array.from([0x2f, 0x41, 0x2f, 0x51, 0xaa, 0x2f]);
    const parsed = segment(latin1);
    expect(parsed.keywords).toEqual({ A: 'Qª' });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['TEXT_NOT_UTF8']);
  });

  it('refuses a segment outside the file', () => {
    expect(() => parseKeywordSegment(new Uint8Array(4), 2, 10, 'TEXT')).toThrow(FcsError);
  });
});
