/**
 * How much of one dye's signal reaches another detector, measured on a single-stain control by the median method of
 * Bagwell & Adams (Ann N Y Acad Sci 1993;677:167), as flowCore/flowStats `spillover` and FlowJo's compensation
 * wizard compute it: with positive and negative populations of the control in its primary detector,
 *   spill = (median_secondary(pos) − median_secondary(neg)) / (median_primary(pos) − median_primary(neg)).
 * Positives and negatives are split at the density valley of the primary channel on its logicle display axis
 * (internal negative: the same tube's unstained cells). On compensated values the same ratio is the residual spill,
 * which is how an applied matrix is checked.
 *
 * Known bias: the internal negatives are mostly live cells, while the positives are dying cells that are smaller and
 * less autofluorescent, so a small spill (PI into FITC, ~1%) reads slightly low; large spills are unaffected.
 */
import type { CompensationRef } from '../compensation/types.ts';
import { splitAtValley } from './densityModes.ts';
import { DISPLAY_SEPARATION, singletDisplayDensity, type GatedControl } from './gatedControl.ts';
import { percentileOf } from './percentile.ts';

/** A control's singlets split into cells negative and positive for its own dye. */
export interface ControlSplit {
  negatives: Uint32Array;
  positives: Uint32Array;
  /** Primary value (data units) separating them: the density valley. */
  cut: number;
}

export type SpillMeasurement =
  | {
    kind: 'measured';
    /** Secondary-detector signal per unit of primary signal. */
    spill: number;
    positives: number;
    negatives: number;
    cut: number;
  }
  | { kind: 'notSeparated'; events: number };

/** Positives must hold ≥ 1% of the density peak to count as a population. */
const MIN_PROMINENCE = 0.01;

/** The control's singlets split at the valley of `primary`, or null when they are not two populations. */
export function splitControl(control: GatedControl, primary: string, compensation: CompensationRef): ControlSplit | null {
  const { density, scale } = singletDisplayDensity(control, primary, compensation);
  const split = splitAtValley(density, { side: 'either', minSeparation: DISPLAY_SEPARATION, minProminence: MIN_PROMINENCE });
  if (!split) return null;
  const cut = scale.invert(split.valley);
  const values = control.session.values({ channel: primary, compensation });
  const { events } = control;
  let positiveCount = 0;
  for (let k = 0; k < events.length; k++) if (values[events[k]] >= cut) positiveCount++;
  const positives = new Uint32Array(positiveCount);
  const negatives = new Uint32Array(events.length - positiveCount);
  let p = 0;
  let n = 0;
  for (let k = 0; k < events.length; k++) {
    if (values[events[k]] >= cut) positives[p++] = events[k];
    else negatives[n++] = events[k];
  }
  return { negatives, positives, cut };
}

function median(values: ArrayLike<number>, events: Uint32Array): number {
  return percentileOf(values, events, 50);
}

/** Spill of `primary`'s dye into `secondary` in the control's singlets, in the values `compensation` selects. */
export function measureSpill(control: GatedControl, primary: string, secondary: string, compensation: CompensationRef): SpillMeasurement {
  const split = splitControl(control, primary, compensation);
  if (!split) return { kind: 'notSeparated', events: control.events.length };
  const x = control.session.values({ channel: primary, compensation });
  const y = control.session.values({ channel: secondary, compensation });
  const primaryGap = median(x, split.positives) - median(x, split.negatives);
  return {
    kind: 'measured',
    spill: (median(y, split.positives) - median(y, split.negatives)) / primaryGap,
    positives: split.positives.length,
    negatives: split.negatives.length,
    cut: split.cut,
  };
}
