/**
 * Quadrant thresholds from untreated, double-stained tubes when single-stain controls are missing: on each axis the
 * viable population (the tube's main population) is found and the threshold placed at its upper edge.
 *
 * Rule, on the compensated logicle display axis the user sees: the viable mode m is the highest density peak; its
 * spread σ is the half width at half maximum on its lower side (÷ 1.1774, less the density's own smoothing), which
 * dying cells, all on the upper side, cannot inflate (the upper side when the peak is cut by the bottom of the scale).
 * The threshold is m + 3.5·σ, or the density valley between the viable population and a positive one when that
 * valley lies closer (at least 2σ above m: a positive population that begins before the edge caps it). This is the "negative population's edge" of flowDensity's deGate with
 * sd.threshold (Malek et al., Bioinformatics 2015;31:606) and of FlowJo users placing a quadrant on an untreated tube.
 * On the PI axis the same is done again for the tube's Annexin V-positive, PI-negative cells, whose compensated PI
 * values spread more (photon noise of the spilled FITC signal; Roederer, Cytometry 2001;45:194): their spread is
 * read below the viable mode (a half-normal SD), where late apoptotic cells cannot reach, and the higher threshold
 * is kept, as the control rule keeps the higher of its two populations'. Several untreated tubes each give a
 * threshold; the median is used.
 *
 * Events piled at the bottom of a channel's scale (a log-amplified channel records every signal below its first
 * decade at channel 0) are off scale, not a population: they are found on the uncompensated values, where the pile
 * is exact, and left out. 3.5 SDs was chosen on simulated tubes of six instrument layouts, textbook and messy
 * biology (docs/accuracy.md: any k from 3 to 4.5 keeps every population within 2.4 points there, 3.5 within 1.9);
 * a Gaussian population leaves 0.02% of its cells above it.
 *
 * Failure modes: when the untreated tube is mostly dying cells its main population is not the viable one; a
 * viable population with a heavy upper tail (a dim-positive subpopulation) pushes the edge up.
 */
import type { CompensationRef } from '../compensation/types.ts';
import { aboveBottomPile } from './bottomPile.ts';
import type { FluorescenceChannels } from './compensation.ts';
import { halfWidthAtHalfMaximum, highestMode, splitAtValley } from './densityModes.ts';
import { DISPLAY_SEPARATION, DISPLAY_SMOOTHING, displayDensity, displayValues, offScaleLow, type DisplayValues, type GatedControl } from './gatedControl.ts';
import { percentileOf } from './percentile.ts';

/** Robust SDs above the viable mode. */
export const UNTREATED_EDGE_SDS = 3.5;
/** The valley replaces the edge only this many SDs above the mode or more (closer is a shoulder of the viable peak). */
const MIN_VALLEY_SDS = 2;
/** Fewer Annexin V-positive, PI-negative cells than this leave their PI spread unmeasured. */
const MIN_POSITIVE_EVENTS = 100;
const HWHM_PER_SD = Math.sqrt(2 * Math.LN2);
/** Display units at either end of the axis left out of the density: events piled there are off scale. */
const SCALE_END = 0.02;

export interface EdgeEstimate {
  /** Display units. */
  mode: number;
  sigma: number;
  /** mode + k·sigma, display units. */
  edge: number;
  /** The density valley between the main population and a positive one above it (at least 2σ above the mode), or null. */
  valley: number | null;
}

/** The upper edge of the main population of `display` (display units, on-scale events), by the rule above. */
export function upperEdge(display: Float64Array, k = UNTREATED_EDGE_SDS): EdgeEstimate {
  const density = displayDensity(display.filter((x) => x >= SCALE_END && x <= 1 - SCALE_END));
  const mode = highestMode(density);
  const hwhm = halfWidthAtHalfMaximum(density, 'below') ?? halfWidthAtHalfMaximum(density, 'above') ?? density.binWidth;
  const sigma = Math.sqrt(Math.max((hwhm / HWHM_PER_SD) ** 2 - DISPLAY_SMOOTHING ** 2, density.binWidth ** 2));
  const split = splitAtValley(density, { side: 'above', minSeparation: DISPLAY_SEPARATION, minProminence: 0.01 });
  const valley = split && split.valley >= mode + MIN_VALLEY_SDS * sigma ? split.valley : null;
  return { mode, sigma, edge: mode + k * sigma, valley };
}

