import { describe, expect, it } from 'vitest';
import { describeWithCorpus } from '../testing/corpus.ts';
import type { DnaSampleAnalysis } from './analyseDnaSample.ts';
import { dnaHistogramTop } from './dnaChannels.ts';
import { analyseRealFile, channelValues, datasetOf, fileName, peerOf, REAL_DNA_FILES, type RealDnaFile } from '../testing/dnaCorpus.ts';
import type { ModelKind } from './types.ts';

/*
 * Issue 10 on real exports: Beckman Gallios plant nuclei with an internal standard (flowPloidy's peak positions),
 * the PI genome-size files of cytoflow's example (FL1 = PI, two G1-like peaks), and a published human-cell time
 * course on a BD FACSymphony (flowPloidy's G0/G1 and the publication's direction of change).
 */

const MODELS: readonly ModelKind[] = ['djf', 'watson', 'rectangle'];
const results = new Map<string, DnaSampleAnalysis>();

function analysed(file: RealDnaFile, model: ModelKind): DnaSampleAnalysis {
  const key = `${file.path}|${model}`;
  let result = results.get(key);
  if (!result) {
    result = analyseRealFile(file, model);
    results.set(key, result);
  }
  return result;
}

const codes = (analysis: DnaSampleAnalysis) => analysis.flags.map((flag) => flag.code);
const relative = (value: number, reference: number) => Math.abs(value / reference - 1);
const byName = (name: string) => REAL_DNA_FILES.find((file) => fileName(file) === name) as RealDnaFile;
const PLANT_FILES = REAL_DNA_FILES.filter((file) => file.path.startsWith('dna/') && file.kind === 'internal-standard');
const GROWING = ['Specimen_001_AI_0_001.fcs', 'Specimen_001_AX_24_006.fcs'].map(byName);

