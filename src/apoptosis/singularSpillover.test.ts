/**
 * One file with a singular $SPILLOVER (issue 12, item 8) must not take the others down: it is set aside with a
 * sentence naming it, and the other tubes are analysed as if it were not there.
 */
import { describe, expect, it } from 'vitest';
import { SampleSession } from '../analysis/sampleSession.ts';
import { readFcs } from '../fcs/read.ts';
import { analyseApoptosisExperiment } from './experiment.ts';
import { scatterOf, simulatedExperiment, singularSpilloverFile } from './simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from './thresholds.ts';

describe('a file with a singular $SPILLOVER', () => {
  const good = simulatedExperiment({ eventCount: 5000 }).map((t) => t.tube);
  const bad = { name: 'singular.fcs', role: 'sample' as const, session: new SampleSession(readFcs(singularSpilloverFile(), { fileName: 'singular.fcs' }).datasets[0]) };
  const options = {
    fluorescence: { annexin: 'FITC-A', pi: 'PE-A' }, scatter: scatterOf(good[0].session.dataset.channels), compensation: { kind: 'file' as const },
    percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE,
  };

  it('is set aside with a sentence about the file and what to do; the other tubes get the numbers they get without it', () => {
    const withBad = analyseApoptosisExperiment([...good, bad], options);
    const without = analyseApoptosisExperiment(good.map((t) => ({ ...t, session: new SampleSession(t.session.dataset) })), options);
    expect(withBad.failed).toEqual([{
      name: 'singular.fcs',
      role: 'sample',
      message: '"singular.fcs" cannot be compensated: its own spillover matrix ($SPILLOVER) cannot be inverted (it is singular, or does not fit its channels). Export the file again with a valid matrix, or compute the compensation from the single-stain controls.',
    }]);
    expect(withBad.tubes.map((t) => t.row)).toEqual(without.tubes.map((t) => t.row));
  });

  it('is analysed like the others when the compensation is computed from the single stains instead', () => {
    const analysis = analyseApoptosisExperiment([...good, bad], { ...options, compensation: { kind: 'controls' } });
    expect(analysis.failed).toEqual([]);
    expect(analysis.tubes.map((t) => t.name)).toContain('singular.fcs');
  });
});
