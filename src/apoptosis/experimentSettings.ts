/**
 * Step 1 of an analysis: what the whole experiment shares, from the tubes that set it (the controls and the
 * untreated tubes) and the files' metadata: the compensation, the quadrant thresholds and where they came from, and
 * the warnings about the controls. The result is plain data, so the tubes of step 2 (experiment.ts analyseTube)
 * need not live where the setting tubes do.
 */
import { unmixingMatrix } from '../compensation/compensate.ts';
import { CompensationError, type SpectrumMatrix } from '../compensation/types.ts';
import type { FcsDataset } from '../fcs/types.ts';
import { ApoptosisAnalysisError, type ApoptosisOptions } from './analysisInput.ts';
import { autoCompensation } from './autoCompensation.ts';
import { controlRoleWarnings, viabilityDyeWarnings } from './controlChecks.ts';
import {
  describeCompensation, isCompensated, resolveCompensation, residualSpillWarning, spilloverFromControls, type ControlsSpilloverResult,
  type FluorescenceChannels, type ResolvedCompensation,
} from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { type ApoptosisRole, CONTROL_ROLE_NAMES, isControlRole, SINGLETS_ID, type ControlRole } from './populations.ts';
import { compensationProblem, withSetAsideTubes, type FailedTube, type PreparedTube } from './preparedTubes.ts';
import { measureSpill, type SpillMeasurement } from './spill.ts';
import { buildPreGateStrategy, quadrantParentId } from './strategy.ts';
import { placeThresholds, type Axis, type AxisThreshold, type QuadrantThresholds, type ThresholdPlacement } from './thresholds.ts';
import { mergeWarnings, warning, type ApoptosisWarning } from './warnings.ts';

export interface ApoptosisSettings {
  compensation: ResolvedCompensation;
  /** The compensation was chosen by the 'auto' rule. */
  automatic: boolean;
  /** The compensation of the experiment's files as it is, in words (describeCompensation). */
  compensationSummary: string;
  /** The single-stain spillover measurement, when compensation was computed from the controls. */
  computedSpillover: ControlsSpilloverResult | null;
  /** FITC's raw spill into the PI detector on the Annexin V-only control, for the warning on uncompensated files. */
  rawAnnexinSpill: SpillMeasurement | null;
  /** Where each axis's shared threshold came from. */
  thresholdSources: Record<Axis, AxisThreshold>;
  /** The quadrant centre every tube uses unless it has its own. */
  sharedThresholds: QuadrantThresholds;
  /** About the experiment (file null) and about the setting tubes (their file). */
  warnings: ApoptosisWarning[];
  /** Setting tubes that could not be used, with why. */
  failed: FailedTube[];
}

/** Does a tube of this role help set the experiment's compensation or thresholds? */
export function isSettingRole(role: ApoptosisRole): boolean {
  return isControlRole(role) || role === 'untreated';
}

export function isSettingTube(prepared: PreparedTube): boolean {
  return isSettingRole(prepared.tube.role);
}

function controlsByRole(tubes: readonly PreparedTube[]): Partial<Record<ControlRole, PreparedTube>> {
  const controls: Partial<Record<ControlRole, PreparedTube>> = {};
  for (const prepared of tubes) {
    const { role, name } = prepared.tube;
    if (!isControlRole(role)) continue;
    const other = controls[role];
    if (other) throw new ApoptosisAnalysisError(`Two tubes are marked as the ${CONTROL_ROLE_NAMES[role]}: "${other.tube.name}" and "${name}"; keep one.`);
    controls[role] = prepared;
  }
  return controls;
}

/** The tube's events after its pre-gates (singlets, or cells without a singlet gate), values compensated as given. */
function gate(prepared: PreparedTube, options: ApoptosisOptions, compensation: ResolvedCompensation): GatedControl {
  const strategy = buildPreGateStrategy({ scatter: options.scatter, fluorescence: options.fluorescence, compensation, preGates: prepared.preGates.vertices });
  const { session, name } = prepared.tube;
  session.applyStrategy(strategy);
  const parent = quadrantParentId(strategy);
  return { name, session, events: session.evaluator.indices(parent), population: parent === SINGLETS_ID ? 'singlets' : 'cells' };
}

/**
 * Compensation, thresholds and warnings from the setting tubes (controls and untreated tubes, pre-gates prepared);
 * `datasets` are every tube's files, whose matrices the automatic compensation and its description look at. Throws
 * ApoptosisAnalysisError when no quadrant can be placed or a requested compensation cannot be computed.
 */
