/**
 * The cell-cycle analysis as gates of the experiment: an optional FSC/SSC cells gate, the singlet band as a polygon on
 * DNA area vs pulse width (or height), and sub-G1 | G0/G1 | S | G2/M as one multi-range gate (contiguous ranges
 * sharing their boundaries) below it, so that the counts, the plots, undo and the editors treat them like any gate a
 * user drew. Data units throughout, so that the gates count exactly the events the fit saw.
 */
import type { CompensationRef } from '../compensation/types.ts';
import type { Dimension, Gate, GateId, GatingStrategy, PolygonGate, PopulationId, QuadrantGate } from '../gating/types.ts';
import type { PhaseRanges } from './phaseRanges.ts';
import type { SingletGateSuggestion } from './singletGate.ts';

/** Ids apart from the apoptosis tree's ('cells', 'singlets', quadrants…), so both trees live in one experiment. */
export const CELLS_GATE_ID = 'dna-cells';
export const SINGLETS_GATE_ID = 'dna-singlets';
export const PHASES_GATE_ID = 'dna-phases';

export type Phase = keyof PhaseRanges;
/** Along the DNA axis. */
export const PHASE_ORDER: readonly Phase[] = ['subG1', 'g0g1', 's', 'g2m'];
export const PHASE_POPULATIONS: Readonly<Record<Phase, string>> = { subG1: 'sub-g1', g0g1: 'g0-g1', s: 's-phase', g2m: 'g2-m' };
export const PHASE_NAMES: Readonly<Record<Phase, string>> = { subG1: 'Sub-G1', g0g1: 'G0/G1', s: 'S', g2m: 'G2/M' };

export interface ChannelInUse {
  /** $PnN. */
  channel: string;
  compensation: CompensationRef;
}

export interface DnaGateChannels {
  dna: ChannelInUse;
  /** Pulse width or height of the singlet gate; null when the files have none (every event is fitted). */
  pulse: ChannelInUse | null;
  /** FSC-A and SSC-A of the optional cells gate; null gates singlets from all events, as the CLI does. */
  scatter: { fsc: ChannelInUse; ssc: ChannelInUse } | null;
}

/** The tree's populations: the cells the singlet gate starts from, and the singlets the phase ranges divide (null: every event). */
export function cellCyclePopulations(gates: { scatter: boolean; pulse: boolean }): { cells: PopulationId | null; singlets: PopulationId | null } {
  const cells = gates.scatter ? CELLS_GATE_ID : null;
  return { cells, singlets: gates.pulse ? SINGLETS_GATE_ID : cells };
}

function dimension({ channel, compensation }: ChannelInUse): Dimension {
  return { source: { kind: 'channel', name: channel }, compensation, transform: null };
}

function polygonGate(id: string, name: string, parentId: PopulationId | null, x: ChannelInUse, y: ChannelInUse, vertices: readonly (readonly [number, number])[]): PolygonGate {
  return { kind: 'polygon', id, name, parentId, dimensions: [dimension(x), dimension(y)], vertices: vertices.map(([vx, vy]): [number, number] => [vx, vy]) };
}

/** A value just above `x`: an empty range (S between overlapping peaks) still needs strictly ascending boundaries. */
const justAbove = (x: number) => x + Math.max(Math.abs(x), 1) * 1e-9;

/** Sub-G1 | G0/G1 | S | G2/M as one divider with five boundaries on the DNA axis, below `parentId`. */
export function phaseRangesGate(ranges: PhaseRanges, dna: ChannelInUse, parentId: string | null): QuadrantGate {
  const boundaries = [ranges.subG1.min, ...PHASE_ORDER.map((phase) => ranges[phase].max)];
  for (let k = 1; k < boundaries.length; k++) if (!(boundaries[k] > boundaries[k - 1])) boundaries[k] = justAbove(boundaries[k - 1]);
  const dividerId = `${PHASES_GATE_ID}-boundaries`;
  return {
    kind: 'quadrant',
    id: PHASES_GATE_ID,
    name: 'Cell cycle phases',
    parentId,
    dividers: [{ id: dividerId, dimension: dimension(dna), values: boundaries }],
    quadrants: PHASE_ORDER.map((phase, k) => ({ id: PHASE_POPULATIONS[phase], name: PHASE_NAMES[phase], positions: [{ dividerId, interval: k + 1 }] })),
  };
}

/** One sample's suggested gates: its cells gate and singlet band (null when not used) and its phase ranges. */
export interface SuggestedSampleGates {
  sampleId: string;
  cells: readonly (readonly [number, number])[] | null;
  band: SingletGateSuggestion | null;
  ranges: PhaseRanges;
}

export interface CellCycleGateTree {
  tree: Pick<GatingStrategy, 'gates' | 'transforms' | 'compensations'>;
  /** Sample id → its own versions of the gates, where they differ from the template. */
  perSample: Record<string, Record<GateId, Gate>>;
}

function sampleGates(sample: SuggestedSampleGates, channels: DnaGateChannels): Gate[] {
  const { scatter, pulse } = channels;
  const cells = scatter && sample.cells ? polygonGate(CELLS_GATE_ID, 'DNA cells', null, scatter.fsc, scatter.ssc, sample.cells) : null;
  const singlets = pulse && sample.band ? polygonGate(SINGLETS_GATE_ID, 'DNA singlets', cells?.id ?? null, channels.dna, pulse, sample.band.vertices) : null;
  const phases = phaseRangesGate(sample.ranges, channels.dna, singlets?.id ?? cells?.id ?? null);
  return [cells, singlets, phases].filter((gate) => gate !== null);
}

/**
 * The cell-cycle tree for setAssayGates: the first sample's gates are the template (list a good control first), and
 * every other sample keeps its own suggested band and ranges as tailored gates where they differ.
 */
export function cellCycleGateTree(samples: readonly SuggestedSampleGates[], channels: DnaGateChannels): CellCycleGateTree {
  if (samples.length === 0) throw new RangeError('cellCycleGateTree: no analysed sample to take the gates from');
  const template = sampleGates(samples[0], channels);
  const templateJson = new Map(template.map((gate) => [gate.id, JSON.stringify(gate)]));
  const perSample: Record<string, Record<GateId, Gate>> = {};
  for (const sample of samples.slice(1)) {
    const own = sampleGates(sample, channels).filter((gate) => JSON.stringify(gate) !== templateJson.get(gate.id));
    if (own.length > 0) perSample[sample.sampleId] = Object.fromEntries(own.map((gate) => [gate.id, gate]));
  }
  return { tree: { gates: template, transforms: {}, compensations: {} }, perSample };
}
