/**
 * The guided Annexin V/PI analysis of one experiment, end to end over open samples: automatic pre-gates per tube,
 * compensation (file, computed from the single stains, edited or none), thresholds shared across the experiment from
 * the negative controls, the full strategy per tube (with any hand-set quadrant centre) and one results row each.
 * The worker calls it over its SampleSessions; the CLI calls it over sessions it opens itself.
 */
import type { SampleSession } from '../analysis/sampleSession.ts';
import type { GatingStrategy } from '../gating/types.ts';
import type { ScatterChannels } from './channels.ts';
import {
  isCompensated, missingCompensationWarning, resolveCompensation, residualSpillWarning, spilloverFromControls,
  type CompensationChoice, type ControlsSpilloverResult, type FluorescenceChannels, type ResolvedCompensation,
} from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { CONTROL_ROLE_NAMES, isControlRole, SINGLETS_ID, type ApoptosisRole, type ControlRole } from './populations.ts';
import { suggestPreGates } from './preGates.ts';
import { apoptosisResultRow, type ApoptosisResultRow } from './results.ts';
import { measureSpill } from './spill.ts';
import { buildApoptosisStrategy, buildPreGateStrategy, effectiveThresholds, type ApoptosisGatingPlan, type PreGateVertices } from './strategy.ts';
import { controlThresholds, type ControlThresholds, type QuadrantThresholds, type ThresholdRule } from './thresholds.ts';
import type { ApoptosisWarning } from './warnings.ts';

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
  /** Experiment-wide thresholds set by hand, per axis, instead of the control-derived ones. */
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
  controlThresholds: ControlThresholds;
  /** The quadrant centre every tube uses unless it has its own. */
  sharedThresholds: QuadrantThresholds;
  /** Every tube, controls included, in input order; warnings about one file are in its row. */
  tubes: AnalysedTube[];
  /** About the experiment as a whole (missing controls...). */
  warnings: ApoptosisWarning[];
}

/** The analysis cannot produce numbers: a threshold has no control, or a requested compensation cannot be computed. */
export class ApoptosisAnalysisError extends Error {
  override name = 'ApoptosisAnalysisError';
}

function controlsByRole(tubes: readonly ApoptosisTube[]): Partial<Record<ControlRole, ApoptosisTube>> {
  const controls: Partial<Record<ControlRole, ApoptosisTube>> = {};
  for (const tube of tubes) {
    if (!isControlRole(tube.role)) continue;
    const other = controls[tube.role];
    if (other) throw new ApoptosisAnalysisError(`Two tubes are marked as the ${CONTROL_ROLE_NAMES[tube.role]}: "${other.name}" and "${tube.name}"; keep one.`);
    controls[tube.role] = tube;
  }
  return controls;
}

export function analyseApoptosisExperiment(tubes: readonly ApoptosisTube[], options: ApoptosisOptions): ApoptosisAnalysis {
  const names = new Set<string>();
  for (const tube of tubes) {
    if (names.has(tube.name)) throw new ApoptosisAnalysisError(`Two tubes are named "${tube.name}"; names must be unique.`);
    names.add(tube.name);
  }
  const controlTubes = controlsByRole(tubes);
  const suggestions = tubes.map((tube) => (tube.preGates ? { vertices: tube.preGates, warnings: [] } : suggestPreGates(tube.session, options.scatter, tube.name)));
  const planFor = (index: number, compensation: ResolvedCompensation): ApoptosisGatingPlan => ({
    scatter: options.scatter, fluorescence: options.fluorescence, compensation, preGates: suggestions[index].vertices,
  });

  const uncompensated = resolveCompensation({ kind: 'none' }, null);
  const gated = (role: ControlRole, compensation: ResolvedCompensation): GatedControl | null => {
    const tube = controlTubes[role];
    if (!tube) return null;
    tube.session.applyStrategy(buildPreGateStrategy(planFor(tubes.indexOf(tube), compensation)));
    return { name: tube.name, session: tube.session, singlets: tube.session.evaluator.indices(SINGLETS_ID) };
  };
  const { fluorescence } = options;
  const rawAnnexinOnly = gated('annexinOnly', uncompensated);
  const computedSpillover = options.compensation.kind === 'controls'
    ? spilloverFromControls(rawAnnexinOnly, gated('piOnly', uncompensated), fluorescence)
    : null;
  if (computedSpillover && !computedSpillover.ok) {
    throw new ApoptosisAnalysisError(`Compensation cannot be computed from the single-stain controls: ${computedSpillover.warnings.map((w) => w.message).join(' ')}`);
  }
  const rawAnnexinSpill = computedSpillover?.ok
    ? computedSpillover.annexinIntoPi
    : rawAnnexinOnly && measureSpill(rawAnnexinOnly, fluorescence.annexin, fluorescence.pi, 'uncompensated');
  const compensation = resolveCompensation(options.compensation, computedSpillover?.ok ? computedSpillover.matrix : null);

  const controls: Partial<Record<ControlRole, GatedControl>> = {};
  for (const role of ['unstained', 'annexinOnly', 'piOnly'] as const) {
    const control = gated(role, compensation);
    if (control) controls[role] = control;
  }
  const thresholds = controlThresholds(controls, fluorescence, compensation.ref, options.percentile, options.thresholdRule);
  const shared = sharedThresholds(thresholds, options.manualThresholds ?? {});

  const warnings = [...(computedSpillover?.warnings ?? []), ...thresholds.warnings, ...residualWarnings(controls, compensation, fluorescence)];

  const analysed = tubes.map((tube, index): AnalysedTube => {
    const strategy = buildApoptosisStrategy(planFor(index, compensation), effectiveThresholds(shared, tube.thresholdOverride ?? null));
    const counts = tube.session.applyStrategy(strategy);
    const fileWarnings = [...suggestions[index].warnings, ...warnings.filter((w) => w.file === tube.name)];
    const compensated = isCompensated(compensation, tube.session.dataset, fluorescence);
    if (!compensated) {
      const missing = missingCompensationWarning(tube.name, rawAnnexinSpill, fluorescence);
      if (missing) fileWarnings.push(missing);
    }
    const row = apoptosisResultRow({
      file: tube.name, role: tube.role, eventCount: tube.session.dataset.eventCount, strategy, counts, sharedThresholds: shared,
      compensation: compensated || compensation.ref === 'uncompensated' ? compensation.description : 'none: the file has no spillover matrix for these channels',
      warnings: fileWarnings,
    });
    return { name: tube.name, role: tube.role, preGates: suggestions[index].vertices, strategy, row, warnings: fileWarnings };
  });
  return {
    compensation, computedSpillover, controlThresholds: thresholds, sharedThresholds: shared, tubes: analysed,
    warnings: warnings.filter((w) => w.file === null),
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

function sharedThresholds(fromControls: ControlThresholds, manual: Partial<QuadrantThresholds>): QuadrantThresholds {
  const annexin = manual.annexin ?? fromControls.annexin?.value;
  const pi = manual.pi ?? fromControls.pi?.value;
  if (annexin === undefined || pi === undefined) {
    const missing = fromControls.warnings.filter((w) => w.code === 'CONTROL_MISSING').map((w) => w.message).join(' ');
    throw new ApoptosisAnalysisError(`The quadrant cannot be placed: ${missing}`);
  }
  return { annexin, pi };
}
