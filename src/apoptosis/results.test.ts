import { describe, expect, it } from 'vitest';
import type { PopulationCounts } from '../gating/statistics.ts';
import { resolveCompensation } from './compensation.ts';
import { renderCsv } from '../export/table.ts';
import { apoptosisResultsTable } from './resultsTable.ts';
import { apoptosisResultRow, type ResultRowInput } from './results.ts';
import { buildApoptosisStrategy } from './strategy.ts';

const SQUARE: [number, number][] = [[0, 0], [1, 0], [1, 1]];
const STRATEGY = buildApoptosisStrategy(
  {
    scatter: { fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H', kind: 'height' } },
    fluorescence: { annexin: 'FITC-A', pi: 'PE-A' },
    compensation: resolveCompensation({ kind: 'file' }, null),
    preGates: { cells: SQUARE, singlets: SQUARE },
  },
  { annexin: 362.51234567, pi: 1234567.8 },
);

function population(id: string, count: number): PopulationCounts {
  return { id, name: id, parentId: null, count, percentOfParent: 0, percentOfTotal: 0 };
}

function counts(singlets: number, viable: number, early: number, late: number, necrotic: number): PopulationCounts[] {
  return [
    population('cells', singlets + 100), population('singlets', singlets), population('viable', viable), population('early-apoptotic', early),
    population('late-apoptotic', late), population('necrotic', necrotic), population('total-apoptotic', early + late),
  ];
}

function input(overrides: Partial<ResultRowInput>): ResultRowInput {
  return {
    file: 'AnnV-PI_24h_050nM.fcs', role: 'sample', eventCount: 20_000, strategy: STRATEGY, counts: counts(16_000, 12_000, 2000, 1500, 500),
    sharedThresholds: { annexin: 362.51234567, pi: 1234567.8 },
    thresholdOrigin: { thresholds: { annexin: 362.51234567, pi: 1234567.8 }, sources: { annexin: '99th percentile of the PI-only control p.fcs', pi: 'typed by hand' } },
    compensation: "each file's own spillover matrix", warnings: [], ...overrides,
  };
}

describe('apoptosisResultRow', () => {
  it('gives counts and % of singlets for each named population, and the thresholds the strategy uses', () => {
    const row = apoptosisResultRow(input({}));
    expect(row).toMatchObject({ events: 20_000, cells: 16_100, singlets: 16_000, thresholdsOverridden: false, warnings: [] });
    expect(row.counts).toEqual({ viable: 12_000, earlyApoptotic: 2000, lateApoptotic: 1500, necrotic: 500, totalApoptotic: 3500 });
    expect(row.percent).toEqual({ viable: 75, earlyApoptotic: 12.5, lateApoptotic: 9.375, necrotic: 3.125, totalApoptotic: 21.875 });
    expect(row.thresholds).toEqual({ annexin: 362.51234567, pi: 1234567.8 });
  });

  it('flags fewer than 1,000 singlets, and leaves percentages of no singlets undefined', () => {
    const few = apoptosisResultRow(input({ counts: counts(400, 300, 50, 30, 20) }));
    expect(few.warnings).toEqual([{ code: 'FEW_EVENTS', file: 'AnnV-PI_24h_050nM.fcs', message: expect.stringContaining('Only 400 singlets: each event is 0.25 points') }]);
    expect(apoptosisResultRow(input({ counts: counts(0, 0, 0, 0, 0) })).percent.viable).toBeNaN();
  });

  it('names the file when the counts do not come from the apoptosis strategy', () => {
    expect(() => apoptosisResultRow(input({ counts: counts(10, 1, 1, 1, 1).slice(0, 3) }))).toThrow(/AnnV-PI_24h_050nM\.fcs: population "early-apoptotic" is missing/);
  });
});

describe('apoptosis results as CSV', () => {
  it('writes an ASCII header naming each count and percentage with its denominator, CRLF line ends', () => {
    const [header, line, end] = renderCsv(apoptosisResultsTable([apoptosisResultRow(input({}))])).split('\r\n');
    expect(header).toBe([
      'File', 'Role', 'Events', 'Cells', 'Singlets',
      'Viable (AnnV-/PI-) count', 'Viable (AnnV-/PI-) % of singlets',
      'Early apoptotic (AnnV+/PI-) count', 'Early apoptotic (AnnV+/PI-) % of singlets',
      'Late apoptotic (AnnV+/PI+) count', 'Late apoptotic (AnnV+/PI+) % of singlets',
      'Necrotic (AnnV-/PI+) count', 'Necrotic (AnnV-/PI+) % of singlets',
      'Total apoptotic (early + late) count', 'Total apoptotic (early + late) % of singlets',
      'Annexin V threshold (compensated)', 'PI threshold (compensated)', 'Annexin V threshold source', 'PI threshold source', 'Thresholds adjusted for this sample',
      'Compensation', 'Warnings',
    ].join(','));
    expect(line).toBe("AnnV-PI_24h_050nM.fcs,sample,20000,16100,16000,12000,75.000,2000,12.500,1500,9.375,500,3.125,3500,21.875,362.512,1234570,99th percentile of the PI-only control p.fcs,typed by hand,no,each file's own spillover matrix,");
    expect(end).toBe('');
  });

  it('quotes commas, quotes and line breaks, defuses spreadsheet formulas, and leaves undefined percentages empty', () => {
    const row = apoptosisResultRow(input({
      file: '=HYPERLINK("x"),a.fcs',
      counts: counts(0, 0, 0, 0, 0),
      warnings: [{ code: 'FEW_EVENTS', file: null, message: 'first, "quoted"\nsecond' }],
    }));
    const line = renderCsv(apoptosisResultsTable([row])).split('\r\n').slice(1).join('\r\n');
    expect(line.startsWith(`"'=HYPERLINK(""x""),a.fcs",sample,20000,100,0,0,,0,,0,,0,,0,,`)).toBe(true);
    expect(line).toContain('"first, ""quoted""\nsecond | No singlets: the percentages are undefined');
  });

  it('adds dose and time columns after the role when the sample sheet gives them, empty where it does not', () => {
    const rows = [apoptosisResultRow(input({})), apoptosisResultRow(input({ file: 'AnnV-PI_unstained.fcs' }))];
    const conditions = new Map([['AnnV-PI_24h_050nM.fcs', { doseNm: 50, timeH: 24 }], ['AnnV-PI_unstained.fcs', { doseNm: null, timeH: 24 }]]);
    const [header, first, second] = renderCsv(apoptosisResultsTable(rows, conditions)).split('\r\n');
    expect(header.startsWith('File,Role,Dose (nM),Time (h),Events,Cells,')).toBe(true);
    expect(first.startsWith('AnnV-PI_24h_050nM.fcs,sample,50,24,20000,')).toBe(true);
    expect(second.startsWith('AnnV-PI_unstained.fcs,sample,,24,20000,')).toBe(true);
  });
});
