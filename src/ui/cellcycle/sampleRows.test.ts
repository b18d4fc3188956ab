import { describe, expect, it } from 'vitest';
import { emptyGatingDocument, replaceGate, setAssayGates, strategyForSample, type GatingDocument } from '../../analysis/gatingDocument.ts';
import { cellCycleGateTree, PHASES_GATE_ID, SINGLETS_GATE_ID } from '../../cellcycle/cellCycleGates.ts';
import { DEFAULT_MODEL_OPTIONS } from '../../cellcycle/modelOptions.ts';
import { suggestPhaseRanges } from '../../cellcycle/phaseRanges.ts';
import { renderCsv } from '../../export/table.ts';
import type { Gate } from '../../gating/types.ts';
import type { CellCycleFitEntry, CellCycleRun } from '../../state/cellCycleSlice.ts';
import type { SampleGatingResult } from '../../state/resultsSlice.ts';
import { analyseCellCycleSample, fitCellCycleSample } from '../../../workers/cellCycle.ts';
import { cellCycleSamples } from './analyseAll.ts';
import { dnaChannelRefs, planFit } from './fitPlan.ts';
import { openCellCycleTubes } from './openCellCycle.fixtures.ts';
import { allCurrent, resultsTable, sampleRows, type RowsInput } from './sampleRows.ts';
import { sumBins } from './displayBins.ts';

const { registry, entries } = openCellCycleTubes([0, 50]);
const channels = { dna: 'PI-A', pulse: { channel: 'PI-W', kind: 'width' as const }, scatter: null };
const refs = dnaChannelRefs(channels, null);
const ordered = cellCycleSamples(entries.toReversed());
const analyses = ordered.map((e) => ({ sampleId: e.id, analysis: analyseCellCycleSample(registry.session(e.id), { sampleId: e.id, channels: refs, options: DEFAULT_MODEL_OPTIONS }) }));
const { tree, perSample } = cellCycleGateTree(
  analyses.map(({ sampleId, analysis }) => ({ sampleId, cells: null, band: analysis.singletGate, ranges: suggestPhaseRanges(analysis.fit) })),
  { dna: refs.dna, pulse: refs.pulse?.ref ?? null, scatter: null },
);
const gating = setAssayGates(emptyGatingDocument(), 'cellCycle', tree, perSample);
const run: CellCycleRun = { channels, refs, bands: Object.fromEntries(analyses.map(({ sampleId, analysis }) => [sampleId, analysis.singletGate])), failures: {} };

/** What the gating sync brings back: every sample gated with its strategy from the document. */
function gateAll(document: GatingDocument): Record<string, SampleGatingResult> {
  return Object.fromEntries(entries.map((e) => {
    const strategy = strategyForSample(document, e.id, 'cellCycle');
    return [e.id, { strategy, counts: registry.session(e.id).applyStrategy(strategy) }];
  }));
}

/** The analysis's fits, kept under the keys of the gates it wrote (what "Analyse all samples" stores). */
function keptFits(document: GatingDocument): Record<string, CellCycleFitEntry> {
  return Object.fromEntries(analyses.map(({ sampleId, analysis }) => {
    const plan = planFit(sampleId, 0, strategyForSample(document, sampleId, 'cellCycle'), run, DEFAULT_MODEL_OPTIONS);
    if (!plan) throw new Error('no plan');
    const { histogram, fit, doublets, offScale, flags } = analysis;
    return [sampleId, { key: plan.key, result: { histogram, fit, doublets, offScale, flags } }];
  }));
}

function input(document: GatingDocument, fits = keptFits(gating)): RowsInput {
  return { samples: entries, gating: document, gatingResults: gateAll(document), cellCycleFits: fits, cellCycleRun: run, cellCycleOptions: DEFAULT_MODEL_OPTIONS };
}

