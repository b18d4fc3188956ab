import { describe, expect, it } from 'vitest';
import { setAssayGates, strategyForSample, emptyGatingDocument } from '../analysis/gatingDocument.ts';
import { channelSourceFromColumns } from '../gating/channelSource.ts';
import { GatingEvaluator } from '../gating/evaluator.ts';
import { GATING_STRATEGY_VERSION, type GatingStrategy } from '../gating/types.ts';
import { DEFAULT_CELL_CYCLE_PARAMS, simulateCellCycleSample } from '../simulate/cellCycleModel.ts';
import { analyseDnaSample, fitDnaSinglets } from './analyseDnaSample.ts';
import { CELLS_GATE_ID, cellCycleGateTree, cellCyclePopulations, PHASE_POPULATIONS, PHASES_GATE_ID, phaseRangesGate, SINGLETS_GATE_ID } from './cellCycleGates.ts';
import { DEFAULT_MODEL_OPTIONS } from './modelOptions.ts';
import { suggestPhaseRanges } from './phaseRanges.ts';
import { gateDoubletFraction } from './singletGate.ts';

const DNA = { channel: 'PI-A', compensation: 'FCS' };
const WIDTH = { channel: 'PI-W', compensation: 'FCS' };

function strategy(tree: Pick<GatingStrategy, 'gates'>): GatingStrategy {
  return { version: GATING_STRATEGY_VERSION, transforms: {}, ratios: {}, compensations: {}, gates: tree.gates };
}

function simulated(seed: number) {
  const { input } = simulateCellCycleSample(DEFAULT_CELL_CYCLE_PARAMS, seed);
  const column = (name: string) => Float32Array.from(input.columns[input.channels.findIndex((c) => c.name === name)]);
  return { 'PI-A': column('PI-A'), 'PI-W': column('PI-W') };
}

