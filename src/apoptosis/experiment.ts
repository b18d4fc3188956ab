/**
 * The guided Annexin V/PI analysis of one experiment, end to end over open samples: automatic pre-gates per tube,
 * then what the experiment shares (experimentSettings.ts: compensation, thresholds typed by hand or from the
 * controls and untreated tubes), then each tube on its own (analyseTube: its strategy with any hand-set quadrant
 * centre, its counts and results row). A tube that cannot be gated or compensated is set aside with the reason; the
 * others are analysed. The worker calls it over its SampleSessions; the CLI calls it over sessions it opens itself.
 */
import type { GatingStrategy } from '../gating/types.ts';
import { ApoptosisAnalysisError, type ApoptosisOptions, type ApoptosisTube } from './analysisInput.ts';
import { describeFileCompensation, isCompensated, missingCompensationWarning, type ControlsSpilloverResult, type ResolvedCompensation } from './compensation.ts';
import { experimentSettings, isSettingRole, isSettingTube, type ApoptosisSettings } from './experimentSettings.ts';
import type { ApoptosisRole } from './populations.ts';
import { compensationProblem, isFailedTube, prepareTube, withSetAsideTubes, type FailedTube, type PreparedTube } from './preparedTubes.ts';
import { apoptosisResultRow, type ApoptosisResultRow, type ResultRowInput } from './results.ts';
import { buildApoptosisStrategy, effectiveThresholds, type PreGateVertices } from './strategy.ts';
import { describeThreshold, type Axis, type AxisThreshold, type QuadrantThresholds } from './thresholds.ts';
import type { ApoptosisWarning } from './warnings.ts';

export { ApoptosisAnalysisError, type ApoptosisOptions, type ApoptosisTube } from './analysisInput.ts';
export { withSetAsideTubes } from './preparedTubes.ts';

export interface AnalysedTube {
  name: string;
  role: ApoptosisRole;
  preGates: PreGateVertices;
  strategy: GatingStrategy;
  row: ApoptosisResultRow;
  /** This file's warnings from the analysis (pre-gates, compensation, its role as a control): pass them to apoptosisResultRow when rebuilding the row after an edit, which adds the count-based ones itself. */
  warnings: ApoptosisWarning[];
}

export interface ApoptosisAnalysis {
  compensation: ResolvedCompensation;
  /** The single-stain spillover measurement, when compensation was computed from the controls. */
  computedSpillover: ControlsSpilloverResult | null;
  /** Where each axis's shared threshold came from. */
  thresholdSources: Record<Axis, AxisThreshold>;
  /** The quadrant centre every tube uses unless it has its own. */
  sharedThresholds: QuadrantThresholds;
  /** Every analysed tube, controls included, in input order; warnings about one file are in its row. */
  tubes: AnalysedTube[];
  /** Tubes that could not be analysed, with why; the others were analysed without them. */
  failed: FailedTube[];
  /** About the experiment as a whole (missing controls...). */
  warnings: ApoptosisWarning[];
}

/** The thresholds as an analysis set them and where they came from: what result rows compare their thresholds with. */
export function thresholdOrigin(analysis: Pick<ApoptosisAnalysis, 'sharedThresholds' | 'thresholdSources'>): ResultRowInput['thresholdOrigin'] {
  const { thresholdSources } = analysis;
  return { thresholds: analysis.sharedThresholds, sources: { annexin: describeThreshold(thresholdSources.annexin), pi: describeThreshold(thresholdSources.pi) } };
}

/** Step 2: one tube's strategy, counts and results row under the experiment's settings, or why it cannot be analysed. */
export function analyseTube({ tube, preGates }: PreparedTube, settings: ApoptosisSettings, options: ApoptosisOptions): AnalysedTube | FailedTube {
  const { fluorescence } = options;
  const { compensation } = settings;
  const problem = compensationProblem(tube, compensation, fluorescence);
  if (problem) return { name: tube.name, role: tube.role, message: problem };
  const plan = { scatter: options.scatter, fluorescence, compensation, preGates: preGates.vertices };
  const strategy = buildApoptosisStrategy(plan, effectiveThresholds(settings.sharedThresholds, tube.thresholdOverride ?? null));
  const counts = tube.session.applyStrategy(strategy);
  const warnings = [...preGates.warnings, ...settings.warnings.filter((w) => w.file === tube.name)];
  if (!isCompensated(compensation, tube.session.dataset, fluorescence)) {
    const missing = missingCompensationWarning(tube.name, settings.rawAnnexinSpill, fluorescence, tube.session.dataset.keywords.$CYT);
    if (missing) warnings.push(missing);
  }
  const row = apoptosisResultRow({
    file: tube.name, role: tube.role, eventCount: tube.session.dataset.eventCount, strategy, counts,
    thresholdOrigin: thresholdOrigin(settings), sharedThresholds: settings.sharedThresholds,
    compensation: describeFileCompensation(compensation, tube.session.dataset, fluorescence, settings.automatic),
    warnings,
  });
  return { name: tube.name, role: tube.role, preGates: preGates.vertices, strategy, row, warnings };
}

/** Throws ApoptosisAnalysisError when two tubes share a name (rows and warnings name tubes by it). */
export function checkTubeNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new ApoptosisAnalysisError(`Two tubes are named "${name}"; names must be unique.`);
    seen.add(name);
  }
}

export function analyseApoptosisExperiment(tubes: readonly ApoptosisTube[], options: ApoptosisOptions): ApoptosisAnalysis {
  checkTubeNames(tubes.map((t) => t.name));
  const failed: FailedTube[] = [];
  const prepared: PreparedTube[] = [];
  for (const tube of tubes) {
    const result = prepareTube(tube, options.scatter);
    if (isFailedTube(result)) failed.push(result);
    else prepared.push(result);
  }
  let settings: ApoptosisSettings;
  try {
    settings = experimentSettings(prepared.filter(isSettingTube), prepared.map((p) => p.tube.session.dataset), options);
  } catch (error) {
    if (!(error instanceof ApoptosisAnalysisError)) throw error;
    throw new ApoptosisAnalysisError(withSetAsideTubes(error.message, failed.filter((f) => isSettingRole(f.role))));
  }
  return assembleAnalysis(settings, failed, prepared.map((tube) => analyseTube(tube, settings, options)));
}

/**
 * The experiment's analysis from its settings, the tubes that could not be prepared (in tube order) and each prepared
 * tube's outcome (in tube order): what analyseApoptosisExperiment returns, also when the steps ran apart (the app's
 * workers run step 2 where each tube lives). Throws ApoptosisAnalysisError when no tube could be analysed.
 */
export function assembleAnalysis(settings: ApoptosisSettings, unprepared: readonly FailedTube[], outcomes: readonly (AnalysedTube | FailedTube)[]): ApoptosisAnalysis {
  const failed = [...unprepared];
  const analysed: AnalysedTube[] = [];
  for (const outcome of outcomes) {
    if (isFailedTube(outcome)) failed.push(outcome);
    else analysed.push(outcome);
  }
  if (analysed.length === 0) throw new ApoptosisAnalysisError(`No tube can be analysed: ${failed.map((f) => f.message).join(' ')}`);
  const { computedSpillover, thresholdSources, sharedThresholds } = settings;
  return {
    compensation: { ...settings.compensation, description: settings.compensationSummary }, computedSpillover, thresholdSources, sharedThresholds,
    tubes: analysed, failed, warnings: settings.warnings.filter((w) => w.file === null),
  };
}
