/**
 * The guided Annexin V/PI analysis of one experiment, end to end over open samples: automatic pre-gates per tube,
 * compensation (file, computed from the single stains, edited, none, or automatic), thresholds shared across the
 * experiment (typed by hand, else from the negative controls or the untreated tubes), the full strategy per tube
 * (with any hand-set quadrant centre) and one results row each. A tube that cannot be gated or compensated is set
 * aside with the reason; the others are analysed. The worker calls it over its SampleSessions; the CLI calls it over
 * sessions it opens itself.
 */
import type { SampleSession } from '../analysis/sampleSession.ts';
import type { ScatterChannels } from '../channels/scatter.ts';
import { unmixingMatrix } from '../compensation/compensate.ts';
import { CompensationError, type SpectrumMatrix } from '../compensation/types.ts';
import type { GatingStrategy } from '../gating/types.ts';
import {
  describeCompensation, describeFileCompensation, isCompensated, missingCompensationWarning, resolveCompensation, residualSpillWarning, spilloverFromControls,
  type CompensationChoice, type ControlsSpilloverResult, type FluorescenceChannels, type ResolvedCompensation,
} from './compensation.ts';
import { autoCompensation } from './autoCompensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { CONTROL_ROLE_NAMES, isControlRole, SINGLETS_ID, type ApoptosisRole, type ControlRole } from './populations.ts';
import { compensationProblem, isFailedTube, prepareTube, type FailedTube, type PreparedTube } from './preparedTubes.ts';
import { apoptosisResultRow, type ApoptosisResultRow, type ResultRowInput } from './results.ts';
import { measureSpill } from './spill.ts';
import { buildApoptosisStrategy, buildPreGateStrategy, effectiveThresholds, quadrantParentId, type PreGateVertices } from './strategy.ts';
import { describeThreshold, placeThresholds, type Axis, type AxisThreshold, type QuadrantThresholds, type ThresholdPlacement, type ThresholdRule } from './thresholds.ts';
import { warning, type ApoptosisWarning } from './warnings.ts';

export interface ApoptosisTube {
  /** File name; unique within the experiment. */
  name: string;
  role: ApoptosisRole;
  session: SampleSession;
  /** Hand-edited pre-gates replacing the automatic ones. */
  preGates?: PreGateVertices;
  /** Hand-set quadrant centre for this tube (either axis); the results row flags it. */
  thresholdOverride?: Partial<QuadrantThresholds>;
}

export interface ApoptosisOptions {
  fluorescence: FluorescenceChannels;
  scatter: ScatterChannels;
  compensation: CompensationChoice;
  /** 50 ≤ percentile < 100. */
  percentile: number;
  thresholdRule: ThresholdRule;
  /** Experiment-wide thresholds typed by hand, per axis (compensated data units), instead of the data-derived ones. */
  manualThresholds?: Partial<QuadrantThresholds>;
}

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

