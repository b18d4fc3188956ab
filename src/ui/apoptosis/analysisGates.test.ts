import { describe, expect, it } from 'vitest';
import { emptyGatingDocument, replaceGate, setAssayGates, strategyForSample } from '../../analysis/gatingDocument.ts';
import { CELLS_ID, QUADRANT_GATE_ID } from '../../apoptosis/populations.ts';
import { readQuadrantThresholds, withQuadrantThresholds } from '../../apoptosis/strategy.ts';
import type { Gate, GatingStrategy } from '../../gating/types.ts';
import { createAppStore } from '../../state/store.ts';
import { analyseOpenSamples } from '../../../workers/apoptosis.fixtures.ts';
import { gatesOfRun, handEdits } from './analysisGates.ts';
import { openApoptosisExperiment } from './openExperiment.fixtures.ts';
import { planApoptosisRun } from './setup.ts';

const { registry, entries } = openApoptosisExperiment();
const plan = planApoptosisRun(entries, createAppStore().getState().apoptosisSetup);
if (!plan.ok) throw new Error(plan.problems.join(' '));
const run = await analyseOpenSamples(registry, plan.request);
const applied = () => {
  const { tree, perSample } = gatesOfRun(run);
  return setAssayGates(emptyGatingDocument(), 'apoptosis', tree, perSample);
};
const byId = (strategy: GatingStrategy) => Object.fromEntries(strategy.gates.map((g) => [g.id, g]));
const gate = (strategy: GatingStrategy, id: string): Gate => {
  const found = strategy.gates.find((g) => g.id === id);
  if (!found) throw new Error(`no gate ${id}`);
  return found;
};

describe("the analysis's gates in the gating document", () => {
  it("gates every analysed sample exactly as the analysis did, and gives the same counts", () => {
    const document = applied();
    for (const tube of run.analysis.tubes) {
      const sampleId = run.sampleIds[tube.name];
      const strategy = strategyForSample(document, sampleId, 'apoptosis');
      expect(byId(strategy)).toEqual(byId(tube.strategy));
      expect(strategy.compensations).toEqual(tube.strategy.compensations);
      const counts = registry.session(sampleId).applyStrategy(strategy);
      expect(counts.find((c) => c.id === 'early-apoptotic')?.count).toBe(tube.row.counts.earlyApoptotic);
    }
  });

  it('keeps the apoptosis gates away from samples of the other assay', () => {
    expect(strategyForSample(applied(), 'sample-5', 'cellCycle').gates).toEqual([]);
  });

  it('finds no hand edits right after a run', () => {
    expect(handEdits(applied(), run)).toEqual({});
  });

  it("finds a sample's reshaped Cells gate and its own quadrant centre, on the axes it moved", () => {
    const sampleId = 'sample-6';
    const tube = run.analysis.tubes.find((t) => run.sampleIds[t.name] === sampleId);
    if (!tube) throw new Error('sample-6 was not analysed');
    const cells = gate(tube.strategy, CELLS_ID);
    if (cells.kind !== 'polygon') throw new Error('Cells is a polygon');
    const reshaped = { ...cells, vertices: cells.vertices.map(([x, y]): [number, number] => [x + 1000, y]) };
    const shared = run.analysis.sharedThresholds;
    const ownQuadrant = gate(withQuadrantThresholds(tube.strategy, { annexin: shared.annexin, pi: 2000 }), QUADRANT_GATE_ID);
    const document = replaceGate(replaceGate(applied(), reshaped, sampleId), ownQuadrant, sampleId);
    expect(handEdits(document, run)).toEqual({
      [sampleId]: { preGates: { cells: reshaped.vertices, singlets: tube.preGates.singlets }, thresholdOverride: { pi: 2000 } },
    });
  });

  it('does not count a quadrant moved for all samples as a per-sample edit', () => {
    const document = applied();
    const moved = gate(withQuadrantThresholds(document.template, { annexin: 500, pi: 500 }), QUADRANT_GATE_ID);
    const everywhere = replaceGate(document, moved, null);
    expect(readQuadrantThresholds(everywhere.template)).toEqual({ annexin: 500, pi: 500 });
    expect(handEdits(everywhere, run)).toEqual({});
  });
});
