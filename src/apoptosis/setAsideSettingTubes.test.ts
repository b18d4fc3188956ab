/**
 * A control or untreated tube that was given but cannot be used (too few events to gate, a spillover matrix that
 * cannot be inverted) is named when the quadrant then cannot be placed, rather than "no untreated tube was given"
 * alone.
 */
import { describe, expect, it } from 'vitest';
import { SampleSession } from '../analysis/sampleSession.ts';
import { readFcs } from '../fcs/read.ts';
import { analyseApoptosisExperiment, type ApoptosisTube } from './experiment.ts';
import { demoTubeSpec, scatterOf, simulatedExperiment, simulatedTube, singularSpilloverFile } from './simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './thresholds.ts';

const treated = (): ApoptosisTube[] => simulatedExperiment({ eventCount: 3000 }).map((t) => t.tube).filter((t) => t.role === 'sample');
const options = (tubes: readonly ApoptosisTube[], compensation: 'auto' | 'file' = 'auto') => ({
  fluorescence: { annexin: 'FITC-A', pi: 'PE-A' }, scatter: scatterOf(tubes[0].session.dataset.channels), compensation: { kind: compensation },
  percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
});
const UNPLACED = 'The quadrant cannot be placed: No PI-only control, untreated \\(dose 0\\) tube or unstained control was given';

describe('controls and untreated tubes set aside', () => {
  it('an untreated tube with too few events to gate is named after why the quadrant cannot be placed', () => {
    const tiny = { ...simulatedTube(demoTubeSpec('untreated'), { eventCount: 20 }).tube, name: 'tiny_000nM.fcs' };
    const tubes = [tiny, ...treated()];
    expect(() => analyseApoptosisExperiment(tubes, options(tubes))).toThrow(
      new RegExp(`^${UNPLACED}.* One tube given to set it was set aside: "tiny_000nM\\.fcs" cannot be gated automatically: cells gate: only \\d+ events`),
    );
  });

  it('an untreated tube whose own $SPILLOVER cannot be inverted is named the same way', () => {
    const singular: ApoptosisTube = { name: 'singular_000nM.fcs', role: 'untreated', session: new SampleSession(readFcs(singularSpilloverFile()).datasets[0]) };
    const tubes = [singular, ...treated()];
    expect(() => analyseApoptosisExperiment(tubes, options(tubes, 'file'))).toThrow(
      new RegExp(`^${UNPLACED}.* One tube given to set it was set aside: "singular_000nM\\.fcs" cannot be compensated: its own spillover matrix`),
    );
  });

  it('says nothing more when no such tube was given', () => {
    const tubes = treated();
    expect(() => analyseApoptosisExperiment(tubes, options(tubes))).toThrow(/tube or unstained control was given[^]*type the threshold\.$/);
  });
});