describe('cell-cycle gates', () => {
  it('count the events the analysis fitted: the band as a polygon gate, the phases as contiguous ranges of singlets', () => {
    const columns = simulated(41);
    const analysis = analyseDnaSample({
      dna: columns['PI-A'],
      pulse: { values: columns['PI-W'], kind: 'width' },
      events: null,
      maxValue: 262_144,
      binCount: 1024,
      options: DEFAULT_MODEL_OPTIONS,
    });
    if (!analysis.singletGate) throw new Error('no band suggested');
    const ranges = suggestPhaseRanges(analysis.fit);
    const { tree, perSample } = cellCycleGateTree([{ sampleId: 'a', cells: null, band: analysis.singletGate, ranges }], { dna: DNA, pulse: WIDTH, scatter: null });
    expect(perSample).toEqual({});
    const evaluator = new GatingEvaluator(channelSourceFromColumns(columns));
    evaluator.update(strategy(tree));

    const singlets = evaluator.indices(SINGLETS_GATE_ID);
    expect(singlets).toEqual(analysis.singlets);
    // Refitting the gate's singlets (as the app does after any edit) gives the analysis's numbers exactly.
    const band = { kind: 'width' as const, vertices: analysis.singletGate.vertices };
    const refit = fitDnaSinglets({
      dna: columns['PI-A'],
      parent: null,
      singlets,
      maxValue: 262_144,
      binCount: 1024,
      options: DEFAULT_MODEL_OPTIONS,
      gateDoubletPercent: 100 * gateDoubletFraction(band, analysis.singletGate, columns['PI-A'], columns['PI-W']),
    });
    expect(refit.fit).toEqual(analysis.fit);
    expect(refit.flags).toEqual(analysis.flags);
    expect(refit.doublets).toEqual(analysis.doublets);

    const dna = columns['PI-A'];
    for (const [phase, population] of Object.entries(PHASE_POPULATIONS)) {
      const { min, max } = ranges[phase as keyof typeof ranges];
      const expected = singlets.filter((i) => dna[i] >= min && dna[i] < max).length;
      expect(evaluator.count(population), phase).toBe(expected);
    }
  });

  it('keep boundaries strictly ascending when the fit collapses S between overlapping peaks', () => {
    const point = { min: 100, max: 100 };
    const gate = phaseRangesGate({ subG1: { min: 0, max: 0 }, g0g1: { min: 0, max: 100 }, s: point, g2m: { min: 100, max: 150 } }, DNA, null);
    const values = gate.dividers[0].values;
    expect(values.every((v, k) => k === 0 || v > values[k - 1])).toBe(true);
    expect(values[2]).toBeCloseTo(100, 6);
    const evaluator = new GatingEvaluator(channelSourceFromColumns({ 'PI-A': Float64Array.of(50, 99, 100.5, 120, 200) }));
    evaluator.update(strategy({ gates: [gate] }));
    expect(['sub-g1', 'g0-g1', 's-phase', 'g2-m'].map((id) => evaluator.count(id))).toEqual([0, 2, 0, 2]);
  });

  it('make the first sample the template and tailor the others where they differ, beside the apoptosis tree', () => {
    const band = { kind: 'width' as const, vertices: [[0, 1], [10, 1], [10, 3], [0, 3]] as [number, number][], intercept: 2, slope: 0, spread: 0.3 };
    const ranges = { subG1: { min: 1, max: 2 }, g0g1: { min: 2, max: 4 }, s: { min: 4, max: 6 }, g2m: { min: 6, max: 9 } };
    const wider = { ...band, vertices: band.vertices.map(([x, y]): [number, number] => [x, y * 1.1]) };
    const { tree, perSample } = cellCycleGateTree(
      [
        { sampleId: 'control', cells: null, band, ranges },
        { sampleId: 'same', cells: null, band, ranges },
        { sampleId: 'treated', cells: null, band: wider, ranges },
      ],
      { dna: DNA, pulse: WIDTH, scatter: null },
    );
    expect(tree.gates.map((g) => g.id)).toEqual([SINGLETS_GATE_ID, PHASES_GATE_ID]);
    expect(Object.keys(perSample)).toEqual(['treated']);
    expect(Object.keys(perSample.treated)).toEqual([SINGLETS_GATE_ID]);

    const apoptosis = { kind: 'rectangle' as const, id: 'cells', name: 'Cells', parentId: null, bounds: [] };
    const withApoptosis = setAssayGates(emptyGatingDocument(), 'apoptosis', { gates: [apoptosis], transforms: {}, compensations: {} });
    const document = setAssayGates(withApoptosis, 'cellCycle', tree, perSample);
    expect(strategyForSample(document, 'treated', 'cellCycle').gates).toEqual([perSample.treated[SINGLETS_GATE_ID], tree.gates[1]]);
    expect(strategyForSample(document, 'an-annexin-tube', 'apoptosis').gates).toEqual([apoptosis]);
  });

  it('root the phases at all events when there is no pulse channel', () => {
    const ranges = { subG1: { min: 1, max: 2 }, g0g1: { min: 2, max: 4 }, s: { min: 4, max: 6 }, g2m: { min: 6, max: 9 } };
    const { tree } = cellCycleGateTree([{ sampleId: 'a', cells: null, band: null, ranges }], { dna: DNA, pulse: null, scatter: null });
    expect(tree.gates).toHaveLength(1);
    expect(tree.gates[0]).toMatchObject({ id: PHASES_GATE_ID, parentId: null, dividers: [{ values: [1, 2, 4, 6, 9] }] });
    expect(cellCyclePopulations({ scatter: false, pulse: false })).toEqual({ cells: null, singlets: null });
  });

  it('start the singlet band from an FSC/SSC cells gate when one is used', () => {
    const ranges = { subG1: { min: 1, max: 2 }, g0g1: { min: 2, max: 4 }, s: { min: 4, max: 6 }, g2m: { min: 6, max: 9 } };
    const band = { kind: 'width' as const, vertices: [[0, 1], [10, 1], [10, 3], [0, 3]] as [number, number][], intercept: 2, slope: 0, spread: 0.3 };
    const cells: [number, number][] = [[1, 1], [9, 1], [9, 9], [1, 9]];
    const scatter = { fsc: { channel: 'FSC-A', compensation: 'FCS' }, ssc: { channel: 'SSC-A', compensation: 'FCS' } };
    const { tree } = cellCycleGateTree([{ sampleId: 'a', cells, band, ranges }], { dna: DNA, pulse: WIDTH, scatter });
    expect(tree.gates.map((g) => [g.id, g.parentId])).toEqual([[CELLS_GATE_ID, null], [SINGLETS_GATE_ID, CELLS_GATE_ID], [PHASES_GATE_ID, SINGLETS_GATE_ID]]);
    expect(tree.gates[0]).toMatchObject({ kind: 'polygon', vertices: cells, dimensions: [{ source: { name: 'FSC-A' } }, { source: { name: 'SSC-A' } }] });
    expect(cellCyclePopulations({ scatter: true, pulse: true })).toEqual({ cells: CELLS_GATE_ID, singlets: SINGLETS_GATE_ID });
    expect(cellCyclePopulations({ scatter: true, pulse: false })).toEqual({ cells: CELLS_GATE_ID, singlets: CELLS_GATE_ID });
    const noPulse = cellCycleGateTree([{ sampleId: 'a', cells, band: null, ranges }], { dna: DNA, pulse: null, scatter });
    expect(noPulse.tree.gates.map((g) => [g.id, g.parentId])).toEqual([[CELLS_GATE_ID, null], [PHASES_GATE_ID, CELLS_GATE_ID]]);
  });
});
