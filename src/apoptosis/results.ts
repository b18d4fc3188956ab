/**
 * One results row per sample: counts and % of singlets of each named population (field-anchors c6: the denominator
 * is stated, singlets), the thresholds the sample's strategy actually uses and whether they differ from the
 * experiment's shared ones, and the warnings about it. Built from what crosses the worker boundary (population
 * counts and the strategy), so the app and the CLI fill it the same way.
 */
import type { GatingStrategy } from '../gating/types.ts';
import { percentOf, type PopulationCounts } from '../gating/statistics.ts';
import { APOPTOSIS_POPULATIONS, CELLS_ID, SINGLETS_ID, type ApoptosisPopulationKey, type ApoptosisRole } from './populations.ts';
import { readQuadrantThresholds } from './strategy.ts';
import type { QuadrantThresholds } from './thresholds.ts';
import { formatCount, MIN_SAMPLE_SINGLETS, warning, type ApoptosisWarning } from './warnings.ts';

export interface ApoptosisResultRow {
  file: string;
  role: ApoptosisRole;
  /** All recorded events. */
  events: number;
  cells: number;
  singlets: number;
  counts: Record<ApoptosisPopulationKey, number>;
  /** Percent of singlets (0–100); NaN when there are no singlets. */
  percent: Record<ApoptosisPopulationKey, number>;
  /** Quadrant centre used for this sample, compensated data units. */
  thresholds: QuadrantThresholds;
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
  sharedThresholds: QuadrantThresholds;
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

export function apoptosisResultRow(input: ResultRowInput): ApoptosisResultRow {
  const byId = new Map(input.counts.map((c) => [c.id, c.count]));
  const countOf = (id: string) => {
    const count = byId.get(id);
    if (count === undefined) throw new RangeError(`${input.file}: population "${id}" is missing from the counts; was the apoptosis strategy applied?`);
    return count;
  };
  const singlets = countOf(SINGLETS_ID);
  const counts = ofPopulations((key) => countOf(APOPTOSIS_POPULATIONS[key].id));
  const percent = ofPopulations((key) => percentOf(counts[key], singlets));
  const thresholds = readQuadrantThresholds(input.strategy);
  const warnings = [...input.warnings];
  if (singlets === 0) {
    warnings.push(warning('FEW_EVENTS', input.file, 'No singlets: the percentages are undefined; check the Cells and Singlets gates.'));
  } else if (singlets < MIN_SAMPLE_SINGLETS) {
    warnings.push(warning('FEW_EVENTS', input.file, `Only ${formatCount(singlets)} singlets: each event is ${percentOf(1, singlets).toFixed(2)} points of every percentage (at least ${formatCount(MIN_SAMPLE_SINGLETS)} are advisable).`));
  }
  return {
    file: input.file,
    role: input.role,
    events: input.eventCount,
    cells: countOf(CELLS_ID),
    singlets,
    counts,
    percent,
    thresholds,
    thresholdsOverridden: thresholds.annexin !== input.sharedThresholds.annexin || thresholds.pi !== input.sharedThresholds.pi,
    compensation: input.compensation,
    warnings,
  };
}
