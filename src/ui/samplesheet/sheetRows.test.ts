import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from '../../analysis/sampleSheet.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { sheetRows } from './sheetRows.ts';

function entry(fileName: string, well: string | null): SampleEntry {
  const keywords = well ? { $WELLID: well } : {};
  const summary = { datasets: [{ keywords }], activeDataset: 0 };
  return { id: fileName, fileName, byteLength: 1, source: { kind: 'file' }, status: { kind: 'ready', summary } as unknown as SampleEntry['status'], annotation: emptyAnnotation() };
}

describe('sample sheet rows', () => {
  const samples = [entry('tube10.fcs', 'B01'), entry('tube2.fcs', 'A12'), entry('tube1.fcs', 'A2'), { ...entry('reading.fcs', null), annotation: null }];

  it('lists files with a sheet row in the order opened, by file name (numbers in order) or by plate well', () => {
    expect(sheetRows(samples, 'opened').map((r) => r.fileName)).toEqual(['tube10.fcs', 'tube2.fcs', 'tube1.fcs']);
    expect(sheetRows(samples, 'file').map((r) => r.fileName)).toEqual(['tube1.fcs', 'tube2.fcs', 'tube10.fcs']);
    expect(sheetRows(samples, 'well').map((r) => r.well)).toEqual(['A2', 'A12', 'B01']);
  });
});
