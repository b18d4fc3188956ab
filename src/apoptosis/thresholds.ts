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
 *
 * Neither control shows what a double-stained tube does: the dye's background on cells negative for it (Annexin V
 * bound nonspecifically or through a necrotic cell's broken membrane, dim PI uptake). So the threshold is raised to
 * the upper edge of the untreated tubes' viable population (untreatedThresholds.ts) when that is higher, or, without
 * untreated tubes, to the upper edge of the negative cells of the single stain carrying the axis's own dye.
 * Without the single stain an axis needs, the untreated double-stained tubes set it, then the unstained control; a
 * threshold typed by the user overrides any.
 */
import type { CompensationRef } from '../compensation/types.ts';
import type { FluorescenceChannels } from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { aboveBottomPile } from './bottomPile.ts';
import { percentileOf } from './percentile.ts';
import { CONTROL_ROLE_NAMES, type ControlRole } from './populations.ts';
import { combineUntreated, untreatedTubeThresholds, viableEdge, type UntreatedTubeThresholds } from './untreatedThresholds.ts';
import { splitControl } from './spill.ts';
import { formatCount, MIN_CONTROL_EVENTS, warning, type ApoptosisWarning } from './warnings.ts';

export type Axis = 'annexin' | 'pi';

export interface QuadrantThresholds {
  /** Annexin V threshold in compensated data units: events at or above it are Annexin V-positive. */
  annexin: number;
  /** PI threshold in compensated data units. */
  pi: number;
}

/** What can set an axis's threshold: a negative control, or the untreated double-stained tubes (untreatedThresholds.ts). */
export type ThresholdOrigin = ControlRole | 'untreated';

export interface ThresholdRule {
  /** What to take each axis's threshold from, most appropriate first; the first one present is used. */
  sources: Readonly<Record<Axis, readonly ThresholdOrigin[]>>;
  over: 'eachPopulation' | 'allSinglets';
  /**
   * Raise a control's threshold to the untreated tubes' viable edge when that is higher: the stained untreated tube
   * shows what a single-stain control cannot, the stain's background on cells that are biologically negative
   * (Annexin V bound to necrotic cells' inner membrane, dim PI uptake).
   */
  untreatedFloor: boolean;
  /**
   * Without untreated tubes to raise it to: raise a control's threshold to the upper edge of the negative cells of
   * the single stain carrying the axis's own dye, when that is higher. Stained cells negative for the dye carry its
   * background (nonspecific Annexin V binding, dim PI uptake by live cells), which the opposite single stain, without
   * the dye, cannot show.
   */
  stainedFloor: boolean;
}

/**
 * The product default (chosen from the known-answer comparisons in thresholdChoice.test.ts and docs/accuracy.md):
 * the Annexin V axis from the PI-only control and the PI axis from the Annexin V-only control, each population of the
 * control on its own, raised where higher to the untreated tubes' viable edge, or without untreated tubes to the edge
 * of the negative cells of the axis's own single stain; without the opposite single stain,
 * the untreated tubes (they carry both dyes' background), then the unstained control.
 */
export const DEFAULT_THRESHOLD_RULE: ThresholdRule = {
  sources: { annexin: ['piOnly', 'untreated', 'unstained'], pi: ['annexinOnly', 'untreated', 'unstained'] }, over: 'eachPopulation', untreatedFloor: true, stainedFloor: true,
};
/** Both axes from the unstained control. */
export const UNSTAINED_THRESHOLD_RULE: ThresholdRule = { sources: { annexin: ['unstained'], pi: ['unstained'] }, over: 'allSinglets', untreatedFloor: false, stainedFloor: false };

export const DEFAULT_PERCENTILE = 99;

/** Where one axis's threshold came from. */
export type AxisThreshold =
  | {
    kind: 'control';
    value: number;
    control: ControlRole;
    file: string;
    percentile: number;
    /** Gated events of the control the percentile was taken over. */
    events: number;
    /** Positive cells of the control's own dye that were percentiled on their own (0 when not split). */
    dyePositiveEvents: number;
  }
  | UntreatedThreshold
  /** A control's threshold raised to a higher edge (`value` is the edge's). */
  | { kind: 'raised'; value: number; control: ControlThreshold; floor: UntreatedThreshold | StainedEdge }
  | { kind: 'manual'; value: number };

