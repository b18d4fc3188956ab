/**
 * Which channels of a file carry Annexin V and the viability dye (PI, 7-AAD, DAPI, SYTOX...): the dye catalogue
 * (src/channels) reads stain names in $PnS and $PnN; without one, the usual detectors of a 488-nm Annexin V-FITC/PI
 * panel are weak hints (R&D Systems and BD Annexin V/PI protocols: FITC in the 530/30 detector, PI in the PE or
 * PerCP detector). Ties are reported, never resolved silently.
 */
import { suggestChannel, type ChannelSuggestion, type DetectorHint } from '../channels/suggest.ts';
import type { ChannelNames } from '../channels/dyes.ts';
import type { ScatterChannels } from '../channels/scatter.ts';

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

/** A tube as an analysis reads it: its name and the channels of each role. */
export interface TubeChannels {
  name: string;
  fluorescence: { annexin: string; pi: string };
  scatter: ScatterChannels;
}

function channelList({ fluorescence, scatter }: TubeChannels): string {
  const pulse = scatter.singletPulse;
  return [...new Set([fluorescence.annexin, fluorescence.pi, scatter.fsc, scatter.ssc, ...(pulse ? [pulse.area, pulse.pulse] : [])])].join(', ');
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
