import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SampleSession } from '../src/analysis/sampleSession.ts';
import { analyseDnaSample } from '../src/cellcycle/analyseDnaSample.ts';
import { CELLS_GATE_ID, cellCycleGateTree, SINGLETS_GATE_ID } from '../src/cellcycle/cellCycleGates.ts';
import { DEFAULT_MODEL_OPTIONS, defaultModelOptions } from '../src/cellcycle/modelOptions.ts';
import { suggestPhaseRanges } from '../src/cellcycle/phaseRanges.ts';
import { readFcs } from '../src/fcs/read.ts';
import { defaultDatasetIndex, scaledColumn } from '../src/fcs/scale.ts';
import { writeFcs } from '../src/fcs/write.ts';
import { GATING_STRATEGY_VERSION } from '../src/gating/types.ts';
import { demoExperiment, simulateDemoFile } from '../src/simulate/experiment.ts';
import { corpusDir, describeWithCorpus } from '../src/testing/corpus.ts';
import { dnaChannelRefs } from '../src/ui/cellcycle/fitPlan.ts';
import type { CellCycleAnalysis, DnaChannelRefs } from './api.ts';
import { analyseCellCycleSample, fitCellCycleSample } from './cellCycle.ts';
import { SampleRegistry } from './sampleRegistry.ts';

const spec = demoExperiment().files.find((f) => f.assay === 'cellCycle' && f.doseNm === 50 && f.timeH === 48);
if (!spec) throw new Error('the demo has no 50 nM, 48 h cell-cycle file');
const dataset = readFcs(writeFcs(simulateDemoFile(spec).input), { fileName: spec.fileName }).datasets[0];
const DNA = { channel: 'PI-A', compensation: 'uncompensated' };
const WIDTH = { channel: 'PI-W', compensation: 'uncompensated' };
const CHANNELS: DnaChannelRefs = { dna: DNA, pulse: { ref: WIDTH, kind: 'width' }, scatter: null };

/** The session gated with the analysis's own singlet band and ranges, as the app's gating sync leaves it. */
function gatedSession(analysis: CellCycleAnalysis, vertices = analysis.singletGate?.vertices): SampleSession {
  if (!analysis.singletGate || !vertices) throw new Error('no band');
  const { tree } = cellCycleGateTree([{ sampleId: 's', cells: null, band: { ...analysis.singletGate, vertices }, ranges: suggestPhaseRanges(analysis.fit) }], {
    dna: DNA,
    pulse: WIDTH,
    scatter: null,
  });
  const session = new SampleSession(dataset);
  session.applyStrategy({ version: GATING_STRATEGY_VERSION, ratios: {}, ...tree });
  return session;
}

