/**
 * Plot axes: which values a plot axis reads (channel + compensation), how it draws them (display transform) and
 * over which data range. Default axes follow what FlowJo users expect: scatter and time linear from 0 to the
 * channel's range, fluorescence logicle (W estimated from the data) up to the channel's range.
 */
import type { CompensationRef } from '../compensation/types.ts';
import type { Channel } from '../fcs/types.ts';
import { estimateLogicleWidth } from '../transforms/autoLogicle.ts';
import { inverseTransform } from '../transforms/transform.ts';
import type { Transform } from '../transforms/types.ts';

export interface AxisSpec {
  /** $PnN of the channel. */
  channel: string;
  compensation: CompensationRef;
  /** Display transform; null draws data units linearly. */
  scale: Transform | null;
  /** Visible range in data units, [min, max]. */
  domain: [number, number];
}

export type AxisKind = 'linear' | 'log' | 'logicle' | 'arcsinh';

/** How a two-parameter plot shows events: pseudocolour density, dots, or equal-probability contours with outliers. */
export type BivariateKind = 'density' | 'dot' | 'contour';

/** Logicle decades for display; 4.5 is the Parks et al. (2006) default for 18-bit (262,144) instruments. */
const DISPLAY_DECADES = 4.5;
/** Cytobank's default arcsinh cofactor for fluorescence (support.cytobank.org, scales). */
const ARCSINH_COFACTOR = 150;

const SCATTER_OR_TIME = /^(fsc|ssc|fs|ss|time)\b|^(fsc|ssc)[-_ ]/i;

/**
 * The compensation reference a plot of the file's own compensation uses for a channel: 'FCS' for the channels its
 * spillover matrix covers, 'uncompensated' for the others (the same values, but gates on scatter and time are stored
 * as uncompensated, and a plot shows the gates of its axes' references).
 */
export function fileCompensationFor(channel: string, spillover: { channels: readonly string[] } | null): CompensationRef {
  return spillover?.channels.includes(channel) ? 'FCS' : 'uncompensated';
}

export function isScatterOrTime(channel: Channel): boolean {
  return SCATTER_OR_TIME.test(channel.name.trim());
}

function isLogAmplified(channel: Channel): boolean {
  return channel.amplification[0] > 0 && (channel.datatype === 'I' || channel.datatype === 'A');
}

/** Top of the channel's scaled values: the decoded top of a log-amplified integer channel, else $PnR / gain. */
export function channelTop(channel: Channel): number {
  const [decades, offset] = channel.amplification;
  if (isLogAmplified(channel)) return (offset === 0 ? 1 : offset) * 10 ** decades;
  const gain = channel.gain > 0 && decades === 0 ? channel.gain : 1;
  return channel.range / gain;
}

/** What an axis of a channel shows when nobody chose: linear for scatter and time, logicle for fluorescence. */
export function defaultAxisKind(channel: Channel): AxisKind {
  return isScatterOrTime(channel) ? 'linear' : 'logicle';
}

/** An axis of the given kind for a channel; `values` (compensated data) set the logicle width. */
export function axisOfKind(kind: AxisKind, channel: Channel, compensation: CompensationRef, values: ArrayLike<number>): AxisSpec {
  switch (kind) {
    case 'linear':
      return linearAxis(channel, compensation);
    case 'log':
      return logAxis(channel, compensation);
    case 'logicle':
      return logicleAxis(channel, compensation, values);
    case 'arcsinh':
      return arcsinhAxis(channel, compensation);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown axis kind ${String(unknown)}`);
    }
  }
}

/** The kind of an axis, for pickers. */
export function axisKindOf(axis: AxisSpec): AxisKind {
  if (axis.scale === null) return 'linear';
  if (axis.scale.kind === 'log') return 'log';
  if (axis.scale.kind === 'arcsinh') return 'arcsinh';
  return 'logicle';
}

export function linearAxis(channel: Channel, compensation: CompensationRef): AxisSpec {
  return { channel: channel.name, compensation, scale: null, domain: [0, channelTop(channel)] };
}

/** Log axis over at most 5 decades below the channel's top (values ≤ 0 are off scale). */
export function logAxis(channel: Channel, compensation: CompensationRef): AxisSpec {
  const T = channelTop(channel);
  const M = Math.max(1, Math.min(5, Math.log10(T)));
  return { channel: channel.name, compensation, scale: { kind: 'log', T, M }, domain: [T / 10 ** M, T] };
}

export function arcsinhAxis(channel: Channel, compensation: CompensationRef): AxisSpec {
  const T = channelTop(channel);
  return { channel: channel.name, compensation, scale: { kind: 'arcsinh', cofactor: ARCSINH_COFACTOR }, domain: [-5 * ARCSINH_COFACTOR, T] };
}

/**
 * A logicle axis from the channel's top down to the most negative value the data call for. A log-amplified channel
 * shows all its decades ($PnE f1: a Beckman "FL1 INT LOG" spans 0.1 to 1024, four decades below a top of 1024).
 */
export function logicleAxis(channel: Channel, compensation: CompensationRef, values: ArrayLike<number>): AxisSpec {
  const T = channelTop(channel);
  const M = Math.min(DISPLAY_DECADES, Math.max(2, Math.log10(T), isLogAmplified(channel) ? channel.amplification[0] : 0));
  const scale: Transform = { kind: 'logicle', T, W: estimateLogicleWidth(values, { T, M }), M, A: 0 };
  return { channel: channel.name, compensation, scale, domain: [inverseTransform(scale, 0), T] };
}

/**
 * One axis for several samples' axes of the same channel and kind: a logicle axis takes the widest linear region
 * (largest W) any sample needs, so no sample's negative events pile at the low edge; other kinds are data-independent.
 */
export function mergeAxes(axes: readonly AxisSpec[]): AxisSpec {
  const [first, ...rest] = axes;
  if (!first) throw new RangeError('mergeAxes needs at least one axis');
  if (first.scale?.kind !== 'logicle') return first;
  let W = first.scale.W;
  for (const axis of rest) if (axis.scale?.kind === 'logicle') W = Math.max(W, axis.scale.W);
  const scale: Transform = { ...first.scale, W };
  return { ...first, scale, domain: [inverseTransform(scale, 0), first.scale.T] };
}
