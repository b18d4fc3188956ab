/**
 * Controls checked against their roles, in plain words: a tube marked as a control that contradicts what it is for
 * would set a threshold or a matrix from the wrong cells. An unstained control bright on a dye, or a single stain
 * bright on the other dye, holds a second population on an axis where it should be negative (a mislabelled or
 * double-stained tube, or spill left uncompensated); a single stain with no positive population on its own dye was
 * not stained (or is another tube); a viability dye on which nearly every cell of an untreated tube is positive is
 * behaving as a DNA stain of fixed or permeabilized cells, where Annexin V/PI cannot tell dying cells apart.
 * Populations are found on the control's logicle display axis as spill.ts finds them (density valley, ≥ 1% of peak).
 */
import type { CompensationRef } from '../compensation/types.ts';
import type { FluorescenceChannels } from './compensation.ts';
import type { GatedControl } from './gatedControl.ts';
import { percentileOf } from './percentile.ts';
import { CONTROL_ROLE_NAMES, type ControlRole } from './populations.ts';
import { splitControl } from './spill.ts';
import type { Axis } from './thresholds.ts';
import { warning, type ApoptosisWarning } from './warnings.ts';

const DYES: Record<Axis, string> = { annexin: 'Annexin V', pi: 'the viability dye' };
const POSITIVE: Record<Axis, string> = { annexin: 'Annexin V-positive', pi: 'viability dye-positive' };
/** The control's own dye (null for unstained). */
const OWN_AXIS: Record<ControlRole, Axis | null> = { unstained: null, annexinOnly: 'annexin', piOnly: 'pi' };
/** Above this share of an untreated tube's cells, a viability dye has stained nearly every cell. */
const ALL_POSITIVE_SHARE = 0.9;
/** Main population this many times higher on the viability channel than on Annexin V: the dye stained every cell. */
const BRIGHTER_THAN_ANNEXIN = 30;

function percent(share: number): string {
  return `${(100 * share).toFixed(share < 0.01 ? 1 : 0)}%`;
}

/**
 * Warnings about controls whose cells contradict their role: per control, one for the dyes it is bright on but
 * should not be, one when its own dye shows no positive population.
 */
export function controlRoleWarnings(controls: Partial<Record<ControlRole, GatedControl>>, channels: FluorescenceChannels, compensation: CompensationRef): ApoptosisWarning[] {
  const warnings: ApoptosisWarning[] = [];
  for (const [role, control] of Object.entries(controls) as [ControlRole, GatedControl][]) {
    const own = OWN_AXIS[role];
    const name = `The ${CONTROL_ROLE_NAMES[role]} "${control.name}"`;
    const bright: string[] = [];
    for (const axis of ['annexin', 'pi'] as const) {
      const split = splitControl(control, channels[axis], compensation);
      if (axis === own && split === null) {
        warnings.push(warning('CONTROL_NOT_SEPARATED', control.name, `${name} shows no ${POSITIVE[axis]} cells on ${channels[axis]}, the dye it should carry: was it stained, or is it another tube? Its role decides thresholds and compensation.`));
      } else if (axis !== own && split !== null) {
        bright.push(`on ${channels[axis]} (${DYES[axis]}: ${percent(split.positives.length / control.events.length)} of its ${control.population})`);
      }
    }
    if (bright.length > 0) {
      warnings.push(warning('CONTROL_NOT_NEGATIVE', control.name, `${name} holds a separate bright population ${bright.join(' and ')} where it should be negative. Check the tube's label and staining, or the compensation.`));
    }
  }
  return warnings;
}

/**
 * Untreated tubes on which nearly every cell has taken up the viability dye. With a control that carries no viability
 * dye (the Annexin V-only control, else the unstained one), more than 90% of the tube's cells above that control's
 * `percentile` on the viability channel. Without one, the tube's median cell ≥ 30 times (1.5 decades) brighter on the
 * viability channel than on the Annexin V channel: live cells sit near their autofluorescence on both, a DNA stain
 * puts every cell decades up (the real FACSymphony PI/RNase files of ../shared/corpus/dna: 50 times).
 */
export function viabilityDyeWarnings(
  untreated: readonly GatedControl[], controls: Partial<Record<ControlRole, GatedControl>>, channels: FluorescenceChannels, compensation: CompensationRef, percentile: number,
): ApoptosisWarning[] {
  const role = (['annexinOnly', 'unstained'] as const).find((r) => controls[r] !== undefined);
  const reference = role && controls[role];
  const threshold = reference ? percentileOf(reference.session.values({ channel: channels.pi, compensation }), reference.events, percentile) : null;
  return untreated.flatMap((tube) => {
    const name = `the untreated tube "${tube.name}"`;
    if (role && threshold !== null) {
      const values = tube.session.values({ channel: channels.pi, compensation });
      let above = 0;
      for (const i of tube.events) if (values[i] >= threshold) above++;
      const share = above / tube.events.length;
      if (!(share > ALL_POSITIVE_SHARE)) return [];
      return [allPositive(tube.name, `${percent(share)} of the ${tube.population} of ${name} are above the ${percentile}th percentile of the ${CONTROL_ROLE_NAMES[role]} on ${channels.pi}`)];
    }
    const annexinLevel = medianOf(tube, channels.annexin, compensation);
    const ratio = medianOf(tube, channels.pi, compensation) / annexinLevel;
    if (!(annexinLevel > 0 && ratio >= BRIGHTER_THAN_ANNEXIN)) return [];
    return [allPositive(tube.name, `The median cell of ${name} is ${Math.round(ratio)} times brighter on ${channels.pi} (${DYES.pi}) than on ${channels.annexin} (Annexin V), where live cells sit near their autofluorescence on both`)];
  });
}

/** The tube's median on `channel`, data units. */
function medianOf(tube: GatedControl, channel: string, compensation: CompensationRef): number {
  return percentileOf(tube.session.values({ channel, compensation }), tube.events, 50);
}

function allPositive(file: string, finding: string): ApoptosisWarning {
  return warning('VIABILITY_ALL_POSITIVE', file, `${finding}: nearly every cell took up the viability dye, as a DNA stain of fixed or permeabilized cells does. Annexin V/PI needs live, unfixed cells, and thresholds placed on this tube are not meaningful; if it is a DNA-content tube, analyse it as cell cycle.`);
}
