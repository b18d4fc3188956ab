/**
 * Which channels a PI DNA-content analysis reads, and the histogram it fits: the app and the CLI share these so that
 * the same file gives the same numbers in both.
 */
import type { ChannelNames } from '../channels/dyes.ts';
import { pulseParameter, pulsePartner } from '../channels/pulses.ts';
import { noChannelMessage, suggestChannel, type ChannelSuggestion, type DetectorHint } from '../channels/suggest.ts';
import type { Channel } from '../fcs/types.ts';
import { CellCycleError } from './cellCycleError.ts';
import type { SingletPulseParameter } from './singletGate.ts';

/** Linear DNA channels of 1,024 bins: ModFit's and FlowJo's resolution, fine enough for 2–3% CVs. */
export const DNA_HISTOGRAM_BINS = 1024;

/**
 * Detectors where a DNA dye is usually read when no channel names one: FL2/FL3 of FACSCalibur-, Accuri- and
 * Gallios-type instruments and the PE-Texas Red/ECD/PerCP detectors (PI, 7-AAD), the violet detectors (DAPI, Hoechst).
 */
const DNA_DETECTORS: readonly DetectorHint[] = [
  { pattern: /^fl-?[23](?![0-9])/i, score: 3, reason: 'FL2/FL3, where PI is read on 488-nm instruments' },
  { pattern: /pe[-_ ]?(texas|ecd|cf594|dazzle|cy5)|percp|^ecd(?![a-z])/i, score: 3, reason: 'PE-Texas Red, ECD or PerCP detector, where PI and 7-AAD are read' },
  { pattern: /^(bv421|pacific[ -]?blue|v450|dapi|hoechst)/i, score: 2, reason: 'violet detector, where DAPI and Hoechst are read' },
];

export interface DnaChannelNames {
  /** $PnN of the DNA-content area (e.g. PI-A). */
  dna: string;
  /** $PnN of the pulse width (preferred) or height of the same signal, for the singlet gate; null without one. */
  pulse: { channel: string; kind: SingletPulseParameter } | null;
}

/** Channels a DNA content can be read from: not named log-amplified ("FL3 LOG", "PI LogH"). */
function linearChannels<C extends ChannelNames>(channels: readonly C[]): C[] {
  return channels.filter((c) => pulseParameter(c.name).scale !== 'log');
}

/**
 * Which channel holds the DNA dye (src/channels dye catalogue: PI, DAPI, Hoechst, DRAQ5, 7-AAD, FxCycle... named in
 * $PnS or $PnN, "FL1 (PI)" included; else a DNA detector), the area preferred to the height or width of the same
 * signal. `status` says whether one channel stands out.
 */
export function dnaChannelSuggestion(channels: readonly ChannelNames[]): ChannelSuggestion {
  return suggestChannel(linearChannels(channels), 'dna', DNA_DETECTORS);
}

/**
 * The DNA channel and the pulse pair of its singlet gate, when one channel stands out: width (FL3-W, PI-W) before
 * height (FL3-H, PI-H, Gallios "FL3 PEAK LIN"); null pulse when the signal has no other pulse parameter (FL1 alone):
 * singlets are then left to the aggregate model. Null when no channel, or several equally, could hold the DNA dye.
 * @example suggestDnaChannels([{ name: 'PI-A', label: null }, { name: 'PI-W', label: null }]) // { dna: 'PI-A', pulse: { channel: 'PI-W', kind: 'width' } }
 */
export function suggestDnaChannels(channels: readonly ChannelNames[]): DnaChannelNames | null {
  const { suggested } = dnaChannelSuggestion(channels);
  return suggested === null ? null : { dna: suggested, pulse: singletPulse(channels, suggested) };
}

/** The width (else height) of the DNA signal for the singlet gate, or null. */
export function singletPulse(channels: readonly ChannelNames[], dna: string): DnaChannelNames['pulse'] {
  const width = pulsePartner(channels, dna, 'width');
  if (width !== null) return { channel: width, kind: 'width' };
  const height = pulsePartner(channels, dna, 'height');
  return height === null ? null : { channel: height, kind: 'height' };
}

/** Why no DNA channel was chosen, with the channels to choose from; `how` says how to choose. */
export function noDnaChannelMessage(channels: readonly ChannelNames[], how: string): string {
  return noChannelMessage(channels, dnaChannelSuggestion(channels), 'the DNA dye', how);
}

/**
 * Top of the DNA histogram in data units ($PnR ÷ $PnG). The debris and aggregate models need values proportional to
 * DNA content, so a log-amplified channel is refused with a CellCycleError.
 */
export function dnaHistogramTop(channel: Pick<Channel, 'name' | 'range' | 'gain' | 'amplification'>): number {
  if (channel.amplification[0] > 0) {
    throw new CellCycleError(
      'log-scale',
      `The DNA channel "${channel.name}" was recorded log-amplified ($PnE): cell-cycle models need DNA content on a linear scale. Choose the linear (LIN, area) DNA channel, or record the DNA dye linear.`,
    );
  }
  return channel.range / (channel.gain > 0 ? channel.gain : 1);
}
