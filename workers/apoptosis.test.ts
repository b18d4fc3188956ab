import { describe, expect, it } from 'vitest';
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { analyseApoptosisExperiment } from '../src/apoptosis/experiment.ts';
import type { ApoptosisRole } from '../src/apoptosis/populations.ts';
import { demoTubeSpec, simulatedExperiment, simulatedTube, scatterOf, singularSpilloverFile } from '../src/apoptosis/simulatedExperiment.fixtures.ts';
import { DEFAULT_PERCENTILE, DEFAULT_THRESHOLD_RULE } from '../src/apoptosis/thresholds.ts';
import { readFcs } from '../src/fcs/read.ts';
import { writeFcs } from '../src/fcs/write.ts';
import { demoExperiment, simulateDemoFile } from '../src/simulate/experiment.ts';
import type { ApoptosisRequest } from './api.ts';
import { analyseOpenSamples } from './apoptosis.fixtures.ts';
import { SampleRegistry } from './sampleRegistry.ts';

const FLUORESCENCE = { annexin: 'FITC-A', pi: 'PE-A' };
const tubes = simulatedExperiment({ eventCount: 4000 });

/** The experiment's samples spread over `workers` registries, one after the other, as the pool spreads them. */
function openExperiment(workers = 2): SampleRegistry[] {
  const registries = Array.from({ length: workers }, () => new SampleRegistry());
  tubes.forEach(({ tube }, i) => registries[i % workers].add(`sample-${i}`, tube.name, 0, '00000000', { datasets: [tube.session.dataset] }));
  return registries;
}

function request(roles: readonly ApoptosisRole[] = tubes.map((t) => t.tube.role)): ApoptosisRequest {
  return {
    tubes: tubes.map(({ tube }, i) => ({ sampleId: `sample-${i}`, name: tube.name, role: roles[i] })),
    fluorescence: FLUORESCENCE,
    compensation: { kind: 'file' },
    percentile: DEFAULT_PERCENTILE,
  };
}

describe('the worker side of the apoptosis analysis', () => {
  it.each([1, 2, 3])('gives exactly what the pipeline gives on fresh sessions of the same data sets (what the CLI runs), over %i workers', async (workers) => {
    const run = await analyseOpenSamples(openExperiment(workers), request());
    const direct = analyseApoptosisExperiment(
      tubes.map(({ tube }) => ({ name: tube.name, role: tube.role, session: new SampleSession(tube.session.dataset) })),
      { fluorescence: FLUORESCENCE, scatter: scatterOf(tubes[0].tube.session.dataset.channels), compensation: { kind: 'file' }, percentile: DEFAULT_PERCENTILE, thresholdRule: DEFAULT_THRESHOLD_RULE },
    );
    expect(run.analysis).toEqual(direct);
    expect(run.analysis.tubes.map((t) => t.row)).toEqual(direct.tubes.map((t) => t.row));
    expect(run.analysis.sharedThresholds).toEqual(direct.sharedThresholds);
    expect(run.excluded).toEqual([]);
    expect(run.sampleIds[tubes[3].tube.name]).toBe('sample-3');
    expect(run.scatter).toEqual({ fsc: 'FSC-A', ssc: 'SSC-A', singletPulse: { area: 'FSC-A', pulse: 'FSC-H', kind: 'height' } });
  });

  it("leaves the samples' own gating untouched, and no copy behind in any worker", async () => {
    const registries = openExperiment();
    await analyseOpenSamples(registries, request());
    expect(registries[0].session('sample-0').evaluator.populations).toEqual([]);
    tubes.forEach((_, i) => expect(registries.filter((r) => r.has(`sample-${i}`))).toHaveLength(1));
    expect(registries.every((r) => ![...Array(tubes.length).keys()].some((i) => r.has(`sample-${i}~copy`)))).toBe(true);
  });

  it('keeps hand-edited pre-gates and a per-tube quadrant centre, and flags that tube', async () => {
    const first = await analyseOpenSamples(openExperiment(), request());
    const edited = first.analysis.tubes[5];
    const cells = edited.preGates.cells.map(([x, y]): [number, number] => [x * 1.1, y]);
    const run = await analyseOpenSamples(openExperiment(), {
      ...request(),
      tubes: request().tubes.map((t, i) => (i === 5 ? { ...t, preGates: { ...edited.preGates, cells }, thresholdOverride: { pi: 1000 } } : t)),
    });
    expect(run.analysis.tubes[5].preGates.cells).toEqual(cells);
    expect(run.analysis.tubes[5].row.thresholds).toEqual({ annexin: run.analysis.sharedThresholds.annexin, pi: 1000 });
    expect(run.analysis.tubes[5].row.thresholdsOverridden).toBe(true);
    expect(run.analysis.tubes[4].row.thresholdsOverridden).toBe(false);
  });

  it('leaves out a tube without the chosen channels, says why, and analyses the others', async () => {
    const registries = openExperiment();
    const [registry] = registries;
    const dna = demoExperiment().files.find((f) => f.assay === 'cellCycle');
    if (!dna) throw new Error('the demo has no cell-cycle file');
    registry.add('dna', dna.fileName, 0, '00000000', readFcs(writeFcs(simulateDemoFile({ ...dna, eventCount: 500 }).input), { fileName: dna.fileName }));
    const base = request();
    const run = await analyseOpenSamples(registries, { ...base, tubes: [...base.tubes, { sampleId: 'dna', name: dna.fileName, role: 'sample' }] });
    expect(run.excluded).toEqual([{ sampleId: 'dna', name: dna.fileName, message: expect.stringMatching(/has no FITC-A or PE-A channel; its channels are FSC-A, FSC-H/) }]);
    expect(run.analysis.tubes).toHaveLength(tubes.length);
  });

  it('leaves out a sample whose $SPILLOVER cannot be inverted, naming it, and analyses the others', async () => {
    const registries = openExperiment();
    const registry = registries[1];
    registry.add('singular', 'singular.fcs', 0, '00000000', readFcs(singularSpilloverFile(), { fileName: 'singular.fcs' }));
    const base = request();
    const run = await analyseOpenSamples(registries, { ...base, tubes: [...base.tubes, { sampleId: 'singular', name: 'singular.fcs', role: 'sample' }] });
    expect(run.excluded).toEqual([{ sampleId: 'singular', name: 'singular.fcs', message: expect.stringContaining('"singular.fcs" cannot be compensated') }]);
    expect(run.analysis.tubes).toHaveLength(tubes.length);
    expect(run.sampleIds['singular.fcs']).toBeUndefined();
  });

  it('fails in words when no quadrant can be placed (no controls)', async () => {
    await expect(analyseOpenSamples(openExperiment(), request(tubes.map(() => 'sample')))).rejects.toThrow(/The quadrant cannot be placed: No PI-only control, untreated \(dose 0\) tube or unstained control was given/);
  });

  it('names the untreated tube it could not gate when the quadrant cannot be placed without it, as the CLI does', async () => {
    const registries = openExperiment();
    registries[1].add('tiny', 'tiny.fcs', 0, '00000000', { datasets: [simulatedTube(demoTubeSpec('untreated'), { eventCount: 20 }).tube.session.dataset] });
    const base = request(tubes.map(() => 'sample'));
    await expect(analyseOpenSamples(registries, { ...base, tubes: [...base.tubes, { sampleId: 'tiny', name: 'tiny.fcs', role: 'untreated' }] })).rejects.toThrow(
      /The quadrant cannot be placed: .* One tube given to set it was set aside: "tiny\.fcs" cannot be gated automatically: cells gate: only \d+ events/,
    );
  });
});