describeWithCorpus('real DNA-content files (issue 10)', () => {
  describe.each(MODELS)('model %s', (model) => {
    it.each(REAL_DNA_FILES.map((file) => ({ file, name: fileName(file) })))('$name is fitted without an error', ({ file }) => {
      const { fit } = analysed(file, model);
      expect(fit.g1Percent + fit.sPercent + fit.g2mPercent).toBeCloseTo(100, 6);
      expect(fit.g1CvPercent).toBeGreaterThan(0.5);
    });

    it.each(PLANT_FILES.map((file) => ({ file, name: fileName(file) })))(
      '$name: both G1-like peaks within 3% of flowPloidy, the second flagged with its DNA index',
      ({ file }) => {
        const analysis = analysed(file, model);
        const peaks = peerOf(file)?.peaks ?? [];
        const [first, second] = peaks.map((peak) => peak.mean_fl3a);
        const { fit } = analysis;
        const where = `G0/G1 ${fit.g1Mean.toFixed(0)}, second ${fit.secondPopulation?.g1Mean.toFixed(0)}; peer ${first}, ${second}`;
        expect(relative(fit.g1Mean, first), where).toBeLessThan(0.03);
        expect(fit.secondPopulation, where).not.toBeNull();
        expect(relative(fit.secondPopulation?.g1Mean ?? 0, second), where).toBeLessThan(0.03);
        expect(relative(fit.secondPopulation?.dnaIndex ?? 0, second / first), where).toBeLessThan(0.03);
        expect(codes(analysis)).toContain('second-g1-population');
      },
    );

    it.each(['PU87_10_B200', 'PU88_12_B200'])('cytoflow genome-size file %s: the second G1-like peak is flagged, not counted as S or G2/M', (name) => {
      const file = REAL_DNA_FILES.find((f) => f.path.includes(name)) as RealDnaFile;
      const analysis = analysed(file, model);
      expect(codes(analysis)).toContain('second-g1-population');
      const index = analysis.fit.secondPopulation?.dnaIndex ?? 0;
      expect(index < 1.75 || index > 2.25, `DNA index ${index}`).toBe(true);
      expect(analysis.fit.secondPopulation?.events ?? 0).toBeGreaterThan(0.2 * analysis.fit.cyclingEvents);
    });

    it.each(GROWING.map((file) => ({ file, name: fileName(file) })))(
      '$name (growing cells): G0/G1 within 3% of flowPloidy, one population, G2/M believable',
      ({ file }) => {
        const analysis = analysed(file, model);
        const peer = peerOf(file);
        const { fit } = analysis;
        const where = `G0/G1 ${fit.g1Mean.toFixed(0)} (${fit.g1Percent.toFixed(1)}%), S ${fit.sPercent.toFixed(1)}%, G2/M ${fit.g2mPercent.toFixed(1)}% at ${fit.g2g1Ratio.toFixed(2)}×; ${codes(analysis).join(', ')}`;
        expect(relative(fit.g1Mean, peer?.g1_mean ?? NaN), where).toBeLessThan(0.03);
        expect(fit.secondPopulation, where).toBeNull();
        expect(codes(analysis), where).not.toContain('second-g1-population');
        expect(fit.g2mPercent, where).toBeGreaterThan(5);
        expect(fit.g2mPercent, where).toBeLessThan(25);
        expect(fit.g2g1Ratio, where).toBeGreaterThanOrEqual(1.85);
        expect(fit.g2g1Ratio, where).toBeLessThanOrEqual(2.15);
      },
    );

    it('the 72 h treated sample accumulates in G0/G1 (> 85%) with sub-G1 clearly raised (publication)', () => {
      const treated = analysed(byName('Specimen_001_AI_72_004.fcs'), model);
      const untreated = analysed(byName('Specimen_001_AI_0_001.fcs'), model);
      const where = `G0/G1 ${treated.fit.g1Percent.toFixed(1)}%, sub-G1 ${treated.fit.subG1Percent.toFixed(1)}% vs ${untreated.fit.subG1Percent.toFixed(1)}%`;
      expect(treated.fit.g1Percent, where).toBeGreaterThan(85);
      expect(treated.fit.subG1Percent, where).toBeGreaterThan(Math.max(5, 3 * untreated.fit.subG1Percent));
      expect(treated.fit.secondPopulation, where).toBeNull();
    });
  });

  it('events piled in the top channel (and at or below zero) are left out of the fit, counted and flagged', () => {
    for (const file of REAL_DNA_FILES) {
      const dataset = datasetOf(file);
      const dna = channelValues(dataset, file.dna);
      const top = dnaHistogramTop(dataset.channels.find((c) => c.name === file.dna) ?? dataset.channels[0]);
      const edge = top * (1 - 1 / 1024);
      const expected = dna.filter((v) => !(v > 0 && v < edge)).length;
      const analysis = analysed(file, 'djf');
      const where = `${fileName(file)}: ${analysis.offScale.percent.toFixed(2)}% off scale`;
      expect(analysis.offScale.low + analysis.offScale.high, where).toBe(expected);
      expect(analysis.offScale.percent, where).toBeCloseTo((100 * expected) / dna.length, 9);
      expect(codes(analysis).includes('off-scale'), where).toBe(analysis.offScale.percent > 2);
      const { counts } = analysis.histogram;
      expect(counts[counts.length - 1], where).toBe(0);
    }
    for (const name of ['222.LMD', '240-4-2+rad.LMD', '248+r.LMD']) expect(codes(analysed(byName(name), 'djf'))).toContain('off-scale');
    for (const file of GROWING) expect(codes(analysed(file, 'djf'))).not.toContain('off-scale');
  });

  it('debris below the peaks is modelled when present (auto), and can be turned off', () => {
    const file = byName('222.LMD');
    expect(analysed(file, 'djf').fit.options.debris).toBe('auto');
    expect(analysed(file, 'djf').fit.debrisModelled).toBe(true);
    expect(analyseRealFile(file, 'djf', { debris: 'off' }).fit.debrisModelled).toBe(false);
    expect(analysed(byName('Specimen_001_AI_0_001.fcs'), 'djf').fit.debrisModelled).toBe(false);
  });
});
