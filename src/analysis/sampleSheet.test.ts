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

const tube = (...specs: [string, string | null][]) => specs.map(([name, label]) => ({ name, label }));

describe('sample sheet inference', () => {
  it('reads doses and times the way labs write them', () => {
    expect(parseDoseNm('AnnV-PI 24h 050nM')).toBe(50);
    expect(parseDoseNm('MM1S 0.5uM 48h')).toBe(500);
    expect(parseDoseNm('bortezomib 10 nM')).toBe(10);
    expect(parseDoseNm('untreated')).toBeNull();
    // The myeloma line MM1S after a date is not 14 mM.
    expect(parseDoseNm('2025-03-14 MM1S ixazomib 24h 050nM rep2')).toBe(50);
    expect(parseDoseNm('2025-03-14 MM1S unstained')).toBeNull();
    expect(parseTimeH('AnnV-PI 24h 050nM')).toBe(24);
    expect(parseTimeH('day 3 72 hrs')).toBe(72);
    expect(parseTimeH('PI only')).toBeNull();
  });

  it('tells the assay from the channels', () => {
    expect(inferAssay(annexinTube)).toBe('apoptosis');
    expect(inferAssay(dnaTube)).toBe('cellCycle');
    expect(inferAssay([{ name: 'FSC-A', label: null }])).toBeNull();
  });

  it('reads the dyes that matter, not the detectors: Annexin V on any conjugate, a DNA dye without Annexin V', () => {
    expect(inferAssay(tube(['APC-A', 'Annexin V'], ['PerCP-Cy5-5-A', '7-AAD']))).toBe('apoptosis');
    expect(inferAssay(tube(['BV421-A', 'AnnV'], ['PE-A', 'SYTOX Orange']))).toBe('apoptosis');
    expect(inferAssay(tube(['FL1', 'PI'], ['SSC', null]))).toBe('cellCycle');
    expect(inferAssay(tube(['FL3-A', 'DRAQ5'], ['FL3-W', 'DRAQ5']))).toBe('cellCycle');
    expect(inferAssay(tube(['FITC-A', 'CD3'], ['PE-A', 'CD4']))).toBeNull();
    expect(inferAssay(tube(['FITC-A', null], ['PE-A', null]))).toBeNull();
    expect(inferAssay(tube(['BL 530/30-A', 'CD21;FITC'], ['BL 695/40-A', 'viability;7-AAD;695/40@488/A']))).toBeNull();
  });

  it('lets the file name decide only when no channel names a dye, or when a DNA-dye tube is named as an apoptosis control', () => {
    const calibur = ['FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL3-H'].map((name) => ({ name, label: null }));
    expect(inferAssay(calibur, 'AnnV-PI 24h 050nM')).toBe('apoptosis');
    expect(inferAssay(calibur, 'MM1S cell cycle 24h')).toBe('cellCycle');
    expect(inferAssay(calibur, 'tube 3')).toBeNull();
    expect(inferAssay([{ name: 'PE-A', label: 'PI' }], 'PI only')).toBe('apoptosis');
    expect(inferAnnotation('AnnV-PI_PI-only.fcs', [{ name: 'PE-A', label: 'PI' }]).assay).toBe('apoptosis');
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
