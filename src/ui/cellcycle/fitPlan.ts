/**
 * What a sample's cell-cycle fit depends on, from the gating the worker last confirmed for it: the request that
 * computes the fit, and a key that changes exactly when the fit can change (singlet gate lineage, channels, options,
 * the suggested band). Moving a phase range never changes the key: ranges are counted, not fitted.
 */
import { fileCompensationFor } from '../../analysis/axes.ts';
import { lineageKey } from '../../analysis/gatingDocument.ts';
import { cellCyclePopulations, PHASES_GATE_ID, SINGLETS_GATE_ID } from '../../cellcycle/cellCycleGates.ts';
import type { CellCycleModelOptions } from '../../cellcycle/types.ts';
import type { GatingStrategy } from '../../gating/types.ts';
import type { CellCycleChannels, CellCycleRun } from '../../state/cellCycleSlice.ts';
import type { CellCycleFitRequest, DnaChannelRefs, SampleId } from '../../../workers/api.ts';

const raw = (channel: string) => ({ channel, compensation: 'uncompensated' });

/**
 * The channels as the analysis reads them. DNA content and its pulse are read uncompensated, the raw values
 * `flowfate cellcycle` reads: one DNA dye needs no compensation, and a file's spillover matrix (usable, or singular as
 * on Beckman Gallios exports) then never changes or blocks the fit. Scatter is referenced as the Explore plots
 * reference it, so the cells gate shows and edits there too.
 */
export function dnaChannelRefs({ dna, pulse, scatter }: CellCycleChannels, spillover: { channels: readonly string[] } | null): DnaChannelRefs {
  const asExplore = (channel: string) => ({ channel, compensation: fileCompensationFor(channel, spillover) });
  return {
    dna: raw(dna),
    pulse: pulse && { ref: raw(pulse.channel), kind: pulse.kind },
    scatter: scatter && { fsc: asExplore(scatter.fsc), ssc: asExplore(scatter.ssc) },
  };
}

export interface FitPlan {
  key: string;
  request: CellCycleFitRequest;
}

/** The fit to ask for; null until the sample's gating holds the cell-cycle gates. */
export function planFit(sampleId: SampleId, datasetIndex: number, strategy: GatingStrategy, run: CellCycleRun, options: CellCycleModelOptions): FitPlan | null {
  if (!strategy.gates.some((gate) => gate.id === PHASES_GATE_ID)) return null;
  const channels = run.refs;
  const { cells } = cellCyclePopulations({ scatter: channels.scatter !== null, pulse: channels.pulse !== null });
  const gate = strategy.gates.find((g) => g.id === SINGLETS_GATE_ID);
  const band = run.bands[sampleId] ?? null;
  const singletGate =
    gate?.kind === 'polygon' && channels.pulse ? { population: SINGLETS_GATE_ID, shape: { kind: channels.pulse.kind, vertices: gate.vertices }, suggestion: band } : null;
  const key = JSON.stringify([datasetIndex, channels, options, band, lineageKey(strategy, singletGate?.population ?? cells)]);
  return { key, request: { sampleId, channels, options, cells, singletGate } };
}
