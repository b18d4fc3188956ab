import { describe, expect, it } from 'vitest';
import { modelHistogram } from './cycleModel.fixtures.ts';
import { renderCsv } from '../export/table.ts';
import { cellCycleResultsTable } from './resultsTable.ts';
import { fitCellCycle } from './fitCellCycle.ts';
import { DEFAULT_MODEL_OPTIONS } from './modelOptions.ts';

const fit = fitCellCycle(
  modelHistogram({
    sPhase: 'linear',
    binCount: 1024,
    binWidth: 256,
    startBin: 150,
    endBin: 900,
    debris: false,
    aggregates: 'off',
    parameters: { g1Mean: 210.5, g1Cv: 0.045, linearity: 1.97, g1Area: 15_000, g2Area: 4000, sStart: 40, sEnd: 30, subG1Shoulder: 0 },
  }),
  { ...DEFAULT_MODEL_OPTIONS, aggregates: 'off', window: { kind: 'range', min: 150 * 256, max: 900 * 256 } },
);

describe('cell-cycle results as CSV', () => {
  it('writes a header naming each denominator and one CRLF-terminated line per sample', () => {
    const csv = renderCsv(cellCycleResultsTable([{ file: 'a.fcs', fit, flags: [] }]));
    const [header, row, end] = csv.split('\r\n');
    expect(header.split(',')).toEqual([
      'File', 'Model', 'Singlets', 'Cycling cells modelled', 'Sub-G1 % of singlets (suggested range)',
      'G0/G1 % of cycling cells (fit)', 'S % of cycling cells (fit)', 'G2/M % of cycling cells (fit)',
      'G0/G1 mean', 'G2/M mean', 'G0/G1 CV %', 'G2/M CV %', 'G2/G1 ratio', 'RCS',
      'Debris % of singlets (model)', 'Aggregates % of singlets (model)', 'Flags',
    ]);
    const cells = row.split(',');
    expect(cells.slice(0, 2)).toEqual(['a.fcs', 'Dean-Jett-Fox']);
    expect(Number(cells[5]) + Number(cells[6]) + Number(cells[7])).toBeCloseTo(100, 2);
    expect(cells[8]).toBe(String(Number(fit.g1Mean.toPrecision(6))));
    // Neither debris nor aggregates were modelled: empty, not 0.
    expect(cells.slice(14, 16)).toEqual(['', '']);
    expect(end).toBe('');
  });

  it('quotes commas and quotes and defuses spreadsheet formulas', () => {
    const csv = renderCsv(cellCycleResultsTable([
      { file: '=cmd|x.fcs', fit, flags: [{ code: 'few-singlets', message: 'Only 4,000 singlets, "few"' }] },
    ]));
    const row = csv.split('\r\n')[1];
    expect(row.startsWith("'=cmd|x.fcs,")).toBe(true);
    expect(row.endsWith(',"Only 4,000 singlets, ""few"""')).toBe(true);
  });
});

describe('cell-cycle results with the app’s sample sheet and range gates', () => {
  it('adds dose and time after the file and each phase’s live range-gate percentage after the fit’s, blank where unknown', () => {
    const table = cellCycleResultsTable([
      { file: 'a.fcs', fit, flags: [], condition: { doseNm: 50, timeH: 24 }, rangeGatePercents: { subG1: 2.5, g0g1: 50, s: 30, g2m: 15 } },
      { file: 'b.fcs', fit, flags: [], condition: { doseNm: null, timeH: 48 } },
    ]);
    expect(table.columns.slice(0, 4)).toEqual(['File', 'Dose (nM)', 'Time (h)', 'Model']);
    const gates = ['Sub-G1 % of singlets (range gate)', 'G0/G1 % of singlets (range gate)', 'S % of singlets (range gate)', 'G2/M % of singlets (range gate)'];
    expect(table.columns.slice(6, 14)).toEqual([
      'Sub-G1 % of singlets (suggested range)', gates[0], 'G0/G1 % of cycling cells (fit)', gates[1], 'S % of cycling cells (fit)', gates[2],
      'G2/M % of cycling cells (fit)', gates[3],
    ]);
    const at = gates.map((name) => table.columns.indexOf(name));
    const [first, second] = renderCsv(table).split('\r\n').slice(1).map((line) => line.split(','));
    expect(first.slice(0, 3)).toEqual(['a.fcs', '50', '24']);
    expect(at.map((k) => first[k])).toEqual(['2.500', '50.000', '30.000', '15.000']);
    expect(second.slice(0, 3)).toEqual(['b.fcs', '', '48']);
    expect(at.map((k) => second[k])).toEqual(['', '', '', '']);
    expect(first).toHaveLength(table.columns.length);
  });
});

