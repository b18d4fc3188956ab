import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../shared/delimitedText.ts';
import { findColumn, readDoseResponseTable, unitInHeader } from './doseResponseTable.ts';

describe('dose-response tables', () => {
  it('finds columns by name, ignoring case and punctuation', () => {
    const header = ['File', 'Dose (nM)', 'Viable % of singlets', 'time_h'];
    expect(findColumn(header, 'Dose (nM)')).toBe(1);
    expect(findColumn(header, 'dose (nm)')).toBe(1);
    expect(findColumn(header, 'viable%ofsinglets')).toBe(2);
    expect(findColumn(header, 'dose')).toBe(-1);
    expect(['Dose (nM)', 'conc_uM', 'Concentration [µM]', 'dose', 'MM1S'].map(unitInHeader)).toEqual(['nM', 'µM', 'µM', null, null]);
  });

  it('reads an Excel export: semicolons, decimal commas, units in cells, blank rows, dose 0 and untreated rows', () => {
    const text = '\uFEFFline;conc;viable\r\nMM1S;untreated;91,5\r\nMM1S;0;90,1\r\n;;\r\nMM1S;0,5 µM;60,2\r\nMM1S;250 nM;75\r\nU266;1 µM;n/a\r\nU266;1 µM;40\r\n';
    const table = readDoseResponseTable(parseDelimited(text), { x: 'conc', y: 'viable', group: 'line' }, true);
    expect(table.unit).toBe('µM');
    expect(table.groups.map((g) => g.name)).toEqual(['MM1S', 'U266']);
    expect(table.groups[0].points).toEqual([
      { concentration: 0, response: 91.5 }, { concentration: 0, response: 90.1 }, { concentration: 0.5, response: 60.2 }, { concentration: 0.25, response: 75 },
    ]);
    expect(table.groups[1].skipped).toEqual(['line 7: no number in "n/a"']);
  });

  it('takes bare numbers in the header\'s unit, and the whole table as one group without --group', () => {
    const rows = parseDelimited('Dose (nM),y\n10,1\n1 µM,2\n');
    const table = readDoseResponseTable(rows, { x: 'Dose (nM)', y: 'y' });
    expect(table.groups).toEqual([{ name: 'all', points: [{ concentration: 0.01, response: 1 }, { concentration: 1, response: 2 }], skipped: [] }]);
  });

  it('sets aside rows with no group and nothing to fit (the staining controls of a results table), not as a curve', () => {
    const rows = parseDelimited('File,Concentration (nM),Time (h),Viable\nunstained.fcs,,,95\na.fcs,0,24,90\nb.fcs,10,24,50\nc.fcs,10,,n/a\n');
    const table = readDoseResponseTable(rows, { x: 'Concentration (nM)', y: 'Viable', group: 'Time (h)' });
    expect(table.groups.map((g) => g.name)).toEqual(['24']);
    expect(table.ungrouped).toEqual(['line 2: no concentration in ""', 'line 5: no number in "n/a"']);
    const kept = readDoseResponseTable(parseDelimited('dose,time,y\n0,,90\n10,,50\n'), { x: 'dose', y: 'y', group: 'time' });
    expect(kept.groups.map((g) => g.name)).toEqual(['(no group)']);
    expect(kept.ungrouped).toEqual([]);
  });

  it('names the missing column and the ones there are', () => {
    expect(() => readDoseResponseTable([['a', 'b']], { x: 'dose', y: 'b' })).toThrow('no column "dose" (--x); the columns are "a", "b"');
  });
});
