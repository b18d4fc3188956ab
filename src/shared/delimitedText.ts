/**
 * Rows and cells of delimited text as spreadsheets write it: CSV (RFC 4180 quotes, comma or, from European Excel,
 * semicolon), tab-separated clipboard blocks from Excel, Sheets or Prism, any line ending, a byte-order mark, Excel's
 * "sep=;" first line, and the final line break Excel adds to a copied block.
 */
export type Delimiter = ',' | ';' | '\t';

/** Excel's first line naming the delimiter ("sep=;"), which Excel reads and does not show as a row. */
const SEPARATOR_LINE = /^\uFEFF?sep=([,;\t])[ \t]*(?:\r\n|\r|\n|$)/i;

/**
 * The delimiter of a text: the one its "sep=" line names, else tab when its first line has one, else the commoner of
 * semicolon and comma outside quotes.
 */
export function detectDelimiter(text: string): Delimiter {
  const named = SEPARATOR_LINE.exec(text)?.[1];
  if (named === ',' || named === ';' || named === '\t') return named;
  const firstLine = text.replace(/"[^"]*"/g, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.includes('\t')) return '\t';
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * The cells of each line. A field in double quotes may hold delimiters, line breaks and doubled quotes. One final
 * line break ends the last row rather than starting an empty one; other empty lines stay as rows of one empty cell.
 */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const source = text.replace(SEPARATOR_LINE, '').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && source[i + 1] === '\n') i++;
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** True for a row with nothing in it (an empty line, or only delimiters and spaces). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/**
 * The encoding of a text file saved by a spreadsheet: UTF-16 after its byte-order mark (Excel's "Unicode Text"),
 * UTF-8 when the bytes are valid UTF-8 (with or without a mark), else Windows-1252 (Excel's older "CSV" on Windows).
 */
export function spreadsheetTextEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 && b >= 0xc2 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return 'windows-1252';
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 'windows-1252';
    i += length;
  }
  return 'utf-8';
}
