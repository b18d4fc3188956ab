/**
 * Quadrant thresholds from negative controls: on each compensated axis, a percentile (default 99th) of a control that
 * is negative on that axis, over the control's singlets, shared across the experiment (FCS Express percentile
 * quadrants; BioPro and CytoExploreR #151 use the 99th percentile of FMO / opposite single-stain controls;
 * field-anchors c5). Which control is "appropriate" per axis is a preference list, first available wins.
 *
 * A single-stain control is negative on the other axis but holds two populations: cells without its dye, and cells
 * with it, whose compensated values on the other axis spread more (photon noise of the spilled signal; Roederer,
 * Cytometry 2001;45:194). Protocols ask that Annexin V-only cells stay out of the PI+ quadrants and PI-only cells out
 * of the Annexin V+ ones (field-anchors c5), so the 'eachPopulation' rule takes the percentile within each of the two
 * populations and keeps the higher; 'allSinglets' takes it over all singlets, where the many dye-negative cells
 * swamp the spread of the few positive ones.
 */
import type { CompensationRef } from '../compensation/types.ts';
import type { FluorescenceChannels } from './compensation.ts';
import { splitAtValley } from './densityModes.ts';
import { DISPLAY_SEPARATION, singletDisplayDensity, type GatedControl } from './gatedControl.ts';
import { percentileOf } from './percentile.ts';
import { CONTROL_ROLE_NAMES, type ControlRole } from './populations.ts';
import { splitControl } from './spill.ts';
import { formatCount, MIN_CONTROL_EVENTS, warning, type ApoptosisWarning } from './warnings.ts';

export type Axis = 'annexin' | 'pi';

export interface QuadrantThresholds {
  /** Annexin V threshold in compensated data units: events at or above it are Annexin V-positive. */
  annexin: number;
  /** PI threshold in compensated data units. */
  pi: number;
}

export interface ThresholdRule {
  /** Controls to take each axis's threshold from, most appropriate first. */
  controls: Readonly<Record<Axis, readonly ControlRole[]>>;
  over: 'eachPopulation' | 'allSinglets';
}

/**
 * The product default (chosen from the known-answer comparison in thresholdChoice.test.ts): the Annexin V axis from
 * the PI-only control and the PI axis from the Annexin V-only control, each population of the control on its own;
 * the unstained control when a single stain is missing.
 */
export const DEFAULT_THRESHOLD_RULE: ThresholdRule = { controls: { annexin: ['piOnly', 'unstained'], pi: ['annexinOnly', 'unstained'] }, over: 'eachPopulation' };
/** Both axes from the unstained control. */
export const UNSTAINED_THRESHOLD_RULE: ThresholdRule = { controls: { annexin: ['unstained'], pi: ['unstained'] }, over: 'allSinglets' };

export const DEFAULT_PERCENTILE = 99;

/** Where one axis's threshold came from. */
export interface AxisThreshold {
  value: number;
  control: ControlRole;
  file: string;
  /** Singlets of the control the percentile was taken over. */
  events: number;
  /** Positive cells of the control's own dye that were percentiled on their own (0 when not split). */
  dyePositiveEvents: number;
}

export interface ControlThresholds {
  percentile: number;
  annexin: AxisThreshold | null;
  pi: AxisThreshold | null;
  warnings: ApoptosisWarning[];
}

const AXIS_NAMES: Record<Axis, string> = { annexin: 'Annexin V', pi: 'PI' };

/** Throws RangeError unless 50 ≤ percentile < 100. */
export function checkPercentile(percentile: number): void {
  if (!(percentile >= 50 && percentile < 100)) throw new RangeError(`the threshold percentile must be at least 50 and below 100, got ${percentile}`);
}

/** The control's own dye channel (null for unstained); throws RangeError when the control is stained on `axis`. */
function ownDyeChannel(role: ControlRole, axis: Axis, channels: FluorescenceChannels): string | null {
  const own: Axis | null = role === 'annexinOnly' ? 'annexin' : role === 'piOnly' ? 'pi' : null;
  if (own === axis) throw new RangeError(`the ${CONTROL_ROLE_NAMES[role]} is stained on the ${AXIS_NAMES[axis]} axis and cannot set its threshold`);
  return own === null ? null : channels[own];
}

