import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from './sampleSheet.ts';
import { inferAnnotation, readTubeName } from './sampleSheetNames.ts';

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

describe('reading tube names', () => {
  it('reads a fully coded name: cell line, compound, concentration, time, replicate', () => {
    expect(inferAnnotation('MM1S_Ixa_050nM_24h_R2_AnnV-PI.fcs', annexinTube)).toEqual({
      ...emptyAnnotation(), assay: 'apoptosis', role: 'sample', cellLine: 'MM1S', compound: 'Ixa', doseNm: 50, timeH: 24, replicate: '2',
    });
  });

  it('reads doses and times the way labs write them, keeping their units', () => {
    expect(readTubeName('AnnV-PI_24h_050nM').dose).toEqual({ nm: 50, unit: 'nM' });
    expect(readTubeName('MM1S 0.5uM 48h').dose).toEqual({ nm: 500, unit: 'µM' });
    expect(readTubeName('MM1S 0,5µM 48h').dose).toEqual({ nm: 500, unit: 'µM' });
    expect(readTubeName('bortezomib 10 nM').dose).toEqual({ nm: 10, unit: 'nM' });
    expect(readTubeName('untreated').dose).toBeNull();
    expect(readTubeName('day 3 72 hrs').time).toEqual({ hours: 72, unit: 'h' });
    expect(readTubeName('Jurkat_staurosporine_1uM_90min').time).toEqual({ hours: 1.5, unit: 'min' });
    expect(readTubeName('Jurkat_Bz_10nM_3d').time).toEqual({ hours: 72, unit: 'd' });
    expect(readTubeName('bortezomib 10 nM').compound).toBe('bortezomib');
    // The myeloma line MM1S after a date is not 14 mM.
    expect(readTubeName('2025-03-14 MM1S ixazomib 24h 050nM rep2')).toMatchObject({ dose: { nm: 50, unit: 'nM' }, cellLine: 'MM1S', compound: 'ixazomib', replicate: '2' });
    expect(readTubeName('2025-03-14 MM1S unstained').dose).toBeNull();
    expect(readTubeName('MM1S_Ixa_2mM_H2O2').dose).toEqual({ nm: 2e6, unit: 'mM' });
  });

  it('reads replicate tags R1, rep2, replicate 3 and a trailing _2, but not the instrument tube numbers', () => {
    expect(readTubeName('Ixa_50nM_24h_R1').replicate).toBe('1');
    expect(readTubeName('Ixa_50nM_24h_rep2').replicate).toBe('2');
    expect(readTubeName('Ixa 50nM 24h replicate 03 AnnV-PI').replicate).toBe('3');
    expect(readTubeName('Ixa_50nM_24h_rep-03').replicate).toBe('3');
    expect(readTubeName('AnnV-PI_24h_050nM_2').replicate).toBe('2');
    expect(readTubeName('Specimen_001_Tube_003').replicate).toBe('');
    expect(readTubeName('RPMI8226_Ixa_10nM_R3').cellLine).toBe('RPMI8226');
  });

  it('reads names whose words are joined by hyphens, keeping hyphenated compounds and lines whole', () => {
    expect(readTubeName('Ixa-25nM-24h-Rep3')).toMatchObject({ compound: 'Ixa', dose: { nm: 25, unit: 'nM' }, time: { hours: 24, unit: 'h' }, replicate: '3' });
    expect(readTubeName('KMS11-Carfilzomib-100nM-24h-R2')).toMatchObject({ cellLine: 'KMS11', compound: 'Carfilzomib', replicate: '2' });
    expect(readTubeName('KMS-11-ABT-199-1uM-48h')).toMatchObject({ cellLine: 'KMS-11', compound: 'ABT-199', dose: { nm: 1000, unit: 'µM' } });
    expect(readTubeName('MM1S_Ixa-50nM_24h_R1')).toMatchObject({ cellLine: 'MM1S', compound: 'Ixa', replicate: '1' });
    expect(readTubeName('RPMI-8226_MG-132_5uM_6h')).toMatchObject({ cellLine: 'RPMI-8226', compound: 'MG-132' });
    expect(inferAnnotation('tube.fcs', annexinTube, { $SRC: 'MM1S-like' }).cellLine).toBe('MM1S-like');
  });

  it('recognises control and untreated tubes by name', () => {
    expect(inferAnnotation('AnnV-PI_unstained.fcs', annexinTube).role).toBe('unstained');
    expect(inferAnnotation('AnnV-PI_AnnV-only.fcs', annexinTube).role).toBe('annexinOnly');
    expect(inferAnnotation('AnnV-PI_PI-only.fcs', annexinTube).role).toBe('piOnly');
    expect(inferAnnotation('AnnV-PI_PI-only.fcs', [{ name: 'PE-A', label: 'PI' }]).assay).toBe('apoptosis');
    expect(inferAnnotation('Annexin only.fcs', annexinTube).role).toBe('annexinOnly');
    expect(inferAnnotation('MM1S_FMO_AnnV.fcs', annexinTube).role).toBe('fmo');
    expect(inferAnnotation('MM1S_DMSO_24h_R1.fcs', annexinTube)).toMatchObject({ role: 'untreated', compound: '', cellLine: 'MM1S', replicate: '1' });
    expect(inferAnnotation('AnnV-PI_48h_100nM.fcs', annexinTube)).toMatchObject({ assay: 'apoptosis', role: 'sample', doseNm: 100, timeH: 48, compound: '' });
    expect(inferAnnotation('PI-DNA_24h_000nM.fcs', dnaTube)).toMatchObject({ assay: 'cellCycle', role: 'untreated', doseNm: 0, timeH: 24 });
  });

  it('fills what the file name leaves open from TUBE NAME and $SRC', () => {
    const keywords = { $FIL: 'Specimen_001_Tube_004.fcs', 'TUBE NAME': 'Ixa 20 nM 48 h rep3', $SRC: 'KMS-11', $WELLID: 'B04' };
    expect(inferAnnotation('Specimen_001_Tube_004.fcs', dnaTube, keywords)).toEqual({
      ...emptyAnnotation(), assay: 'cellCycle', role: 'sample', cellLine: 'KMS-11', compound: 'Ixa', doseNm: 20, timeH: 48, replicate: '3',
    });
    expect(inferAnnotation('a.fcs', dnaTube, { $SRC: 'Specimen_001' }).cellLine).toBe('');
    expect(inferAnnotation('a.fcs', dnaTube, { $SRC: 'Donor7' }).cellLine).toBe('Donor7');
  });
});