type ControlThreshold = Extract<AxisThreshold, { kind: 'control' }>;

/** The upper edge of the negative cells of the single stain carrying the axis's own dye (viableEdge). */
interface StainedEdge {
  kind: 'stainedEdge';
  value: number;
  control: ControlRole;
  file: string;
}

interface UntreatedThreshold {
  kind: 'untreated';
  value: number;
  /** Each untreated tube's threshold on this axis; `value` is their median. */
  tubes: { file: string; value: number }[];
}

export interface ThresholdPlacement {
  annexin: AxisThreshold | null;
  pi: AxisThreshold | null;
  warnings: ApoptosisWarning[];
}

/** What the thresholds are taken from: the controls present and the untreated double-stained tubes. */
export interface ThresholdInputs {
  controls: Partial<Record<ControlRole, GatedControl>>;
  untreated: readonly GatedControl[];
}

const AXIS_NAMES: Record<Axis, string> = { annexin: 'Annexin V', pi: 'PI' };

/** The single stain carrying each axis's dye. */
const OWN_STAIN: Record<Axis, ControlRole> = { annexin: 'annexinOnly', pi: 'piOnly' };

const ORIGIN_NAMES: Record<ThresholdOrigin, string> = { ...CONTROL_ROLE_NAMES, untreated: 'untreated (dose 0) tube' };

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
 * Thresholds for both axes: `typed` by the user, else from the first source of `rule` present, on values compensated
 * by `compensation` (the sessions must already carry a strategy defining it). Missing, small and not-negative
 * controls are reported as warnings; an axis with no source at all is null (warning THRESHOLD_UNSET).
 */
export function placeThresholds(
  inputs: ThresholdInputs, channels: FluorescenceChannels, compensation: CompensationRef, percentile: number, rule: ThresholdRule, typed: Partial<QuadrantThresholds> = {},
): ThresholdPlacement {
  checkPercentile(percentile);
  const warnings: ApoptosisWarning[] = [];
  const present = (origin: ThresholdOrigin) => (origin === 'untreated' ? inputs.untreated.length > 0 : inputs.controls[origin] !== undefined);
  let untreated: UntreatedTubeThresholds[] | null = null;
  const thresholdFor = (axis: Axis): AxisThreshold | null => {
    const value = typed[axis];
    if (value !== undefined) return { kind: 'manual', value };
    const preferred = rule.sources[axis];
    const origin = preferred.find(present);
    if (origin === undefined) {
      const wanted = listWith('or', preferred.map((r) => ORIGIN_NAMES[r]));
      warnings.push(warning('THRESHOLD_UNSET', null, `No ${wanted} was given, so the ${AXIS_NAMES[axis]} threshold cannot be set from the data; mark an untreated (dose 0) tube, add controls, or type the threshold.`));
      return null;
    }
    if (origin !== preferred[0]) {
      const missing = listWith('and', preferred.slice(0, preferred.indexOf(origin)).map((r) => ORIGIN_NAMES[r]));
      const caveat = origin === 'untreated'
        ? ': the upper edge of its viable population'
        : `, which does not show the other dye's spill and spread into ${AXIS_NAMES[axis]}`;
      warnings.push(warning('CONTROL_MISSING', null, `The ${missing} ${preferred.indexOf(origin) > 1 ? 'are' : 'is'} missing, so the ${AXIS_NAMES[axis]} threshold comes from the ${ORIGIN_NAMES[origin]}${caveat}.`));
    }
    const fromUntreated = (): UntreatedThreshold => {
      untreated ??= inputs.untreated.map((tube) => untreatedTubeThresholds(tube, channels, compensation));
      return { kind: 'untreated', value: combineUntreated(untreated)[axis], tubes: untreated.map((t) => ({ file: t.file, value: t[axis] })) };
    };
    if (origin === 'untreated') return fromUntreated();
    const control = inputs.controls[origin];
    if (!control) return null;
    const fromControl = controlThreshold(axis, origin, control, channels, compensation, percentile, rule, warnings);
    const stained = inputs.controls[OWN_STAIN[axis]];
    const floor = rule.untreatedFloor && inputs.untreated.length > 0 ? fromUntreated()
      : rule.stainedFloor && stained ? stainedEdge(axis, stained, channels[axis], compensation)
      : null;
    return floor && floor.value > fromControl.value ? { kind: 'raised', value: floor.value, control: fromControl, floor } : fromControl;
  };
  return { annexin: thresholdFor('annexin'), pi: thresholdFor('pi'), warnings };
}