export function experimentSettings(settingTubes: readonly PreparedTube[], datasets: readonly Pick<FcsDataset, 'spillover'>[], options: ApoptosisOptions): ApoptosisSettings {
  const { fluorescence } = options;
  const raw = controlsByRole(settingTubes);
  const uncompensated = resolveCompensation({ kind: 'none' }, null);
  const rawAnnexinOnly = raw.annexinOnly ? gate(raw.annexinOnly, options, uncompensated) : null;
  const rawPiOnly = raw.piOnly ? gate(raw.piOnly, options, uncompensated) : null;
  const automatic = options.compensation.kind === 'auto';
  const choice = options.compensation.kind === 'auto' ? autoCompensation(datasets, fluorescence, rawAnnexinOnly, rawPiOnly) : options.compensation;
  const computedSpillover = choice.kind === 'controls' ? spilloverFromControls(rawAnnexinOnly, rawPiOnly, fluorescence) : null;
  if (computedSpillover && !computedSpillover.ok) {
    throw new ApoptosisAnalysisError(`Compensation cannot be computed from the single-stain controls: ${computedSpillover.warnings.map((w) => w.message).join(' ')}`);
  }
  const resolved = resolveCompensation(choice, computedSpillover?.ok ? computedSpillover.matrix : null);
  if (resolved.matrix && !invertible(resolved.matrix.matrix)) {
    throw new ApoptosisAnalysisError(`The compensation matrix (${resolved.description}) cannot be inverted: the two dyes' spills are too alike. Check the matrix, or use each file's own.`);
  }
  const compensation = resolved;

  const failed: FailedTube[] = [];
  const usable = settingTubes.filter((prepared) => {
    const problem = compensationProblem(prepared.tube, compensation, fluorescence);
    if (problem) failed.push({ name: prepared.tube.name, role: prepared.tube.role, message: problem });
    return problem === null;
  });
  const controls: Partial<Record<ControlRole, GatedControl>> = {};
  for (const [role, prepared] of Object.entries(controlsByRole(usable)) as [ControlRole, PreparedTube][]) controls[role] = gate(prepared, options, compensation);
  const untreated = usable.filter((p) => p.tube.role === 'untreated').map((p) => gate(p, options, compensation));
  const placement = placeThresholds({ controls, untreated }, fluorescence, compensation.ref, options.percentile, options.thresholdRule, options.manualThresholds);
  const thresholdSources = placedOrThrow(placement, failed);
  const noSinglets = options.scatter.singletPulse === null
    ? [warning('NO_SINGLET_GATE', null, 'The files have no pulse pair for a singlet gate (a scatter area with its height or width, such as FSC-A with FSC-H), so doublets cannot be excluded: percentages are of cells, not singlets.')]
    : [];
  return {
    compensation,
    automatic,
    compensationSummary: describeCompensation(resolved, datasets, fluorescence, automatic),
    computedSpillover,
    rawAnnexinSpill: computedSpillover?.ok ? computedSpillover.annexinIntoPi : rawAnnexinOnly && measureSpill(rawAnnexinOnly, fluorescence.annexin, fluorescence.pi, 'uncompensated'),
    thresholdSources,
    sharedThresholds: { annexin: thresholdSources.annexin.value, pi: thresholdSources.pi.value },
    warnings: mergeWarnings([
      ...noSinglets, ...controlRoleWarnings(controls, fluorescence, compensation.ref), ...viabilityDyeWarnings(untreated, controls, fluorescence, compensation.ref, options.percentile),
      ...(computedSpillover?.warnings ?? []), ...placement.warnings, ...residualWarnings(controls, compensation, fluorescence),
    ]),
    failed,
  };
}

/** What compensation leaves of each dye in the other channel of its single-stain control, where it is compensated. */
function residualWarnings(controls: Partial<Record<ControlRole, GatedControl>>, compensation: ResolvedCompensation, channels: FluorescenceChannels): ApoptosisWarning[] {
  const checks = [
    { control: controls.annexinOnly, primary: channels.annexin, secondary: channels.pi, dye: 'Annexin V' },
    { control: controls.piOnly, primary: channels.pi, secondary: channels.annexin, dye: 'PI' },
  ];
  return checks.flatMap(({ control, primary, secondary, dye }) => {
    if (!control || !isCompensated(compensation, control.session.dataset, channels)) return [];
    const residual = residualSpillWarning(control, primary, secondary, compensation.ref, dye);
    return residual ? [residual] : [];
  });
}

function invertible(matrix: SpectrumMatrix): boolean {
  try {
    unmixingMatrix(matrix);
    return true;
  } catch (error) {
    if (error instanceof CompensationError) return false;
    throw error;
  }
}

function placedOrThrow({ annexin, pi, warnings }: ThresholdPlacement, setAside: readonly FailedTube[]): Record<Axis, AxisThreshold> {
  if (annexin && pi) return { annexin, pi };
  const why = `The quadrant cannot be placed: ${warnings.filter((w) => w.code === 'THRESHOLD_UNSET').map((w) => w.message).join(' ')}`;
  throw new ApoptosisAnalysisError(withSetAsideTubes(why, setAside));
}