/** The edge, or the valley when a positive population begins before it. */
function threshold(estimate: EdgeEstimate, edge = estimate.edge): number {
  return estimate.valley === null ? edge : Math.min(edge, estimate.valley);
}

export interface UntreatedTubeThresholds {
  file: string;
  /** Compensated data units. */
  annexin: number;
  pi: number;
  /** Annexin V-positive, PI-negative cells whose PI spread was measured (0 when too few). */
  spreadEvents: number;
}

/** 1.4826 · the median distance below `centre` of the values below it (a half-normal SD); null for fewer than 50. */
function spreadBelow(values: Float64Array, centre: number): number | null {
  const below = values.filter((x) => x < centre).map((x) => centre - x);
  return below.length < 50 ? null : 1.4826 * percentileOf(below, null, 50);
}

interface AxisEdge {
  axis: DisplayValues;
  /** Events piled at the bottom of the scale (offScaleLow), in `tube.events` order. */
  off: Uint8Array;
  estimate: EdgeEstimate;
}

function axisEdge(tube: GatedControl, channel: string, compensation: CompensationRef): AxisEdge {
  const axis = displayValues(tube, channel, compensation);
  const off = offScaleLow(tube, channel);
  return { axis, off, estimate: upperEdge(axis.display.filter((_, k) => !off[k])) };
}

/** A display value in data units: never beyond the channel's top (display 1), never on its bottom pile. */
function inData(tube: GatedControl, channel: string, compensation: CompensationRef, { scale }: DisplayValues, display: number): number {
  return aboveBottomPile(tube.session.values({ channel, compensation }), tube.events, scale.invert(Math.min(display, 1)));
}

/**
 * The upper edge of the tube's main population on one channel, data units: on a single-stain control's own dye, the
 * edge of its cells negative for the dye, with the dye's background on them (nonspecific binding, dim uptake).
 */
export function viableEdge(tube: GatedControl, channel: string, compensation: CompensationRef): number {
  const { axis, estimate } = axisEdge(tube, channel, compensation);
  return inData(tube, channel, compensation, axis, threshold(estimate));
}

/** Both thresholds from one untreated tube (its session must carry the pre-gates and the compensation). */
export function untreatedTubeThresholds(tube: GatedControl, channels: FluorescenceChannels, compensation: CompensationRef): UntreatedTubeThresholds {
  const annexin = axisEdge(tube, channels.annexin, compensation);
  const pi = axisEdge(tube, channels.pi, compensation);
  const annexinThreshold = threshold(annexin.estimate);
  const piEdge = pi.estimate;
  const positives = pi.axis.display.filter((value, k) => !pi.off[k] && annexin.axis.display[k] >= annexinThreshold && value < threshold(piEdge));
  const spread = positives.length >= MIN_POSITIVE_EVENTS ? spreadBelow(positives, piEdge.mode) : null;
  const piThreshold = threshold(piEdge, spread === null ? piEdge.edge : Math.max(piEdge.edge, piEdge.mode + UNTREATED_EDGE_SDS * spread));
  return {
    file: tube.name,
    annexin: inData(tube, channels.annexin, compensation, annexin.axis, annexinThreshold),
    pi: inData(tube, channels.pi, compensation, pi.axis, piThreshold),
    spreadEvents: spread === null ? 0 : positives.length,
  };
}

function median(values: readonly number[]): number {
  return percentileOf(Float64Array.from(values), null, 50);
}

/** The median of the tubes' thresholds on each axis. */
export function combineUntreated(perTube: readonly UntreatedTubeThresholds[]): { annexin: number; pi: number } {
  return { annexin: median(perTube.map((t) => t.annexin)), pi: median(perTube.map((t) => t.pi)) };
}