describe('the worker side of the cell-cycle analysis', () => {
  const analysis = analyseCellCycleSample(new SampleSession(dataset), { sampleId: 's', channels: CHANNELS, options: DEFAULT_MODEL_OPTIONS });

  it('gives what `flowfate cellcycle --dna PI-A --width PI-W` computes from the file', () => {
    const cli = analyseDnaSample({
      dna: column('PI-A'),
      pulse: { values: column('PI-W'), kind: 'width' },
      events: null,
      maxValue: 262_144,
      binCount: 1024,
      options: defaultModelOptions('djf'),
    });
    expect(analysis.fit).toEqual(cli.fit);
    expect(analysis.flags).toEqual(cli.flags);
    expect(analysis.singletGate).toEqual(cli.singletGate);
    expect(analysis.histogram).toEqual(cli.histogram);
  });

  it('refits the singlet gate as gated: the same fit while the band is unedited, a new one after an edit', () => {
    if (!analysis.singletGate) throw new Error('no band');
    const band = analysis.singletGate;
    const request = (vertices: [number, number][]) => ({
      sampleId: 's',
      channels: CHANNELS,
      options: DEFAULT_MODEL_OPTIONS,
      cells: null,
      singletGate: { population: SINGLETS_GATE_ID, shape: { kind: 'width' as const, vertices }, suggestion: band },
    });
    const unedited = fitCellCycleSample(gatedSession(analysis), request(band.vertices));
    expect(unedited).toEqual({ histogram: analysis.histogram, fit: analysis.fit, doublets: analysis.doublets, offScale: analysis.offScale, flags: analysis.flags });

    // Lower the band's top edge: fewer singlets, more events counted as doublets by the gate.
    const half = band.vertices.length / 2;
    const narrower = band.vertices.map(([x, y], k): [number, number] => [x, k >= half ? y * 0.9 : y]);
    const edited = fitCellCycleSample(gatedSession(analysis, narrower), request(narrower));
    expect(edited.fit.singlets).toBeLessThan(analysis.fit.singlets);
    expect(edited.doublets?.gatePercent).toBeGreaterThan(analysis.doublets?.gatePercent ?? Infinity);
    expect(edited.doublets?.modelPercent).toBe(analysis.doublets?.modelPercent);
  });

  it('starts from an FSC/SSC cells gate when asked, and refits through the gates to the same numbers', () => {
    const scatter = { fsc: { channel: 'FSC-A', compensation: 'uncompensated' }, ssc: { channel: 'SSC-A', compensation: 'uncompensated' } };
    const channels: DnaChannelRefs = { ...CHANNELS, scatter };
    const gated = analyseCellCycleSample(new SampleSession(dataset), { sampleId: 's', channels, options: DEFAULT_MODEL_OPTIONS });
    if (!gated.cellsGate || !gated.singletGate) throw new Error('no cells gate or band');
    expect(gated.fit.singlets).toBeLessThan(analysis.fit.singlets);
    const { tree } = cellCycleGateTree([{ sampleId: 's', cells: gated.cellsGate.vertices, band: gated.singletGate, ranges: suggestPhaseRanges(gated.fit) }], {
      dna: DNA,
      pulse: WIDTH,
      scatter,
    });
    const session = new SampleSession(dataset);
    session.applyStrategy({ version: GATING_STRATEGY_VERSION, ratios: {}, ...tree });
    const refit = fitCellCycleSample(session, {
      sampleId: 's',
      channels,
      options: DEFAULT_MODEL_OPTIONS,
      cells: CELLS_GATE_ID,
      singletGate: { population: SINGLETS_GATE_ID, shape: { kind: 'width', vertices: gated.singletGate.vertices }, suggestion: gated.singletGate },
    });
    expect(refit).toEqual({ histogram: gated.histogram, fit: gated.fit, doublets: gated.doublets, offScale: gated.offScale, flags: gated.flags });
  });

  it('fits every event without a pulse channel, and fails in words on an unknown channel', () => {
    const all = fitCellCycleSample(new SampleSession(dataset), { sampleId: 's', channels: { dna: DNA, pulse: null, scatter: null }, options: DEFAULT_MODEL_OPTIONS, cells: null, singletGate: null });
    expect(all.fit.singlets).toBe(dataset.eventCount - countOffScale());
    expect(all.doublets).toBeNull();
    expect(() => analyseCellCycleSample(new SampleSession(dataset), { sampleId: 's', channels: { dna: { ...DNA, channel: 'DAPI-A' }, pulse: null, scatter: null }, options: DEFAULT_MODEL_OPTIONS })).toThrow(
      /^The channel "DAPI-A" is not in this data set: choose the DNA channel again\./,
    );
  });
});

function column(name: string) {
  return scaledColumn(dataset, dataset.channels.findIndex((c) => c.name === name));
}

/** Events whose PI-A lies off the axis: at or below zero, or in its top channel (1,024 over $PnR) and beyond. */
function countOffScale(): number {
  return column('PI-A').filter((v) => !(v > 0 && v < (262_144 * 1023) / 1024)).length;
}

describeWithCorpus('the worker side on a real Gallios file with a singular $SPILLOVER (issue 10)', () => {
  it('reads DNA content uncompensated, so the singular matrix never blocks the analysis, and reports what the CLI reports', () => {
    const file = readFcs(readFileSync(join(corpusDir, 'dna/222.LMD')), { fileName: '222.LMD' });
    const registry = new SampleRegistry();
    const summary = registry.add('s', '222.LMD', 0, '00000000', file);
    const active = summary.datasets[summary.activeDataset];
    // The singular matrix is set aside with a note (src/analysis/fileSpillover.ts): the UI reads the file uncompensated.
    expect(file.datasets[defaultDatasetIndex(file)].spillover?.channels).toEqual(['FL3-H', 'FL3-A']);
    expect(active.spillover).toBeNull();
    expect(active.warnings.map((w) => w.code)).toContain('SPILLOVER_UNUSABLE');
    const channels = dnaChannelRefs({ dna: 'FL3-A', pulse: { channel: 'FL3-H', kind: 'height' }, scatter: null }, active.spillover);
    const analysis = analyseCellCycleSample(registry.session('s'), { sampleId: 's', channels, options: DEFAULT_MODEL_OPTIONS });
    const lmd = file.datasets[defaultDatasetIndex(file)];
    const values = (name: string) => scaledColumn(lmd, lmd.channels.findIndex((c) => c.name === name));
    const cli = analyseDnaSample({
      dna: values('FL3-A'),
      pulse: { values: values('FL3-H'), kind: 'height' },
      events: null,
      maxValue: 1_048_576,
      binCount: 1024,
      options: DEFAULT_MODEL_OPTIONS,
    });
    expect(analysis.fit).toEqual(cli.fit);
    expect(analysis.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['off-scale', 'second-g1-population']));
  });
});