/** The analysis cannot produce numbers: a threshold has no source, or no tube can be analysed. */
export class ApoptosisAnalysisError extends Error {
  override name = 'ApoptosisAnalysisError';
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

export function analyseApoptosisExperiment(tubes: readonly ApoptosisTube[], options: ApoptosisOptions): ApoptosisAnalysis {
  const names = new Set<string>();
  for (const tube of tubes) {
    if (names.has(tube.name)) throw new ApoptosisAnalysisError(`Two tubes are named "${tube.name}"; names must be unique.`);
    names.add(tube.name);
  }
  const failed: FailedTube[] = [];
  let usable: PreparedTube[] = [];
  for (const tube of tubes) {
    const prepared = prepareTube(tube, options.scatter);
    if (isFailedTube(prepared)) failed.push(prepared);
    else usable.push(prepared);
  }
  const { fluorescence } = options;
  const gate = (prepared: PreparedTube, compensation: ResolvedCompensation): GatedControl => {
    const strategy = buildPreGateStrategy({ scatter: options.scatter, fluorescence, compensation, preGates: prepared.preGates.vertices });
    prepared.tube.session.applyStrategy(strategy);
    const parent = quadrantParentId(strategy);
    return { name: prepared.tube.name, session: prepared.tube.session, events: prepared.tube.session.evaluator.indices(parent), population: parent === SINGLETS_ID ? 'singlets' : 'cells' };
  };
  const uncompensated = resolveCompensation({ kind: 'none' }, null);
  const rawControl = (role: ControlRole) => {
    const prepared = controlsByRole(usable)[role];
    return prepared ? gate(prepared, uncompensated) : null;
  };
  const rawAnnexinOnly = rawControl('annexinOnly');
  const rawPiOnly = rawControl('piOnly');
  const choice = options.compensation.kind === 'auto' ? autoCompensation(usable.map((p) => p.tube.session.dataset), fluorescence, rawAnnexinOnly, rawPiOnly) : options.compensation;
  const computedSpillover = choice.kind === 'controls' ? spilloverFromControls(rawAnnexinOnly, rawPiOnly, fluorescence) : null;
  if (computedSpillover && !computedSpillover.ok) {
    throw new ApoptosisAnalysisError(`Compensation cannot be computed from the single-stain controls: ${computedSpillover.warnings.map((w) => w.message).join(' ')}`);
  }
  const rawAnnexinSpill = computedSpillover?.ok ? computedSpillover.annexinIntoPi : rawAnnexinOnly && measureSpill(rawAnnexinOnly, fluorescence.annexin, fluorescence.pi, 'uncompensated');
  const resolved = resolveCompensation(choice, computedSpillover?.ok ? computedSpillover.matrix : null);
  if (resolved.matrix && !invertible(resolved.matrix.matrix)) {
    throw new ApoptosisAnalysisError(`The compensation matrix (${resolved.description}) cannot be inverted: the two dyes' spills are too alike. Check the matrix, or use each file's own.`);
  }

  usable = usable.filter((prepared) => {
    const problem = compensationProblem(prepared.tube, resolved, fluorescence);
    if (problem) failed.push({ name: prepared.tube.name, role: prepared.tube.role, message: problem });
    return problem === null;
  });
  if (usable.length === 0) throw new ApoptosisAnalysisError(`No tube can be analysed: ${failed.map((f) => f.message).join(' ')}`);
  const compensation = { ...resolved, description: describeCompensation(resolved, usable.map((p) => p.tube.session.dataset), fluorescence, options.compensation.kind === 'auto') };

  const controls: Partial<Record<ControlRole, GatedControl>> = {};
  for (const [role, prepared] of Object.entries(controlsByRole(usable)) as [ControlRole, PreparedTube][]) controls[role] = gate(prepared, compensation);
  const untreated = usable.filter((p) => p.tube.role === 'untreated').map((p) => gate(p, compensation));
  const placement = placeThresholds({ controls, untreated }, fluorescence, compensation.ref, options.percentile, options.thresholdRule, options.manualThresholds);
  const thresholdSources = placedOrThrow(placement);
  const shared = { annexin: thresholdSources.annexin.value, pi: thresholdSources.pi.value };
  const origin = thresholdOrigin({ sharedThresholds: shared, thresholdSources });
  const warnings = [...(computedSpillover?.warnings ?? []), ...placement.warnings, ...residualWarnings(controls, compensation, fluorescence)];

  const analysed = usable.map(({ tube, preGates }): AnalysedTube => {
    const strategy = buildApoptosisStrategy({ scatter: options.scatter, fluorescence, compensation, preGates: preGates.vertices }, effectiveThresholds(shared, tube.thresholdOverride ?? null));
    const counts = tube.session.applyStrategy(strategy);
    const fileWarnings = [...preGates.warnings, ...warnings.filter((w) => w.file === tube.name)];
    const compensated = isCompensated(compensation, tube.session.dataset, fluorescence);
    if (!compensated) {
      const missing = missingCompensationWarning(tube.name, rawAnnexinSpill, fluorescence, tube.session.dataset.keywords.$CYT);
      if (missing) fileWarnings.push(missing);
    }
    const row = apoptosisResultRow({
      file: tube.name, role: tube.role, eventCount: tube.session.dataset.eventCount, strategy, counts,
      thresholdOrigin: origin, sharedThresholds: shared,
      compensation: describeFileCompensation(resolved, tube.session.dataset, fluorescence, options.compensation.kind === 'auto'),
      warnings: fileWarnings,
    });
    return { name: tube.name, role: tube.role, preGates: preGates.vertices, strategy, row, warnings: fileWarnings };
  });
  const noSinglets = options.scatter.singletPulse === null
    ? [warning('NO_SINGLET_GATE', null, 'The files have no pulse pair for a singlet gate (a scatter area with its height or width, such as FSC-A with FSC-H), so doublets cannot be excluded: percentages are of cells, not singlets.')]
    : [];
  return {
    compensation, computedSpillover, thresholdSources, sharedThresholds: shared, tubes: analysed, failed,
    warnings: [...noSinglets, ...warnings.filter((w) => w.file === null)],
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

/** The thresholds as an analysis set them and where they came from: what result rows compare their thresholds with. */
export function thresholdOrigin(analysis: Pick<ApoptosisAnalysis, 'sharedThresholds' | 'thresholdSources'>): ResultRowInput['thresholdOrigin'] {
  const { thresholdSources } = analysis;
  return { thresholds: analysis.sharedThresholds, sources: { annexin: describeThreshold(thresholdSources.annexin), pi: describeThreshold(thresholdSources.pi) } };
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

function placedOrThrow({ annexin, pi, warnings }: ThresholdPlacement): Record<Axis, AxisThreshold> {
  if (annexin && pi) return { annexin, pi };
  throw new ApoptosisAnalysisError(`The quadrant cannot be placed: ${warnings.filter((w) => w.code === 'THRESHOLD_UNSET').map((w) => w.message).join(' ')}`);
}
