import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { integer, percent, text } from './table.ts';
import { columnName, renderXlsx } from './xlsx.ts';

describe('renderXlsx', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('packages one worksheet per table with numbers as numbers and escaped inline text', () => {
    const bytes = renderXlsx([
      { name: 'Apoptosis: 24/48 h', table: { columns: ['File', 'Viable %'], rows: [[text('a<b&"c".fcs'), percent(88.123456)], [text('=1+1'), percent(Number.NaN)]] } },
      { name: 'Apoptosis: 24/48 h', table: { columns: ['Events'], rows: [[integer(20000)]] } },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).toSorted()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
    ]);
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toContain('<sheet name="Apoptosis  24 48 h" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain('<sheet name="Apoptosis  24 48 h (2)" sheetId="2" r:id="rId2"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">a&lt;b&amp;&quot;c&quot;.fcs</t></is></c>');
    expect(sheet).toContain('<c r="B2" s="3"><v>88.123456</v></c>');
    expect(sheet).toContain("<t xml:space=\"preserve\">'=1+1</t>");
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">\'=1+1</t></is></c></row>');
    expect(strFromU8(files['xl/worksheets/sheet2.xml'])).toContain('<c r="A2" s="2"><v>20000</v></c>');
  });
});

describe('tables below the first', () => {
  it('places each after an empty row, under its bold title and header', () => {
    const files = unzipSync(renderXlsx([{ name: 'Summary', table: { columns: ['A'], rows: [[integer(1)]] }, below: [{ title: 'EC50', table: { columns: ['B', 'C'], rows: [[text('x'), integer(2)]] } }] }]));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<row r="3"></row><row r="4"><c r="A4" t="inlineStr" s="1"><is><t xml:space="preserve">EC50</t></is></c></row><row r="5"><c r="A5" t="inlineStr" s="1">');
    expect(sheet).toContain('<row r="6"><c r="A6" t="inlineStr"><is><t xml:space="preserve">x</t></is></c><c r="B6" s="2"><v>2</v></c></row>');
  });
});
