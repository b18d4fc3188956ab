/**
 * Compensation of the Annexin V and PI channels: the file's own spillover by default (FCS "acquisition-defined"
 * matrix, field-anchors c2), a matrix computed from the Annexin V-only and PI-only controls, a matrix the user
 * edited, or none. FITC spills into the PE/PI detector on 488-nm instruments, so uncompensated Annexin V-positive
 * cells drift into the PI-positive quadrants (field-anchors c5); the checks here say so in plain words.
 */
import type { CompensationRef, SpectrumMatrix } from '../compensation/types.ts';
import type { FcsDataset } from '../fcs/types.ts';
import type { GatedControl } from './gatedControl.ts';
import { measureSpill, type SpillMeasurement } from './spill.ts';
import { formatCount, MIN_CONTROL_EVENTS, warning, type ApoptosisWarning } from './warnings.ts';

export type CompensationChoice =
  | { kind: 'file' }
  | { kind: 'controls' }
  | { kind: 'matrix'; matrix: SpectrumMatrix }
  | { kind: 'none' }
  /** The files' own matrices when every file has one, else computed from the single stains, else none (autoCompensation.ts). */
  | { kind: 'auto' };

/** Ids of the matrices a strategy may carry. */
export const CONTROLS_MATRIX_ID = 'single-stain-controls';
export const EDITED_MATRIX_ID = 'edited-matrix';

/** Spill (fraction of the primary signal) above which compensation matters for the quadrants. */
export const SPILL_THAT_MATTERS = 0.01;

export interface FluorescenceChannels {
  /** $PnN of the Annexin V channel. */
  annexin: string;
  /** $PnN of the PI (viability dye) channel. */
  pi: string;
}

/** The compensation every gate dimension of the analysis uses, and the matrix the strategy must carry for it. */
export interface ResolvedCompensation {
  ref: CompensationRef;
  matrix: { id: string; matrix: SpectrumMatrix } | null;
  /** For tables and exports, e.g. "file $SPILLOVER" or "computed from single-stain controls". */
  description: string;
}

/** A 2×2 spillover of the two dyes; row i is dye i's spill into each detector. */
export function twoDyeSpillover(channels: FluorescenceChannels, annexinIntoPi: number, piIntoAnnexin: number): SpectrumMatrix {
  const names = [channels.annexin, channels.pi];
  return { fluorochromes: names, detectors: [...names], coefficients: [[1, annexinIntoPi], [piIntoAnnexin, 1]] };
}

export type ControlsSpilloverResult =
  | { ok: true; matrix: SpectrumMatrix; annexinIntoPi: SpillMeasurement; piIntoAnnexin: SpillMeasurement; warnings: ApoptosisWarning[] }
  | { ok: false; warnings: ApoptosisWarning[] };

/** Spillover measured on the raw (uncompensated) singlets of the two single-stain controls. */
export function spilloverFromControls(annexinOnly: GatedControl | null, piOnly: GatedControl | null, channels: FluorescenceChannels): ControlsSpilloverResult {
  const warnings: ApoptosisWarning[] = [];
  if (!annexinOnly || !piOnly) {
    const missing = [annexinOnly ? null : 'Annexin V-only', piOnly ? null : 'PI-only'].filter((m) => m !== null).join(' and ');
    return { ok: false, warnings: [warning('CONTROL_MISSING', null, `Compensation cannot be computed from controls: the ${missing} control is missing.`)] };
  }
  const annexinIntoPi = measureSpill(annexinOnly, channels.annexin, channels.pi, 'uncompensated');
  const piIntoAnnexin = measureSpill(piOnly, channels.pi, channels.annexin, 'uncompensated');
  for (const [measurement, control, dye] of [[annexinIntoPi, annexinOnly, 'Annexin V'], [piIntoAnnexin, piOnly, 'PI']] as const) {
    if (measurement.kind === 'notSeparated') {
      warnings.push(warning('CONTROL_NOT_SEPARATED', control.name, `No distinct ${dye}-positive population next to the negative one in ${formatCount(measurement.events)} ${control.population}; its spillover cannot be measured.`));
    } else if (measurement.positives < MIN_CONTROL_EVENTS) {
      warnings.push(warning('FEW_EVENTS', control.name, `Only ${formatCount(measurement.positives)} ${dye}-positive ${control.population}; the spillover from them is uncertain (at least ${MIN_CONTROL_EVENTS} are advisable).`));
    }
  }
  if (annexinIntoPi.kind !== 'measured' || piIntoAnnexin.kind !== 'measured') return { ok: false, warnings };
  return { ok: true, matrix: twoDyeSpillover(channels, annexinIntoPi.spill, piIntoAnnexin.spill), annexinIntoPi, piIntoAnnexin, warnings };
}

/** True when the file's own spillover covers both dyes, i.e. the "FCS" reference compensates them. */
export function fileCompensates(dataset: Pick<FcsDataset, 'spillover'>, channels: FluorescenceChannels): boolean {
  const names = dataset.spillover?.channels ?? [];
  return names.includes(channels.annexin) && names.includes(channels.pi);
}

