import { describe, expect, it } from 'vitest';
import { emptyAnnotation, type SampleAnnotation } from '../../analysis/sampleSheet.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { conditionKey, conditionsOf, EVERY_SAMPLE, listSamples } from './sampleListModel.ts';

function entry(fileName: string, annotation: Partial<SampleAnnotation> | null, kind: 'ready' | 'loading' | 'error' | 'missing' = 'ready'): SampleEntry {
  const status =
    kind === 'loading'
      ? { kind, progress: null }
      : kind === 'error' || kind === 'missing'
        ? { kind: 'error', error: { code: kind === 'missing' ? 'NOT_KEPT' : 'BAD', message: 'gone' } }
        : ({ kind, summary: {} } as unknown as SampleEntry['status']);
  return {
    id: fileName, fileName, byteLength: 1, source: { kind: 'file' }, status: status as SampleEntry['status'],
    annotation: annotation && { ...emptyAnnotation(), ...annotation },
  };
}

const samples = [
  entry('PI-DNA_48h_100nM_rep1.fcs', { assay: 'cellCycle', doseNm: 100, timeH: 48 }),
  entry('AnnV-PI_24h_050nM_rep2.fcs', { assay: 'apoptosis', doseNm: 50, timeH: 24 }),
  entry('AnnV-PI_24h_050nM_rep10.fcs', { assay: 'apoptosis', doseNm: 50, timeH: 24 }),
  entry('AnnV-PI_48h_000nM_rep1.fcs', { assay: 'apoptosis', doseNm: 0, timeH: 48 }),
  entry('beads.fcs', { assay: null }),
  entry('still-reading.fcs', null, 'loading'),
  entry('truncated.fcs', null, 'error'),
  entry('not-here.fcs', null, 'missing'),
];

const names = (query = EVERY_SAMPLE) => listSamples(samples, query).map((s) => [s.name, s.entries.map((e) => e.fileName)]);

describe('the side panel sample list', () => {
  it('puts each file under its assay, then other, opening, missing and unreadable files, in the order opened', () => {
    expect(names()).toEqual([
      ['Annexin V / PI tubes', ['AnnV-PI_24h_050nM_rep2.fcs', 'AnnV-PI_24h_050nM_rep10.fcs', 'AnnV-PI_48h_000nM_rep1.fcs']],
      ['PI DNA tubes', ['PI-DNA_48h_100nM_rep1.fcs']],
      ['Other tubes', ['beads.fcs']],
      ['Opening', ['still-reading.fcs']],
      ['Missing (not in this browser)', ['not-here.fcs']],
      ['Could not be read', ['truncated.fcs']],
    ]);
  });

  it('sorts names as people count (rep2 before rep10), and by dose or time with unknowns last', () => {
    expect(names({ ...EVERY_SAMPLE, sort: 'name', section: 'apoptosis' })[0][1]).toEqual(['AnnV-PI_24h_050nM_rep2.fcs', 'AnnV-PI_24h_050nM_rep10.fcs', 'AnnV-PI_48h_000nM_rep1.fcs']);
    expect(names({ ...EVERY_SAMPLE, sort: 'dose', section: 'apoptosis' })[0][1]).toEqual(['AnnV-PI_48h_000nM_rep1.fcs', 'AnnV-PI_24h_050nM_rep2.fcs', 'AnnV-PI_24h_050nM_rep10.fcs']);
    expect(names({ ...EVERY_SAMPLE, sort: 'time', section: 'apoptosis' })[0][1]).toEqual(['AnnV-PI_24h_050nM_rep2.fcs', 'AnnV-PI_24h_050nM_rep10.fcs', 'AnnV-PI_48h_000nM_rep1.fcs']);
  });

  it('keeps files whose names hold every search word, in any case', () => {
    expect(names({ ...EVERY_SAMPLE, search: ' 24H   rep1' })).toEqual([['Annexin V / PI tubes', ['AnnV-PI_24h_050nM_rep10.fcs']]]);
    expect(names({ ...EVERY_SAMPLE, search: 'nothing like it' })).toEqual([]);
  });

  it('shows a sample group’s files only', () => {
    expect(names({ ...EVERY_SAMPLE, members: new Set(['beads.fcs', 'PI-DNA_48h_100nM_rep1.fcs']) })).toEqual([
      ['PI DNA tubes', ['PI-DNA_48h_100nM_rep1.fcs']],
      ['Other tubes', ['beads.fcs']],
    ]);
  });

  it('filters by condition, listing the conditions in dose order', () => {
    expect(conditionKey(samples[1])).toBe('50 nM · 24 h');
    expect(conditionKey(samples[4])).toBeNull();
    expect(conditionsOf(samples)).toEqual(['0 nM · 48 h', '50 nM · 24 h', '100 nM · 48 h']);
    expect(names({ ...EVERY_SAMPLE, condition: '0 nM · 48 h' })).toEqual([['Annexin V / PI tubes', ['AnnV-PI_48h_000nM_rep1.fcs']]]);
  });
});