/**
 * The upper edge of a single stain's cells negative for its own dye on that dye's `channel`: split from its positives
 * at the density valley (spill.ts) and never above that valley, so a control whose cells are mostly positive (a
 * heat-killed PI-only control) still gives its negatives' edge.
 */
function stainedEdge(axis: Axis, control: GatedControl, channel: string, compensation: CompensationRef): StainedEdge {
  const split = splitControl(control, channel, compensation);
  const edge = viableEdge(split ? { ...control, events: split.negatives } : control, channel, compensation);
  return { kind: 'stainedEdge', value: split ? Math.min(edge, split.cut) : edge, control: OWN_STAIN[axis], file: control.name };
}

/** "a, b or c". */
function listWith(conjunction: 'and' | 'or', items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** One axis's threshold at a percentile of one control, with the warnings about that control. */
function controlThreshold(
  axis: Axis, role: ControlRole, control: GatedControl, channels: FluorescenceChannels, compensation: CompensationRef, percentile: number, rule: ThresholdRule,
  warnings: ApoptosisWarning[],
): ControlThreshold {
  if (control.events.length < MIN_CONTROL_EVENTS) {
    warnings.push(warning('FEW_EVENTS', control.name, `Only ${formatCount(control.events.length)} ${control.population} in the ${CONTROL_ROLE_NAMES[role]}; its ${percentile}th percentile is unreliable (at least ${MIN_CONTROL_EVENTS} are advisable).`));
  }
  const channel = channels[axis];
  const values = control.session.values({ channel, compensation });
  const ownDye = ownDyeChannel(role, axis, channels);
  const split = rule.over === 'eachPopulation' && ownDye !== null ? splitControl(control, ownDye, compensation) : null;
  const usePositives = split !== null && split.positives.length >= MIN_CONTROL_EVENTS;
  if (rule.over === 'eachPopulation' && ownDye !== null && split === null) {
    warnings.push(warning('CONTROL_NOT_SEPARATED', control.name, `No distinct dye-positive population in the ${CONTROL_ROLE_NAMES[role]}: its spread into ${AXIS_NAMES[axis]} cannot be measured, so the threshold is taken over all its ${control.population}.`));
  } else if (split && !usePositives) {
    warnings.push(warning('FEW_EVENTS', control.name, `Only ${formatCount(split.positives.length)} dye-positive cells in the ${CONTROL_ROLE_NAMES[role]}: their spread into ${AXIS_NAMES[axis]} cannot be measured, so the threshold is taken over all its ${control.population}.`));
  }
  const value = aboveBottomPile(values, control.events, usePositives
    ? Math.max(percentileOf(values, split.negatives, percentile), percentileOf(values, split.positives, percentile))
    : percentileOf(values, control.events, percentile));
  return { kind: 'control', value, control: role, file: control.name, percentile, events: control.events.length, dyePositiveEvents: usePositives ? split.positives.length : 0 };
}

function formatThreshold(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Where a threshold came from, in words, for tables and exports. */
export function describeThreshold(threshold: AxisThreshold | StainedEdge): string {
  switch (threshold.kind) {
    case 'control':
      return `${threshold.percentile}th percentile of the ${CONTROL_ROLE_NAMES[threshold.control]} ${threshold.file}`;
    case 'untreated': {
      const files = threshold.tubes.map((t) => t.file);
      const of = files.length === 1 ? `untreated tube ${files[0]}` : `median of ${files.length} untreated tubes (${files.join(', ')})`;
      return `upper edge of the viable population, ${of}`;
    }
    case 'stainedEdge':
      return `upper edge of the negative cells of the ${CONTROL_ROLE_NAMES[threshold.control]} ${threshold.file}`;
    case 'raised':
      return `${describeThreshold(threshold.floor)}, above the ${describeThreshold(threshold.control)} (${formatThreshold(threshold.control.value)})`;
    case 'manual':
      return 'typed by hand';
  }
}
