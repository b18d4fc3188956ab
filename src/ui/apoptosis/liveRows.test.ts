import { describe, expect, it } from 'vitest';
import { emptyGatingDocument, removeGate, replaceGate, setAssayGates, strategyForSample, type GatingDocument } from '../../analysis/gatingDocument.ts';
import { QUADRANT_GATE_ID } from '../../apoptosis/populations.ts';
import { withQuadrantThresholds } from '../../apoptosis/strategy.ts';
import type { SampleGatingResult } from '../../state/resultsSlice.ts';
import { createAppStore } from '../../state/store.ts';
import type { SampleEntry } from '../../state/samplesSlice.ts';
import { analyseOpenSamples } from '../../../workers/apoptosis.fixtures.ts';
import { gatesOfRun } from './analysisGates.ts';
import { liveRows, type LiveRow } from './liveRows.ts';
import { openApoptosisExperiment } from './openExperiment.fixtures.ts';
import { planApoptosisRun } from './setup.ts';

const { registry, entries } = openApoptosisExperiment();
const plan = planApoptosisRun(entries, createAppStore().getState().apoptosisSetup);
if (!plan.ok) throw new Error(plan.problems.join(' '));
const run = await analyseOpenSamples(registry, plan.request);
const { tree, perSample } = gatesOfRun(run);
const applied = setAssayGates(emptyGatingDocument(), 'apoptosis', tree, perSample);

/** What the gating sync would bring back: every sample gated with its strategy from the document. */
function gateAll(gating: GatingDocument, samples: readonly SampleEntry[] = entries): Record<string, SampleGatingResult> {
  return Object.fromEntries(samples.map((e) => {
    const strategy = strategyForSample(gating, e.id, 'apoptosis');
    return [e.id, { strategy, counts: registry.session(e.id).applyStrategy(strategy) }];
  }));
}

function results(rows: LiveRow[]) {
  return rows.map((r) => {
    if (r.kind !== 'result') throw new Error(`${r.file}: ${r.message}`);
    return r;
  });
}

describe('results rows from the live counts', () => {
  it("equal the analysis's own rows when the sync has gated every sample with the analysis's gates", () => {
    const rows = results(liveRows({ run, samples: entries, gating: applied, committed: applied, results: gateAll(applied) }));
    expect(rows.map((r) => r.row)).toEqual(run.analysis.tubes.map((t) => t.row));
    expect(rows.every((r) => r.current)).toBe(true);
    expect(rows[3].condition).toEqual({ doseNm: 0, timeH: 24 });
  });

  it("show the analysis's row, marked as updating, until the sample's counts arrive", () => {
    const [first] = liveRows({ run, samples: entries, gating: applied, committed: applied, results: {} });
    expect(first).toMatchObject({ kind: 'result', current: false, row: run.analysis.tubes[0].row });
  });

  it("follow a quadrant moved for one sample, flagged as adjusted, and for all samples, not flagged", () => {
    const sampleId = 'sample-8';
    const quadrant = withQuadrantThresholds(applied.template, { annexin: 2000, pi: 2000 }).gates.find((g) => g.id === QUADRANT_GATE_ID);
    if (!quadrant) throw new Error('no quadrant');
    const oneSample = replaceGate(applied, quadrant, sampleId);
    const rows = results(liveRows({ run, samples: entries, gating: oneSample, committed: oneSample, results: gateAll(oneSample) }));
    const moved = rows.find((r) => r.sampleId === sampleId);
    expect(moved?.row).toMatchObject({ thresholds: { annexin: 2000, pi: 2000 }, thresholdsOverridden: true });
    expect(moved?.row.percent.viable).toBeGreaterThan(run.analysis.tubes[7].row.percent.viable);
    expect(rows.filter((r) => r.row.thresholdsOverridden)).toHaveLength(1);
    // While the "apply to" question is open the move is shown but not recorded: the row says it is pending.
    const asked = results(liveRows({ run, samples: entries, gating: oneSample, committed: applied, results: gateAll(oneSample) }));
    expect(asked.filter((r) => r.pending).map((r) => r.sampleId)).toEqual([sampleId]);
    const allSamples = replaceGate(applied, quadrant, null);
    expect(results(liveRows({ run, samples: entries, gating: allSamples, committed: allSamples, results: gateAll(allSamples) })).some((r) => r.row.thresholdsOverridden)).toBe(false);
  });

  it('mark rows whose counts belong to an earlier version of the gates', () => {
    const quadrant = withQuadrantThresholds(applied.template, { annexin: 2000, pi: 2000 }).gates.find((g) => g.id === QUADRANT_GATE_ID);
    if (!quadrant) throw new Error('no quadrant');
    const rows = results(liveRows({ run, samples: entries, gating: replaceGate(applied, quadrant, null), committed: replaceGate(applied, quadrant, null), results: gateAll(applied) }));
    expect(rows.every((r) => !r.current)).toBe(true);
  });

  it('say so when the quadrant gate is gone, a file could not be analysed or read, or joined after the run', () => {
    const gone = removeGate(applied, QUADRANT_GATE_ID);
    expect(liveRows({ run, samples: entries, gating: gone, committed: gone, results: gateAll(gone) })[0]).toMatchObject({ kind: 'problem', message: expect.stringMatching(/quadrant gate is no longer in the gating/) });
    const withExcluded = { ...run, excluded: [{ sampleId: 'sample-1', name: 'AnnV-PI_unstained.fcs', message: 'has no FITC-A channel' }] };
    const later: SampleEntry = { ...entries[5], id: 'later', fileName: 'later.fcs' };
    const broken: SampleEntry = { ...entries[5], id: 'broken', fileName: 'broken.fcs', status: { kind: 'error', error: { code: 'TRUNCATED', message: 'the file ends early' } } };
    const rows = liveRows({ run: withExcluded, samples: [...entries, later, broken], gating: applied, committed: applied, results: gateAll(applied) });
    expect(rows.filter((r) => r.kind === 'problem').map((r) => [r.file, r.kind === 'problem' && r.message])).toEqual([
      ['AnnV-PI_unstained.fcs', 'has no FITC-A channel'],
      ['later.fcs', 'Not in the last run; run the analysis again to include it.'],
      ['broken.fcs', 'Could not be read: the file ends early'],
    ]);
  });
});
