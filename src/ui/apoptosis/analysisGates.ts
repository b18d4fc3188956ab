/**
 * The analysis's gates as the experiment's gates, and back. Forward: the template gets the shared tree (Cells and
 * Singlets of the first tube as defaults for samples opened later, the quadrant at the shared thresholds, Total
 * apoptotic, the compensation matrix), and each analysed sample its own pre-gates (and own quadrant centre, if it
 * has one) as tailored gates. Back: what the user has changed by hand since, so a new run keeps it.
 */
import type { GatingDocument } from '../../analysis/gatingDocument.ts';
import { CELLS_ID, QUADRANT_GATE_ID, SINGLETS_ID } from '../../apoptosis/populations.ts';
import { readQuadrantThresholds, withQuadrantThresholds } from '../../apoptosis/strategy.ts';
import type { QuadrantThresholds } from '../../apoptosis/thresholds.ts';
import type { Gate, GateId, GatingStrategy } from '../../gating/types.ts';
import type { ApoptosisRun, SampleId } from '../../../workers/api.ts';
import type { HandEdits } from './setup.ts';

export interface AssayGates {
  tree: Pick<GatingStrategy, 'gates' | 'transforms' | 'compensations'>;
  perSample: Record<SampleId, Record<GateId, Gate>>;
}

export function gatesOfRun(run: ApoptosisRun): AssayGates {
  const [first] = run.analysis.tubes;
  if (!first) throw new RangeError('the apoptosis analysis returned no tube');
  const template = withQuadrantThresholds(first.strategy, run.analysis.sharedThresholds);
  const perSample: AssayGates['perSample'] = {};
  for (const tube of run.analysis.tubes) {
    const own = tube.strategy.gates.filter((g) => g.id === CELLS_ID || g.id === SINGLETS_ID || (g.id === QUADRANT_GATE_ID && tube.row.thresholdsOverridden));
    perSample[run.sampleIds[tube.name]] = Object.fromEntries(own.map((g) => [g.id, g]));
  }
  return { tree: { gates: template.gates, transforms: template.transforms, compensations: template.compensations }, perSample };
}

function polygonVertices(gate: Gate | undefined): [number, number][] | null {
  return gate?.kind === 'polygon' ? gate.vertices : null;
}

function quadrantCentre(strategy: GatingStrategy, gate: Gate | undefined): QuadrantThresholds | null {
  if (gate?.kind !== 'quadrant') return null;
  try {
    return readQuadrantThresholds({ ...strategy, gates: [gate] });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Per analysed sample: its Cells and Singlets gates where they differ from what the run suggested, and the axes on
 * which its own quadrant centre differs from the shared one.
 */
export function handEdits(document: GatingDocument, run: ApoptosisRun): HandEdits {
  const shared = quadrantCentre(document.template, document.template.gates.find((g) => g.id === QUADRANT_GATE_ID));
  const edits: HandEdits = {};
  for (const tube of run.analysis.tubes) {
    const sampleId = run.sampleIds[tube.name];
    const own = document.overrides[sampleId] ?? {};
    const cells = polygonVertices(own[CELLS_ID]) ?? tube.preGates.cells;
    const singlets = polygonVertices(own[SINGLETS_ID]) ?? tube.preGates.singlets;
    const moved = JSON.stringify([cells, singlets]) !== JSON.stringify([tube.preGates.cells, tube.preGates.singlets]);
    const centre = quadrantCentre(document.template, own[QUADRANT_GATE_ID]);
    const override: Partial<QuadrantThresholds> = {};
    if (centre && centre.annexin !== shared?.annexin) override.annexin = centre.annexin;
    if (centre && centre.pi !== shared?.pi) override.pi = centre.pi;
    const hasOverride = Object.keys(override).length > 0;
    if (moved || hasOverride) edits[sampleId] = { ...(moved && { preGates: { cells, singlets } }), ...(hasOverride && { thresholdOverride: override }) };
  }
  return edits;
}
