import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { findScatterChannels } from './scatter.ts';

const named = (...names: string[]) => names.map((name) => ({ name, label: null }));

describe('findScatterChannels', () => {
  it('takes FSC-A, SSC-A and the FSC-A/FSC-H pair on a FACSCanto file, FSC-W when there is no height', () => {
    expect(findScatterChannels(named('FSC-A', 'FSC-H', 'FSC-W', 'SSC-A', 'SSC-H', 'SSC-W', 'FITC-A', 'Time'))).toEqual({
      fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H', kind: 'height' },
    });
    expect(findScatterChannels(named('FSC-A', 'FSC-W', 'SSC-A'))).toMatchObject({ singletPulse: { area: 'FSC-A', pulse: 'FSC-W', kind: 'width' } });
  });

  it('gates heights on FACSCalibur/FACScan files and areas on area-only exports, with no singlet pair', () => {
    expect(findScatterChannels(named('FSC-H', 'SSC-H', 'FL1-H', 'FL2-H', 'FL2-A', 'Time'))).toEqual({ fsc: 'FSC-H', ssc: 'SSC-H', singletPulse: null });
    expect(findScatterChannels(named('FSC-A', 'SSC-A', 'FITC-A', 'PE-A'))).toEqual({ fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: null });
  });

  it('reads Beckman names: FS/SS, integrals with their peak, linear before log', () => {
    expect(findScatterChannels(named('FS', 'SS', 'FL1', 'FL2', 'TIME'))).toEqual({ fsc: 'FS', ssc: 'SS', singletPulse: null });
    expect(findScatterChannels(named('FS INT LIN', 'SS INT LIN', 'FL1 INT LOG', 'FS PEAK LIN', 'FS TOF LIN'))).toEqual({
      fsc: 'FS INT LIN', ssc: 'SS INT LIN', singletPulse: { area: 'FS INT LIN', pulse: 'FS PEAK LIN', kind: 'height' },
    });
    expect(findScatterChannels(named('FS Log', 'FS Lin', 'SS Log', 'SS Lin'))).toEqual({ fsc: 'FS Lin', ssc: 'SS Lin', singletPulse: null });
    expect(findScatterChannels(named('FSC LogH', 'FSC LinH', 'FSC LogA', 'FSC LinA', 'SSC LinH', 'SSC LinA'))).toEqual({
      fsc: 'FSC LinA', ssc: 'SSC LinA', singletPulse: { area: 'FSC LinA', pulse: 'FSC LinH', kind: 'height' },
    });
  });

  it('says what is missing and lists the channels', () => {
    expect(findScatterChannels([{ name: 'SSC', label: null }, { name: 'FL1', label: 'PI' }])).toEqual({
      problem: 'has no forward scatter (FSC or FS) channel for the cells gate; its channels are SSC, FL1 (PI)',
    });
    expect(findScatterChannels(named('FSC-A', 'FSC-H'))).toEqual({ problem: 'has no side scatter (SSC or SS) channel for the cells gate; its channels are FSC-A, FSC-H' });
  });
});

function scatterOf(file: string, dataset = 0) {
  return findScatterChannels(readFcs(readFileSync(join(corpusDir, 'fcs', file)), { fileName: file }).datasets[dataset].channels);
}

describeWithCorpus('scatter on the real instrument layouts of the corpus', () => {
  it('FACSCalibur: FSC-H × SSC-H, no singlet pair', () => {
    expect(scatterOf('flowcore--BD-FACSCalibur--0877408774.B08')).toEqual({ fsc: 'FSC-H', ssc: 'SSC-H', singletPulse: null });
  });

  it('Beckman FC500: FS × SS in both data sets', () => {
    expect(scatterOf('flowio--Beckman-Cytomics-FC500--coulter.lmd', 0)).toEqual({ fsc: 'FS Lin', ssc: 'SS Lin', singletPulse: null });
    expect(scatterOf('flowio--Beckman-Cytomics-FC500--coulter.lmd', 1)).toEqual({ fsc: 'FS', ssc: 'SS', singletPulse: null });
  });

  it('FACSCanto II area-only export (log-amplified scatter): FSC-A × SSC-A, no singlet pair', () => {
    expect(scatterOf('flowcal--BD-FACSCantoII--Data002.fcs')).toEqual({ fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: null });
  });

  it('Accuri C6 and Gallios DNA files: the FSC area/height pair', () => {
    expect(scatterOf('cytoflow--BD-Accuri-C6--Accuri-C6.fcs')).toMatchObject({ fsc: 'FSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H' } });
    expect(scatterOf('flowploidydata--Beckman-Gallios-DNA-ploidy--SM239.LMD')).toMatchObject({ fsc: 'FS INT LIN', singletPulse: { pulse: 'FS PEAK LIN' } });
  });
});
