/**
 * One results row per sample: counts and % of singlets (of cells on files without a pulse pair) of each named
 * population (field-anchors c6: the denominator is stated), the thresholds the sample's strategy actually uses and whether they differ from the
 * experiment's shared ones, and the warnings about it. Built from what crosses the worker boundary (population
 * counts and the strategy), so the app and the CLI fill it the same way.
 */
import type { GatingStrategy } from '../gating/types.ts';
import { percentOf, type PopulationCounts } from '../gating/statistics.ts';
import { APOPTOSIS_POPULATIONS, CELLS_ID, SINGLETS_ID, type ApoptosisPopulationKey, type ApoptosisRole } from './populations.ts';
import { quadrantParentId, readQuadrantThresholds } from './strategy.ts';
import type { Axis, QuadrantThresholds } from './thresholds.ts';
import { formatCount, MIN_SAMPLE_SINGLETS, warning, type ApoptosisWarning } from './warnings.ts';

export interface ApoptosisResultRow {
  file: string;
  role: ApoptosisRole;
  /** All recorded events. */
  events: number;
  cells: number;
  /** Null when the file has no pulse pair, so no singlet gate. */
  singlets: number | null;
  /** The population the percentages are of. */
  percentOf: 'singlets' | 'cells';
  counts: Record<ApoptosisPopulationKey, number>;
  /** Percent of `percentOf` (0–100); NaN when it is empty. */
  percent: Record<ApoptosisPopulationKey, number>;
  /** Quadrant centre used for this sample, compensated data units. */
  thresholds: QuadrantThresholds;
  /** Where each of them came from, in words ("99th percentile of the PI-only control …", "typed by hand"…). */
  thresholdSources: Record<Axis, string>;
  /** True when this sample's quadrant centre was moved away from the experiment's shared thresholds. */
  thresholdsOverridden: boolean;
  /** How the fluorescence was compensated, in words. */
  compensation: string;
  warnings: ApoptosisWarning[];
}

export interface ResultRowInput {
  file: string;
  role: ApoptosisRole;
  eventCount: number;
  strategy: GatingStrategy;
  /** What SampleSession.applyStrategy(strategy) returned. */
  counts: readonly PopulationCounts[];
  /** The quadrant centre every sample uses now (moved by hand or not). */
  sharedThresholds: QuadrantThresholds;
  /** The thresholds as the analysis set them, and where they came from. */
  thresholdOrigin: { thresholds: QuadrantThresholds; sources: Record<Axis, string> };
  compensation: string;
  /** Warnings already known about this file (compensation, pre-gates). */
  warnings: readonly ApoptosisWarning[];
}

function ofPopulations(value: (key: ApoptosisPopulationKey) => number): Record<ApoptosisPopulationKey, number> {
  return {
    viable: value('viable'),
    earlyApoptotic: value('earlyApoptotic'),
    lateApoptotic: value('lateApoptotic'),
    necrotic: value('necrotic'),
    totalApoptotic: value('totalApoptotic'),
  };
}

/** The analysis's source while the threshold is where it put it; else moved by hand, for every sample or for this one. */
function sourceOf(axis: Axis, thresholds: QuadrantThresholds, input: ResultRowInput): string {
  if (thresholds[axis] === input.thresholdOrigin.thresholds[axis]) return input.thresholdOrigin.sources[axis];
  return thresholds[axis] === input.sharedThresholds[axis] ? 'moved by hand for every sample' : 'moved by hand for this sample';
}

export function apoptosisResultRow(input: ResultRowInput): ApoptosisResultRow {
  const byId = new Map(input.counts.map((c) => [c.id, c.count]));
  const countOf = (id: string) => {
    const count = byId.get(id);
    if (count === undefined) throw new RangeError(`${input.file}: population "${id}" is missing from the counts; was the apoptosis strategy applied?`);
    return count;
  };
  const parentId = quadrantParentId(input.strategy);
  const of = parentId === SINGLETS_ID ? 'singlets' : 'cells';
  const parent = countOf(parentId);
  const counts = ofPopulations((key) => countOf(APOPTOSIS_POPULATIONS[key].id));
  const percent = ofPopulations((key) => percentOf(counts[key], parent));
  const thresholds = readQuadrantThresholds(input.strategy);
  const warnings = [...input.warnings];
  if (parent === 0) {
    warnings.push(warning('FEW_EVENTS', input.file, `No ${of}: the percentages are undefined; check the Cells${of === 'singlets' ? ' and Singlets gates' : ' gate'}.`));
  } else if (parent < MIN_SAMPLE_SINGLETS) {
    warnings.push(warning('FEW_EVENTS', input.file, `Only ${formatCount(parent)} ${of}: each event is ${percentOf(1, parent).toFixed(2)} points of every percentage (at least ${formatCount(MIN_SAMPLE_SINGLETS)} are advisable).`));
  }
  return {
    file: input.file,
    role: input.role,
    events: input.eventCount,
    cells: countOf(CELLS_ID),
    singlets: of === 'singlets' ? parent : null,
    percentOf: of,
    counts,
    percent,
    thresholds,
    thresholdSources: { annexin: sourceOf('annexin', thresholds, input), pi: sourceOf('pi', thresholds, input) },
    thresholdsOverridden: thresholds.annexin !== input.sharedThresholds.annexin || thresholds.pi !== input.sharedThresholds.pi,
    compensation: input.compensation,
    warnings,
  };
}
