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
      'File', 'Model', 'Singlets', 'Sub-G1 % of singlets', 'G0/G1 % of cycling', 'S % of cycling', 'G2/M % of cycling',
      'Cycling cells modelled', 'G0/G1 mean', 'G2/M mean', 'G0/G1 CV %', 'G2/M CV %', 'G2/G1 ratio', 'RCS',
      'Debris % of singlets', 'Aggregates % of singlets', 'Flags',
    ]);
    const cells = row.split(',');
    expect(cells.slice(0, 2)).toEqual(['a.fcs', 'Dean-Jett-Fox']);
    expect(Number(cells[4]) + Number(cells[5]) + Number(cells[6])).toBeCloseTo(100, 2);
    expect(cells[8]).toBe(String(Number(fit.g1Mean.toPrecision(6))));
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
