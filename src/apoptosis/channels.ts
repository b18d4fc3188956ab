/**
 * Which channels of a file carry Annexin V, the viability dye (PI, 7-AAD) and the scatter pulses. Stain names in
 * $PnS are the strongest evidence; detector names in $PnN ($PnN "FITC-A", "PE-A", "FL1-A") are weaker, since one
 * detector serves many dyes. Ties are reported, never resolved silently.
 */
import type { Channel } from '../fcs/types.ts';

export type ChannelRole = 'annexin' | 'pi';

export interface ChannelCandidate {
  /** $PnN. */
  name: string;
  label: string | null;
  score: number;
  /** Why it was proposed, for the UI ("$PnS says PI", "FITC detector"...). */
  reason: string;
}

export interface ChannelSuggestion {
  /** confident: one best candidate; ambiguous: several equally good ones, the user must pick; none: nothing fits. */
  status: 'confident' | 'ambiguous' | 'none';
  /** $PnN of the best candidate when confident, else null. */
  suggested: string | null;
  /** Best first. */
  candidates: ChannelCandidate[];
}

interface Evidence {
  pattern: RegExp;
  score: number;
  reason: string;
}

// Stain words in $PnS outrank detector words; among detectors, the usual FITC/PE-family detectors of a 488-nm
// Annexin V-FITC/PI panel (R&D Systems and BD Annexin V/PI protocols) outrank generic FLn names.
const LABEL_EVIDENCE: Record<ChannelRole, Evidence[]> = {
  annexin: [{ pattern: /annexin|\bannv\b|\banx(a5)?\b/i, score: 10, reason: 'stain name ($PnS) mentions Annexin V' }],
  pi: [
    { pattern: /propidium|(^|[^a-z])pi([^a-z]|$)/i, score: 10, reason: 'stain name ($PnS) is PI' },
    { pattern: /7-?aad|viability|live\s*\/?\s*dead|sytox|\bdapi\b/i, score: 9, reason: 'stain name ($PnS) is a viability dye' },
  ],
};

const NAME_EVIDENCE: Record<ChannelRole, Evidence[]> = {
  annexin: [
    { pattern: /fitc|alexa\s*fluor\s*488|\baf\s*-?488|\bbb515\b|\bb530\b/i, score: 5, reason: 'FITC / Alexa Fluor 488 detector' },
    { pattern: /^fl-?1\b/i, score: 3, reason: 'FL1, the FITC detector of Accuri/FACSCalibur-type instruments' },
  ],
  pi: [
    { pattern: /^pe(-a|-h|-w)?$|^pe[-_ ]?(texas|ecd|cf594|dazzle|cy5|-?cy5\.5)|percp|\becd\b|\bpe-?cy5\b/i, score: 5, reason: 'PE-family or PerCP detector, where PI is read' },
    { pattern: /propidium|(^|[^a-z])pi([^a-z]|$)|7-?aad/i, score: 6, reason: 'channel name ($PnN) names the dye' },
    { pattern: /^fl-?[23]\b/i, score: 3, reason: 'FL2/FL3, the PI detectors of Accuri/FACSCalibur-type instruments' },
  ],
};

const SCATTER_OR_TIME = /^(fsc|ssc|fs|ss|time)\b|^(fsc|ssc)[-_ ]/i;

/** Area parameters are what quadrants are drawn on; heights and widths only when no area exists. */
function pulseAdjustment(name: string): number {
  if (/-a$|area$/i.test(name)) return 0.5;
  if (/-(h|w)$|height$|width$/i.test(name)) return -0.5;
  return 0;
}

function scoreChannel(channel: Pick<Channel, 'name' | 'label'>, role: ChannelRole): ChannelCandidate | null {
  if (SCATTER_OR_TIME.test(channel.name.trim())) return null;
  const label = channel.label?.trim() ?? '';
  const byLabel = LABEL_EVIDENCE[role].find((e) => label !== '' && e.pattern.test(label));
  const byName = NAME_EVIDENCE[role].find((e) => e.pattern.test(channel.name.trim()));
  if (!byLabel && !byName) return null;
  const reasons = [byLabel?.reason, byName?.reason].filter((r): r is string => r !== undefined);
  return {
    name: channel.name,
    label: channel.label,
    score: (byLabel?.score ?? 0) + (byName?.score ?? 0) + pulseAdjustment(channel.name.trim()),
    reason: reasons.join('; '),
  };
}

function suggestionFrom(candidates: ChannelCandidate[]): ChannelSuggestion {
  const sorted = candidates.toSorted((a, b) => b.score - a.score);
  if (sorted.length === 0) return { status: 'none', suggested: null, candidates: [] };
  const tied = sorted.length > 1 && sorted[1].score === sorted[0].score;
  return { status: tied ? 'ambiguous' : 'confident', suggested: tied ? null : sorted[0].name, candidates: sorted };
}

/**
 * Annexin V and PI channel suggestions for a data set. The PI suggestion never proposes the channel confidently
 * suggested for Annexin V, so a file whose only stain label is "Annexin V" on FITC-A still gets PE-A for PI.
 */
export function suggestApoptosisChannels(channels: readonly Pick<Channel, 'name' | 'label'>[]): Record<ChannelRole, ChannelSuggestion> {
  const score = (role: ChannelRole) => channels.map((c) => scoreChannel(c, role)).filter((c): c is ChannelCandidate => c !== null);
  const annexin = suggestionFrom(score('annexin'));
  const pi = suggestionFrom(score('pi').filter((c) => c.name !== annexin.suggested));
  return { annexin, pi };
}

/**
 * The channel a user named on the command line: $PnN or $PnS, case-insensitively, $PnN first.
 * Returns null when nothing matches; throws RangeError naming the channels when several $PnS match.
 */
export function findChannel(channels: readonly Pick<Channel, 'name' | 'label'>[], query: string): string | null {
  const wanted = query.trim().toLowerCase();
  const byName = channels.find((c) => c.name.trim().toLowerCase() === wanted);
  if (byName) return byName.name;
  const byLabel = channels.filter((c) => c.label?.trim().toLowerCase() === wanted);
  if (byLabel.length > 1) {
    throw new RangeError(`"${query}" is the stain name of ${byLabel.length} channels (${byLabel.map((c) => c.name).join(', ')}); give the channel name ($PnN) instead`);
  }
  return byLabel[0]?.name ?? null;
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
