import { describe, expect, it } from 'vitest';
import { integer, percent, renderCsv, renderTsv, significant, type Table, text } from './table.ts';

const table: Table = {
  columns: ['File', 'Events', '% of singlets', 'Threshold'],
  rows: [
    [text('AnnV-PI, 24h "A".fcs'), integer(20000.4), percent(12.34567), significant(1234.56789)],
    [text('=cmd|calc'), integer(0), percent(Number.NaN), significant(-0.000123456789)],
  ],
};

describe('table renderers', () => {
  it('writes RFC 4180 CSV with CRLF, quoting and doubled quotes, fixed number formats and empty undefined cells', () => {
    expect(renderCsv(table).split('\r\n')).toEqual([
      'File,Events,% of singlets,Threshold',
      '"AnnV-PI, 24h ""A"".fcs",20000,12.346,1234.57',
      "'=cmd|calc,0,,-0.000123457",
      '',
    ]);
  });

  it('writes tab-separated text for pasting into spreadsheets', () => {
    expect(renderTsv(table).split('\n')[1]).toBe('AnnV-PI, 24h "A".fcs\t20000\t12.346\t1234.57');
  });
});
