/**
 * Which channels of a file carry Annexin V and the viability dye (PI, 7-AAD, DAPI, SYTOX...): the dye catalogue
 * (src/channels) reads stain names in $PnS and $PnN; without one, the usual detectors of a 488-nm Annexin V-FITC/PI
 * panel are weak hints (R&D Systems and BD Annexin V/PI protocols: FITC in the 530/30 detector, PI in the PE or
 * PerCP detector). Ties are reported, never resolved silently.
 */
import { suggestChannel, type ChannelSuggestion, type DetectorHint } from '../channels/suggest.ts';
import type { ChannelNames } from '../channels/dyes.ts';
import type { Channel } from '../fcs/types.ts';

export type ChannelRole = 'annexin' | 'pi';

const ANNEXIN_DETECTORS: readonly DetectorHint[] = [
  { pattern: /fitc|alexa\s*fluor\s*488|\baf\s*-?488|\bbb515\b|\bb530\b|^bl1\b/i, score: 5, reason: 'FITC / Alexa Fluor 488 detector' },
  { pattern: /^fl-?1\b/i, score: 3, reason: 'FL1, the FITC detector of Accuri, FACSCalibur and Beckman instruments' },
];

const VIABILITY_DETECTORS: readonly DetectorHint[] = [
  { pattern: /^pe(-a|-h|-w)?$|^pe[-_ ]?(texas|ecd|cf594|dazzle|cy5|-?cy5\.5)|percp|\becd\b|\bpe-?cy5\b/i, score: 5, reason: 'PE-family or PerCP detector, where PI is read' },
  { pattern: /^fl-?[23]\b/i, score: 3, reason: 'FL2/FL3, the PI detectors of Accuri, FACSCalibur and Beckman instruments' },
];

/**
 * Annexin V and viability-dye channel suggestions for a data set. The viability suggestion never proposes the
 * channel confidently suggested for Annexin V, so a file whose only stain label is "Annexin V" on FITC-A still gets
 * PE-A for PI.
 */
export function suggestApoptosisChannels(channels: readonly ChannelNames[]): Record<ChannelRole, ChannelSuggestion> {
  const annexin = suggestChannel(channels, 'annexin', ANNEXIN_DETECTORS);
  const pi = suggestChannel(channels, 'viability', VIABILITY_DETECTORS, annexin.suggested === null ? [] : [annexin.suggested]);
  return { annexin, pi };
}

/** Scatter channels for the pre-gates: FSC and SSC areas and the FSC pulse height (or width) for singlets. */
export interface ScatterChannels {
  fscArea: string;
  sscArea: string;
  singletPulse: { channel: string; kind: 'height' | 'width' };
}

function firstMatching(channels: readonly Pick<Channel, 'name'>[], patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = channels.find((c) => pattern.test(c.name.trim()));
    if (found) return found.name;
  }
  return null;
}

/**
 * FSC-A/SSC-A (or FSC/SSC, FS/SS on instruments without pulse processing) and FSC-H, else FSC-W.
 * Throws RangeError listing the file's channels when forward or side scatter, or any FSC pulse parameter, is missing.
 */
export function findScatterChannels(channels: readonly Pick<Channel, 'name'>[]): ScatterChannels {
  const fscArea = firstMatching(channels, [/^fsc[-_ ]?a(rea)?$/i, /^fs[-_ ]?a(rea)?$/i, /^fsc$/i, /^fs$/i]);
  const sscArea = firstMatching(channels, [/^ssc[-_ ]?a(rea)?$/i, /^ss[-_ ]?a(rea)?$/i, /^ssc$/i, /^ss$/i]);
  const height = firstMatching(channels, [/^fsc?[-_ ]?h(eight)?$/i]);
  const width = firstMatching(channels, [/^fsc?[-_ ]?w(idth)?$/i]);
  const available = channels.map((c) => c.name).join(', ');
  if (!fscArea || !sscArea) throw new RangeError(`no ${fscArea ? 'side' : 'forward'} scatter area channel (FSC-A/SSC-A) among ${available}`);
  const pulse = height ?? width;
  if (!pulse) throw new RangeError(`no FSC-H or FSC-W channel for the singlet gate among ${available}`);
  return { fscArea, sscArea, singletPulse: { channel: pulse, kind: height ? 'height' : 'width' } };
}

/** A tube as an analysis reads it: its name and the channels of each role. */
export interface TubeChannels {
  name: string;
  fluorescence: { annexin: string; pi: string };
  scatter: ScatterChannels;
}

function channelList({ fluorescence, scatter }: TubeChannels): string {
  return [fluorescence.annexin, fluorescence.pi, scatter.fscArea, scatter.sscArea, scatter.singletPulse.channel].join(', ');
}

/**
 * Why a tube cannot be analysed together with the reference tube (they read different channels, so they come from
 * different instrument setups), or null when they match.
 */
export function setupMismatch(tube: TubeChannels, reference: TubeChannels): string | null {
  const channels = channelList(tube);
  const expected = channelList(reference);
  return channels === expected ? null : `"${tube.name}" uses channels ${channels}, but "${reference.name}" uses ${expected}; analyse files of one instrument setup together.`;
}
