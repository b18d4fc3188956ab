/**
 * A minimal Office Open XML workbook (ECMA-376 SpreadsheetML): one sheet per table, bold header row, numbers stored
 * as numbers (with the table's display format) and text as inline strings, zipped with fflate. Enough for Excel,
 * LibreOffice, Numbers and Prism to open, and nothing else to go wrong.
 */
import { strToU8, zipSync } from 'fflate';
import { guardFormula, type Cell, type NumberFormat, type Table } from './table.ts';

export interface Sheet {
  /** Shown on the tab; Excel allows 31 characters and forbids []:*?/\ */
  name: string;
  table: Table;
  /** More tables below the first, each after an empty row under its bold title (e.g. a summary's EC50 table). */
  below?: { title: string; table: Table }[];
}

/** Style indexes in styles.xml: 0 normal, 1 bold header, then one per number format. */
const STYLE_OF_FORMAT: Record<NumberFormat, number> = { integer: 2, percent: 3, significant: 4, full: 4 };

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
SHEETS</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="General"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>`;

function escapeXml(value: string): string {
  // XML 1.0 forbids most control characters even when escaped.
  // oxlint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(cell: Cell, ref: string, header: boolean): string {
  if (cell.kind === 'number') {
    if (!Number.isFinite(cell.value)) return '';
    const value = cell.format === 'integer' ? Math.round(cell.value) : cell.value;
    return `<c r="${ref}" s="${STYLE_OF_FORMAT[cell.format]}"><v>${value}</v></c>`;
  }
  const style = header ? ' s="1"' : '';
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(guardFormula(cell.value))}</t></is></c>`;
}

const headerOf = (t: Table): Cell[] => t.columns.map((value) => ({ kind: 'text', value }));

function sheetXml({ table, below = [] }: Sheet): string {
  // Bold rows: every header, and the title above each table placed below.
  const lines: { cells: Cell[]; bold: boolean }[] = [{ cells: headerOf(table), bold: true }, ...table.rows.map((cells) => ({ cells, bold: false }))];
  for (const part of below) {
    lines.push({ cells: [], bold: false }, { cells: [{ kind: 'text', value: part.title }], bold: true }, { cells: headerOf(part.table), bold: true });
    lines.push(...part.table.rows.map((cells) => ({ cells, bold: false })));
  }
  const rows = lines.map(({ cells, bold }, r) => `<row r="${r + 1}">${cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, bold)).join('')}</row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function safeSheetName(name: string, index: number, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || `Sheet ${index + 1}`;
  for (let k = 2; used.has(base.toLowerCase()); k++) base = `${base.slice(0, 27)} (${k})`;
  used.add(base.toLowerCase());
  return base;
}

/** The workbook's bytes (an .xlsx file). */
export function renderXlsx(sheets: readonly Sheet[]): Uint8Array<ArrayBuffer> {
  if (sheets.length === 0) throw new RangeError('a workbook needs at least one sheet');
  const used = new Set<string>();
  const names = sheets.map((s, i) => safeSheetName(s.name, i, used));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      CONTENT_TYPES.replace(
        'SHEETS',
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n`).join(''),
      ),
    ),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/styles.xml': strToU8(STYLES),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  return new Uint8Array(zipSync(files, { level: 6 }));
}