describe('cell-cycle fit plans', () => {
  const strategy = strategyForSample(gating, 'sample-2', 'cellCycle');
  const plan = planFit('sample-2', 0, strategy, run, DEFAULT_MODEL_OPTIONS);

  it('ask the worker for the singlet gate as drawn, with the band it was suggested as', () => {
    expect(plan?.request).toEqual({
      sampleId: 'sample-2',
      channels: refs,
      options: DEFAULT_MODEL_OPTIONS,
      cells: null,
      singletGate: { population: SINGLETS_GATE_ID, shape: { kind: 'width', vertices: run.bands['sample-2']?.vertices }, suggestion: run.bands['sample-2'] },
    });
    expect(planFit('sample-2', 0, { ...strategy, gates: [] }, run, DEFAULT_MODEL_OPTIONS)).toBeNull();
  });

  it('change key with the band, the options or the data set, never with the phase ranges', () => {
    const key = (gates: Gate[], options = DEFAULT_MODEL_OPTIONS, dataset = 0) => planFit('sample-2', dataset, { ...strategy, gates }, run, options)?.key;
    const moved = (id: string, edit: (gate: Gate) => Gate) => strategy.gates.map((g) => (g.id === id ? edit(g) : g));
    const widerRanges = moved(PHASES_GATE_ID, (g) => (g.kind === 'quadrant' ? { ...g, dividers: [{ ...g.dividers[0], values: g.dividers[0].values.map((v, k) => v + k) }] } : g));
    const widerBand = moved(SINGLETS_GATE_ID, (g) => (g.kind === 'polygon' ? { ...g, vertices: g.vertices.map(([x, y]): [number, number] => [x, y * 1.01]) } : g));
    expect(key(widerRanges)).toBe(plan?.key);
    expect(key(widerBand)).not.toBe(plan?.key);
    expect(key(strategy.gates, { ...DEFAULT_MODEL_OPTIONS, debris: 'on' })).not.toBe(plan?.key);
    expect(key(strategy.gates, DEFAULT_MODEL_OPTIONS, 1)).not.toBe(plan?.key);
  });
});

describe('cell-cycle rows', () => {
  it('show each sample’s fit and the live range-gate percentages, and export them with dose and time', () => {
    const rows = sampleRows(input(gating));
    expect(rows.map((r) => r.entry.id)).toEqual(['sample-1', 'sample-2']);
    expect(allCurrent(rows)).toBe(true);
    const [control] = rows;
    if (control.fit.kind !== 'fitted' || !control.rangeGates) throw new Error('control not fitted or counted');
    expect(control.fit.result.fit).toEqual(analyses.find((a) => a.sampleId === 'sample-1')?.analysis.fit);
    const counts = registry.session('sample-1').evaluator;
    expect(control.rangeGates.g2m).toBeCloseTo((100 * counts.count('g2-m')) / counts.count(SINGLETS_GATE_ID), 10);

    const table = resultsTable(rows);
    expect(table.columns.slice(0, 3)).toEqual(['File', 'Dose (nM)', 'Time (h)']);
    const lines = renderCsv(table).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2].split(',').slice(0, 3)).toEqual(['PI-DNA_24h_050nM_R1.fcs', '50', '24']);
  });

  it('mark a sample as being refitted once its singlet gate is edited, until the new fit arrives', () => {
    const gate = strategyForSample(gating, 'sample-2', 'cellCycle').gates.find((g) => g.id === SINGLETS_GATE_ID);
    if (gate?.kind !== 'polygon') throw new Error('no singlet polygon');
    const edited = replaceGate(gating, { ...gate, vertices: gate.vertices.map(([x, y]): [number, number] => [x, y * 0.95]) }, 'sample-2');
    const stale = sampleRows(input(edited));
    expect(stale[1].fit).toMatchObject({ kind: 'fitted', current: false });
    expect(allCurrent(stale)).toBe(false);

    const plan = planFit('sample-2', 0, strategyForSample(edited, 'sample-2', 'cellCycle'), run, DEFAULT_MODEL_OPTIONS);
    if (!plan) throw new Error('no plan');
    registry.session('sample-2').applyStrategy(strategyForSample(edited, 'sample-2', 'cellCycle'));
    const refit = fitCellCycleSample(registry.session('sample-2'), plan.request);
    const fresh = sampleRows(input(edited, { ...keptFits(gating), 'sample-2': { key: plan.key, result: refit } }));
    expect(fresh[1].fit).toMatchObject({ kind: 'fitted', current: true });
    expect(refit.fit.singlets).toBeLessThan(analyses.find((a) => a.sampleId === 'sample-2')?.analysis.fit.singlets ?? 0);
  });

  it('wait for samples not fitted yet, and put the untreated control first for the template', () => {
    expect(sampleRows(input(gating, {}))[0].fit).toEqual({ kind: 'waiting' });
    expect(ordered.map((e) => e.annotation?.doseNm)).toEqual([0, 50]);
    expect(tree.gates[0]).toEqual(expect.objectContaining({ id: SINGLETS_GATE_ID }));
    expect(Object.keys(perSample)).toEqual(['sample-2']);
  });
});

describe('sumBins', () => {
  it('sums groups of bins and refuses groups that do not divide the histogram', () => {
    expect(sumBins(Float64Array.of(1, 2, 3, 4, 5, 6), 3)).toEqual(Float64Array.of(6, 15));
    expect(() => sumBins(Float64Array.of(1, 2, 3), 2)).toThrow(/cannot be summed/);
  });
});
