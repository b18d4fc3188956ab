import { describe, expect, it } from 'vitest';
import { detectDelimiter, isBlankRow, parseDelimited, spreadsheetTextEncoding } from './delimitedText.ts';

describe('delimited text', () => {
  it('splits a block copied from Excel cell by cell, without the empty row of its final line break', () => {
    expect(parseDelimited('10\t24\tR1\r\n20\t24\tR2\r\n')).toEqual([['10', '24', 'R1'], ['20', '24', 'R2']]);
    expect(parseDelimited('10\n20\n50\n100\n')).toEqual([['10'], ['20'], ['50'], ['100']]);
    expect(parseDelimited('a\t\tc\n')).toEqual([['a', '', 'c']]);
  });

  it('reads RFC 4180 quotes: delimiters, line breaks and doubled quotes inside a field', () => {
    expect(parseDelimited('file,label\r\n"a,b.fcs","say ""hi""\nthere"\r\n')).toEqual([['file', 'label'], ['a,b.fcs', 'say "hi"\nthere']]);
  });

  it('detects tab, semicolon (European Excel) and comma, and drops a byte-order mark', () => {
    expect(detectDelimiter('dose\ttime')).toBe('\t');
    expect(detectDelimiter('dose;viable\n0,5;87,3')).toBe(';');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(parseDelimited('\uFEFFdose;viable\r\n0,5;87,3\r\n')).toEqual([['dose', 'viable'], ['0,5', '87,3']]);
  });

  it("takes Excel's sep= first line as the delimiter and not as a row", () => {
    const text = 'sep=;\r\nDose;Viable\r\n0,5;87,3\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseDelimited(text)).toEqual([['Dose', 'Viable'], ['0,5', '87,3']]);
    expect(parseDelimited('\uFEFFsep=,\nDose,Viable\n')).toEqual([['Dose', 'Viable']]);
    expect(parseDelimited('sep,x\n1,2\n')).toEqual([['sep', 'x'], ['1', '2']]);
  });

  it('keeps blank lines inside as rows that can be told apart', () => {
    const rows = parseDelimited('a,b\n\n,\nc,d');
    expect(rows).toEqual([['a', 'b'], [''], ['', ''], ['c', 'd']]);
    expect(rows.map(isBlankRow)).toEqual([false, true, true, false]);
  });
});

describe('spreadsheet text encodings', () => {
  it('tells UTF-16, UTF-8 and Windows-1252 apart', () => {
    expect(spreadsheetTextEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0))).toBe('utf-16le');
    expect(spreadsheetTextEncoding(new TextEncoder().encode('\uFEFFdose;0,5 µM'))).toBe('utf-8');
    expect(spreadsheetTextEncoding(new TextEncoder().encode('plain'))).toBe('utf-8');
    expect(spreadsheetTextEncoding(Uint8Array.of(0x30, 0x2c, 0x35, 0x20, 0xb5, 0x4d))).toBe('windows-1252');
    expect(new TextDecoder('windows-1252').decode(Uint8Array.of(0x35, 0x20, 0xb5, 0x4d))).toBe('5 µM');
  });
});