describe('cell-cycle results on screen', () => {
  it('groups each phase’s fit and range-gate percentages under the phase, with the details (counts, means, CVs) behind a toggle', () => {
    const table = cellCycleResultsTable([{ file: 'a.fcs', fit, flags: [], rangeGatePercents: { subG1: 2.5, g0g1: 50, s: 30, g2m: 15 } }]);
    const shown = table.columns.filter((_, k) => !table.layout?.[k].detail);
    expect(shown).toEqual([
      'File', 'Sub-G1 % of singlets (range gate)', 'G0/G1 % of cycling cells (fit)', 'G0/G1 % of singlets (range gate)', 'S % of cycling cells (fit)',
      'S % of singlets (range gate)', 'G2/M % of cycling cells (fit)', 'G2/M % of singlets (range gate)', 'G2/G1 ratio', 'RCS', 'Flags',
    ]);
    table.columns.forEach((name, k) => {
      const group = table.layout?.[k].group;
      if (group) expect(name.startsWith(`${group} `)).toBe(true);
    });
  });
});

describe('cell-cycle results of real-instrument tubes (issue 10)', () => {
  const twoPopulations = fitCellCycle(
    modelHistogram({
      sPhase: 'linear',
      binCount: 1024,
      binWidth: 256,
      startBin: 150,
      endBin: 900,
      debris: false,
      aggregates: 'off',
      parameters: {
        g1Mean: 210.5, g1Cv: 0.045, linearity: 1.97, g1Area: 15_000, g2Area: 4000, sStart: 40, sEnd: 30, subG1Shoulder: 0,
        dnaIndex: 1.45, secondCv: 0.03, secondG1Area: 6000, secondG2Area: 0, secondS: 0,
      },
    }),
    { ...DEFAULT_MODEL_OPTIONS, aggregates: 'off', window: { kind: 'range', min: 150 * 256, max: 900 * 256 } },
  );

  it('adds the off-scale share and, for tubes with a second population, its G0/G1, DNA index and share; empty for the others', () => {
    const offScale = { low: 3, high: 497, percent: 5 };
    const table = cellCycleResultsTable([
      { file: 'standard.fcs', fit: twoPopulations, flags: [], offScale },
      { file: 'one.fcs', fit, flags: [], offScale: { low: 0, high: 0, percent: 0 } },
    ]);
    const names = ['Off-scale % of events', 'Second population G0/G1 mean', 'Second population G0/G1 CV %', 'Second population DNA index (÷ first G0/G1)', 'Second population % of modelled cells'];
    const at = names.map((name) => table.columns.indexOf(name));
    expect(at.every((k) => k > 0)).toBe(true);
    const [standard, one] = renderCsv(table).split('\r\n').slice(1).map((line) => line.split(','));
    expect(Number(standard[at[0]])).toBe(5);
    expect(Number(standard[at[1]]) / 256).toBeCloseTo(1.45 * 210.5, 3);
    expect(Number(standard[at[3]])).toBeCloseTo(1.45, 4);
    expect(at.slice(1).map((k) => one[k])).toEqual(['', '', '', '']);
    // Every grouped column is named after its group, as the screen's table layout requires.
    table.layout?.forEach((layout, k) => layout.group && expect(table.columns[k].startsWith(`${layout.group} `)).toBe(true));
  });
});
