/**
 * A control tube after pre-gating, and the density of one of its fluorescence channels on the logicle axis a user
 * sees by default (analysis/axes.ts logicleAxis: W estimated from the data), where positive and negative populations
 * are modes.
 */
import { logicleAxis } from '../analysis/axes.ts';
import type { SampleSession } from '../analysis/sampleSession.ts';
import type { CompensationRef } from '../compensation/types.ts';
import { scaleOf } from '../transforms/transform.ts';
import type { Scale } from '../transforms/scale.ts';
import { bottomPile } from './bottomPile.ts';
import { smoothedDensity, type SmoothedDensity } from './densityModes.ts';

export interface GatedControl {
  /** File name, for messages. */
  name: string;
  session: SampleSession;
  /** Event indices of the control after its pre-gates: its singlets, or its cells when there is no singlet gate. */
  events: Uint32Array;
  /** What `events` are, for messages. */
  population: 'singlets' | 'cells';
}

/** Display units of a logicle axis span [0, 1] over ~4.5 decades: 0.02 ≈ 0.1 decade. */
const DISPLAY_BINS = 256;
export const DISPLAY_SMOOTHING = 0.02;
/** Two populations ≥ ~0.7 decade apart on the display axis are distinct. */
export const DISPLAY_SEPARATION = 0.15;

export interface DisplayValues {
  /** The events' values in display units, in `events` order. */
  display: Float64Array;
  /** Data ↔ display units of the axis. */
  scale: Scale;
}

export interface DisplayDensity {
  density: SmoothedDensity;
  /** Data ↔ display units of the axis. */
  scale: Scale;
}

/**
 * The gated events (or `events`) of a control on the channel's logicle display axis, fitted to all its events;
 * throws RangeError for a missing channel.
 */
export function displayValues(control: GatedControl, channel: string, compensation: CompensationRef, events = control.events): DisplayValues {
  const spec = control.session.dataset.channels.find((c) => c.name === channel);
  if (!spec) throw new RangeError(`${control.name}: no channel "${channel}"`);
  const values = control.session.values({ channel, compensation });
  const axis = logicleAxis(spec, compensation, values);
  if (axis.scale === null) throw new RangeError(`${control.name}: "${channel}" has no logicle axis`);
  const scale = scaleOf(axis.scale);
  const display = new Float64Array(events.length);
  for (let k = 0; k < events.length; k++) display[k] = values[events[k]];
  scale.applyToColumn(display, display);
  return { display, scale };
}

/** Smoothed density of display values over the whole display axis [0, 1]. */
export function displayDensity(display: Float64Array): SmoothedDensity {
  return smoothedDensity(display, null, { lo: 0, hi: 1, bins: DISPLAY_BINS, smoothing: DISPLAY_SMOOTHING });
}

/**
 * For each gated event (in `control.events` order), 1 when it is piled at the bottom of the channel's scale
 * (bottomPile.ts: off scale, not a population), found on the uncompensated values, where the pile is exact.
 */
export function offScaleLow(control: GatedControl, channel: string): Uint8Array {
  const raw = control.session.values({ channel, compensation: 'uncompensated' });
  const pile = bottomPile(raw, control.events);
  return Uint8Array.from(control.events, (i) => (raw[i] === pile ? 1 : 0));
}

/**
 * Density of the control's gated events on the channel's logicle display axis, events piled at the bottom of the
 * scale left out; throws RangeError for a missing channel.
 */
export function singletDisplayDensity(control: GatedControl, channel: string, compensation: CompensationRef): DisplayDensity {
  const { display, scale } = displayValues(control, channel, compensation);
  const off = offScaleLow(control, channel);
  return { density: displayDensity(display.filter((_, k) => !off[k])), scale };
}