/** The reference and matrix for a choice; a 'controls' choice needs the computed matrix. */
export function resolveCompensation(choice: Exclude<CompensationChoice, { kind: 'auto' }>, computed: SpectrumMatrix | null): ResolvedCompensation {
  switch (choice.kind) {
    case 'file':
      return { ref: 'FCS', matrix: null, description: "each file's own spillover matrix" };
    case 'controls':
      if (!computed) throw new RangeError('compensation from controls was chosen but could not be computed');
      return { ref: CONTROLS_MATRIX_ID, matrix: { id: CONTROLS_MATRIX_ID, matrix: computed }, description: 'computed from the single-stain controls' };
    case 'matrix':
      return { ref: EDITED_MATRIX_ID, matrix: { id: EDITED_MATRIX_ID, matrix: choice.matrix }, description: 'edited by the user' };
    case 'none':
      return { ref: 'uncompensated', matrix: null, description: 'none (uncompensated)' };
    default: {
      const unknown: never = choice;
      throw new RangeError(`unknown compensation choice ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The compensation as it is, for tables and exports: "each file's own spillover matrix" only when every file has
 * one; "none" when no file has; otherwise how many are left uncompensated. `automatic` notes a choice made for the user.
 */
export function describeCompensation(compensation: ResolvedCompensation, datasets: readonly Pick<FcsDataset, 'spillover'>[], channels: FluorescenceChannels, automatic = false): string {
  const chosen = automatic ? ' (chosen automatically)' : '';
  if (compensation.ref !== 'FCS') return `${compensation.description}${chosen}`;
  const without = datasets.filter((d) => !fileCompensates(d, channels)).length;
  if (without === 0) return `${compensation.description}${chosen}`;
  if (without === datasets.length) return `none: the files have no spillover matrix for ${channels.annexin} and ${channels.pi}${chosen}`;
  return `each file's own spillover matrix; ${without} of ${datasets.length} files have none and are not compensated${chosen}`;
}

/** One file's compensation as it is: the matrix used, or "none" and why. */
export function describeFileCompensation(compensation: ResolvedCompensation, dataset: FcsDataset, channels: FluorescenceChannels, automatic = false): string {
  const chosen = automatic ? ' (chosen automatically)' : '';
  if (compensation.ref === 'uncompensated' || isCompensated(compensation, dataset, channels)) return `${compensation.description}${chosen}`;
  return 'none: the file has no spillover matrix for these channels';
}

/** Whether the Annexin V and PI values of `dataset` are compensated under `compensation`. */
export function isCompensated(compensation: ResolvedCompensation, dataset: FcsDataset, channels: FluorescenceChannels): boolean {
  if (compensation.ref === 'uncompensated') return false;
  if (compensation.ref === 'FCS') return fileCompensates(dataset, channels);
  const names = compensation.matrix?.matrix.fluorochromes ?? [];
  return names.includes(channels.annexin) && names.includes(channels.pi);
}

/** Analog instruments whose compensation is applied in the electronics, before the data are recorded. */
const ANALOG_COMPENSATION = /FACSCalibur|FACScan|FACSort/i;

/**
 * The warning for a file analysed without compensation: FITC's raw spill into PI as measured on the Annexin V-only
 * control (`rawSpill`), or a note that it could not be checked. Null when the measured spill is negligible.
 */
export function missingCompensationWarning(file: string, rawSpill: SpillMeasurement | null, channels: FluorescenceChannels, cytometer?: string): ApoptosisWarning | null {
  if (rawSpill?.kind !== 'measured' && ANALOG_COMPENSATION.test(cytometer ?? '')) {
    return warning('COMPENSATION_MISSING', file, `No compensation is applied: the file has no spillover matrix. ${cytometer?.trim()} compensates in the instrument while acquiring, so none is needed if compensation was set there; if it was not, Annexin V-positive cells read falsely PI-positive: compute a matrix from the single-stain controls.`);
  }
  if (rawSpill?.kind === 'measured') {
    if (rawSpill.spill < SPILL_THAT_MATTERS) return null;
    return warning('COMPENSATION_MISSING', file, `No compensation is applied, yet ${channels.annexin} (Annexin V) spills ${(100 * rawSpill.spill).toFixed(1)}% of its signal into ${channels.pi} (PI), as measured on the Annexin V-only control: Annexin V-positive cells will read falsely PI-positive. Apply a spillover matrix or compute one from the single-stain controls.`);
  }
  return warning('COMPENSATION_MISSING', file, `No compensation is applied and there is no usable Annexin V-only control to check whether ${channels.annexin} (Annexin V) spills into ${channels.pi} (PI); on 488-nm instruments FITC usually does. Apply a spillover matrix or compute one from the single-stain controls.`);
}

/**
 * Residual spill left after compensation in a single-stain control's singlets; a warning when it still matters
 * (a wrong or stale matrix). `dye` names the control's stain.
 */
export function residualSpillWarning(control: GatedControl, primary: string, secondary: string, compensation: CompensationRef, dye: string): ApoptosisWarning | null {
  const residual = measureSpill(control, primary, secondary, compensation);
  if (residual.kind !== 'measured' || Math.abs(residual.spill) < SPILL_THAT_MATTERS) return null;
  const direction = residual.spill > 0 ? 'under-compensated' : 'over-compensated';
  return warning('COMPENSATION_RESIDUAL', control.name, `After compensation, ${dye}-positive cells of this control still read ${(100 * residual.spill).toFixed(1)}% of their ${dye} signal in ${secondary}: the data look ${direction}; check the spillover matrix.`);
}
