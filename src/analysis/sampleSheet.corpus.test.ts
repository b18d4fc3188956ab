/** Assay detection on the real files of ../shared/corpus (skipped without it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFcs } from '../fcs/read.ts';
import { corpusDir, describeWithCorpus } from '../testing/corpus.ts';
import { inferAssay } from './sampleSheet.ts';

function assaysOf(folder: string): Map<string, (string | null)[]> {
  const dir = join(corpusDir, folder);
  const assays = new Map<string, (string | null)[]>();
  for (const name of readdirSync(dir).filter((n) => !/\.(json|md)$/.test(n))) {
    let datasets;
    try {
      datasets = readFcs(readFileSync(join(dir, name)), { fileName: name }).datasets;
    } catch {
      continue; // the corpus's broken files are the reader's tests
    }
    assays.set(name, datasets.map((d) => inferAssay(d.channels, name)));
  }
  return assays;
}

describeWithCorpus('assay detection on the real corpus', () => {
  const fcs = assaysOf('fcs');
  const dna = assaysOf('dna');

  it('calls a DNA dye without Annexin V cell cycle, "FL1 (PI)" included', () => {
    expect(fcs.get('cytoflow--DNA-PI-genome-size--PU87_10_B200.fcs')).toEqual(['cellCycle']);
    expect(fcs.get('cytoflow--DNA-PI-genome-size--PU88_12_B200.fcs')).toEqual(['cellCycle']);
    for (const name of ['Specimen_001_AI_0_001.fcs', 'Specimen_001_AI_72_004.fcs', 'Specimen_001_AX_24_006.fcs']) expect(dna.get(name), name).toEqual(['cellCycle']);
  });

  it('never calls a phenotyping panel apoptosis for its FITC channel, or cell cycle for its dead-cell stain', () => {
    expect(fcs.get('flowio--BD-FACSCalibur--data1.fcs')).toEqual([null]);
    expect(fcs.get('flowkit--BD-FACSAria-III--index_sorted_example.fcs')).toEqual([null]);
    expect(fcs.get('fcsparser--BD-LSRFortessa--FCS_3.0_Fortessa_PBS_Specimen_001_A1_A01.fcs')).toEqual([null]);
    expect(fcs.get('flowio--Stratedigm-S1400EXi--variable_int_example.fcs')).toEqual([null]);
    // No file of the corpus is an Annexin V tube.
    for (const [name, assays] of fcs) expect(assays, name).not.toContain('apoptosis');
  });
});