/**
 * Thresholds for both axes from the controls present, following `rule`, on values compensated by `compensation`
 * (the controls' sessions must already carry a strategy defining it). Missing, small and not-negative controls are
 * reported as warnings; an axis with no control at all is null.
 */
export function controlThresholds(
  controls: Partial<Record<ControlRole, GatedControl>>,
  channels: FluorescenceChannels,
  compensation: CompensationRef,
  percentile: number,
  rule: ThresholdRule,
): ControlThresholds {
  checkPercentile(percentile);
  const warnings: ApoptosisWarning[] = [];
  const thresholdFor = (axis: Axis): AxisThreshold | null => {
    const preferred = rule.controls[axis];
    const role = preferred.find((r) => controls[r] !== undefined);
    const control = role === undefined ? undefined : controls[role];
    if (role === undefined || control === undefined) {
      const wanted = preferred.map((r) => CONTROL_ROLE_NAMES[r]).join(' or ');
      warnings.push(warning('CONTROL_MISSING', null, `No ${wanted} was given, so the ${AXIS_NAMES[axis]} threshold cannot be set from a control; set it by hand.`));
      return null;
    }
    if (role !== preferred[0]) {
      warnings.push(warning('CONTROL_MISSING', null, `The ${CONTROL_ROLE_NAMES[preferred[0]]} is missing, so the ${AXIS_NAMES[axis]} threshold comes from the ${CONTROL_ROLE_NAMES[role]}, which does not show the other dye's spill and spread into ${AXIS_NAMES[axis]}.`));
    }
    if (control.singlets.length < MIN_CONTROL_EVENTS) {
      warnings.push(warning('FEW_EVENTS', control.name, `Only ${formatCount(control.singlets.length)} singlets in the ${CONTROL_ROLE_NAMES[role]}; its ${percentile}th percentile is unreliable (at least ${MIN_CONTROL_EVENTS} are advisable).`));
    }
    const channel = channels[axis];
    if (twoPopulations(control, channel, compensation)) {
      warnings.push(warning('CONTROL_NOT_NEGATIVE', control.name, `The ${CONTROL_ROLE_NAMES[role]} holds two distinct populations on the ${AXIS_NAMES[axis]} axis, where it should be uniformly negative: a mislabelled tube, or spill that compensation has not removed.`));
    }
    const values = control.session.values({ channel, compensation });
    const ownDye = ownDyeChannel(role, axis, channels);
    const split = rule.over === 'eachPopulation' && ownDye !== null ? splitControl(control, ownDye, compensation) : null;
    const usePositives = split !== null && split.positives.length >= MIN_CONTROL_EVENTS;
    if (rule.over === 'eachPopulation' && ownDye !== null && split === null) {
      warnings.push(warning('CONTROL_NOT_SEPARATED', control.name, `No distinct dye-positive population in the ${CONTROL_ROLE_NAMES[role]}: its spread into ${AXIS_NAMES[axis]} cannot be measured, so the threshold is taken over all its singlets.`));
    } else if (split && !usePositives) {
      warnings.push(warning('FEW_EVENTS', control.name, `Only ${formatCount(split.positives.length)} dye-positive cells in the ${CONTROL_ROLE_NAMES[role]}: their spread into ${AXIS_NAMES[axis]} cannot be measured, so the threshold is taken over all its singlets.`));
    }
    const value = usePositives
      ? Math.max(percentileOf(values, split.negatives, percentile), percentileOf(values, split.positives, percentile))
      : percentileOf(values, control.singlets, percentile);
    return { value, control: role, file: control.name, events: control.singlets.length, dyePositiveEvents: usePositives ? split.positives.length : 0 };
  };
  return { percentile, annexin: thresholdFor('annexin'), pi: thresholdFor('pi'), warnings };
}

/** Two distinct populations (≥ 2% of the peak density each, ~0.7 decade apart) on the control's display axis. */
function twoPopulations(control: GatedControl, channel: string, compensation: CompensationRef): boolean {
  const { density } = singletDisplayDensity(control, channel, compensation);
  return splitAtValley(density, { side: 'either', minSeparation: DISPLAY_SEPARATION, minProminence: 0.02 }) !== null;
}
