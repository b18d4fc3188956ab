import { describe, expect, it } from 'vitest';
import { inferAnnotation, inferAssay, parseDoseNm, parseTimeH } from './sampleSheet.ts';

const annexinTube = [
  { name: 'FSC-A', label: null },
  { name: 'FITC-A', label: 'Annexin V' },
  { name: 'PE-A', label: 'PI' },
];
const dnaTube = [
  { name: 'FSC-A', label: null },
  { name: 'PI-A', label: null },
  { name: 'PI-W', label: null },
];

describe('sample sheet inference', () => {
  it('reads doses and times the way labs write them', () => {
    expect(parseDoseNm('AnnV-PI 24h 050nM')).toBe(50);
    expect(parseDoseNm('MM1S 0.5uM 48h')).toBe(500);
    expect(parseDoseNm('bortezomib 10 nM')).toBe(10);
    expect(parseDoseNm('untreated')).toBeNull();
    expect(parseTimeH('AnnV-PI 24h 050nM')).toBe(24);
    expect(parseTimeH('day 3 72 hrs')).toBe(72);
    expect(parseTimeH('PI only')).toBeNull();
  });

  it('tells the assay from the channels', () => {
    expect(inferAssay(annexinTube)).toBe('apoptosis');
    expect(inferAssay(dnaTube)).toBe('cellCycle');
    expect(inferAssay([{ name: 'FSC-A', label: null }])).toBeNull();
  });

  it('recognises control tubes by name', () => {
    expect(inferAnnotation('AnnV-PI_unstained.fcs', annexinTube).role).toBe('unstained');
    expect(inferAnnotation('AnnV-PI_AnnV-only.fcs', annexinTube).role).toBe('annexinOnly');
    expect(inferAnnotation('AnnV-PI_PI-only.fcs', annexinTube).role).toBe('piOnly');
    expect(inferAnnotation('Annexin only.fcs', annexinTube).role).toBe('annexinOnly');
    expect(inferAnnotation('AnnV-PI_48h_100nM.fcs', annexinTube)).toEqual({ assay: 'apoptosis', role: 'sample', doseNm: 100, timeH: 48 });
    expect(inferAnnotation('PI-DNA_24h_000nM.fcs', dnaTube)).toEqual({ assay: 'cellCycle', role: 'sample', doseNm: 0, timeH: 24 });
  });
});
