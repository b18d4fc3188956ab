import { describe, expect, it } from 'vitest';
import { dayStamp, exportFileName, safeFileName } from './fileNames.ts';

describe('export file names', () => {
  it('start with the experiment and the day, and are safe on every system', () => {
    const day = new Date(2026, 11, 3, 23, 59);
    expect(dayStamp(day)).toBe('2026-12-03');
    expect(exportFileName('Ixa: MM1S/U266 "pilot"', day, 'viable dose-response AnnV-PI_24h_050nM_R2.fcs', 'svg')).toBe('Ixa MM1S U266 pilot 2026-12-03 viable dose-response AnnV-PI_24h_050nM_R2.fcs.svg');
    expect(exportFileName('', day, 'workbook', 'xlsx')).toBe('2026-12-03 workbook.xlsx');
    expect(safeFileName(' a\tb\u0000c ')).toBe('a b c');
    expect(exportFileName('x'.repeat(300), day, 'w', 'png')).toHaveLength(154);
  });
});
