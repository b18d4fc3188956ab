import { describe, expect, it } from 'vitest';
import { integer, percent, significant, type Table, text } from '../../export/table.ts';
import { screenLayout, screenText } from './tableLayout.ts';

const table: Table = {
  columns: ['File', 'Events', 'Viable count', 'Viable % of singlets', 'Necrotic count', 'Necrotic % of singlets', 'Warnings'],
  rows: [],
  layout: [{}, { detail: true }, { group: 'Viable', detail: true }, { group: 'Viable' }, { group: 'Necrotic', detail: true }, { group: 'Necrotic' }, { detail: true }],
};

describe('a results table on screen', () => {
  it('shows the main figures with their groups above them, and hides the details until asked', () => {
    const compact = screenLayout(table, false);
    expect(compact.columns.map((c) => [c.group, c.heading])).toEqual([
      [null, 'File'],
      ['Viable', '% of singlets'],
      ['Necrotic', '% of singlets'],
    ]);
    expect(compact.groupRow).toEqual([{ group: null, span: 1 }, { group: 'Viable', span: 1 }, { group: 'Necrotic', span: 1 }]);
    expect(compact.hiddenCount).toBe(4);
  });

  it('puts percentages before counts within a group when details are shown, keeping the exported names', () => {
    const full = screenLayout(table, true);
    expect(full.columns.map((c) => c.name)).toEqual(['File', 'Events', 'Viable % of singlets', 'Viable count', 'Necrotic % of singlets', 'Necrotic count', 'Warnings']);
    expect(full.groupRow).toEqual([{ group: null, span: 1 }, { group: null, span: 1 }, { group: 'Viable', span: 2 }, { group: 'Necrotic', span: 2 }, { group: null, span: 1 }]);
  });

  it('refuses a column not named after its group (the screen could not give its full name)', () => {
    expect(() => screenLayout({ columns: ['G0/G1 %'], rows: [], layout: [{ group: 'Fit' }] }, false)).toThrow(RangeError);
  });

  it('shows a table without a layout as it is exported', () => {
    expect(screenLayout({ columns: ['a', 'b'], rows: [] }, false).columns.map((c) => c.heading)).toEqual(['a', 'b']);
  });

  it('writes numbers as the rest of the app does, and a value that is not there as nothing', () => {
    expect([integer(16275), percent(89.014), significant(363.6171), text('yes'), percent(Number.NaN)].map(screenText)).toEqual(['16,275', '89.01%', '363.6', 'yes', '']);
  });
});
