/**
 * Which channel of a file plays a role (Annexin V, viability dye, DNA dye): a dye named in $PnS is the strongest
 * evidence, a dye named in $PnN next; a detector name ("FITC-A", "FL3-H") is weak evidence, since one detector
 * serves many dyes, and each assay brings its own detector hints. Ties are reported, never resolved silently, and
 * when nothing fits the file's fluorescence channels are the candidates a user chooses from.
 */
import { channelDyes, describeChannel, dyeNamed, type ChannelNames, type DyeUse } from './dyes.ts';
import { pulseParameter } from './pulses.ts';

export interface ChannelCandidate {
  /** $PnN. */
  name: string;
  label: string | null;
  score: number;
  /** Why it was proposed, for the UI ("stain name ($PnS) is 7-AAD", "FITC detector"...). */
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

/** A detector name that suggests a role when no dye is named. Scores stay below a named dye's. */
export interface DetectorHint {
  pattern: RegExp;
  score: number;
  reason: string;
}

const DYE_IN_LABEL_SCORE = 10;
const DYE_IN_NAME_SCORE = 8;

const SCATTER_OR_TIME = /^(fsc|ssc|fs|ss|time)\b|^(fsc|ssc)[-_ ]|^(event|hdr)/i;

/** Channels that carry fluorescence: not scatter, time or event counters. */
export function fluorescenceChannels<C extends ChannelNames>(channels: readonly C[]): C[] {
  return channels.filter((c) => !SCATTER_OR_TIME.test(c.name.trim()));
}

/** Area parameters are what quadrants and DNA histograms read; heights and widths only when no area exists. */
function pulseAdjustment(name: string): number {
  const { kind } = pulseParameter(name);
  return kind === 'area' ? 0.5 : kind === null ? 0 : -0.5;
}

function scoreChannel(channel: ChannelNames, use: DyeUse, hints: readonly DetectorHint[]): ChannelCandidate | null {
  const dye = channelDyes(channel).find((d) => d.uses.includes(use));
  const hint = hints.find((h) => h.pattern.test(channel.name.trim()));
  if (!dye && !hint) return null;
  const dyeScore = dye ? (dye.source === '$PnS' ? DYE_IN_LABEL_SCORE : DYE_IN_NAME_SCORE) : 0;
  const dyeReason = dye && (dye.source === '$PnS' ? `stain name ($PnS) mentions ${dye.dye}` : `channel name ($PnN) mentions ${dye.dye}`);
  return {
    name: channel.name,
    label: channel.label,
    score: dyeScore + (hint?.score ?? 0) + pulseAdjustment(channel.name),
    reason: [dyeReason, hint?.reason].filter((r) => typeof r === 'string').join('; '),
  };
}

/** The channels fit for `use`, best first, leaving out `exclude` (a channel already given another role). */
export function suggestChannel(channels: readonly ChannelNames[], use: DyeUse, hints: readonly DetectorHint[], exclude: readonly string[] = []): ChannelSuggestion {
  const candidates = fluorescenceChannels(channels)
    .filter((c) => !exclude.includes(c.name))
    .map((c) => scoreChannel(c, use, hints))
    .filter((c) => c !== null)
    .toSorted((a, b) => b.score - a.score);
  if (candidates.length === 0) return { status: 'none', suggested: null, candidates: [] };
  const tied = candidates.length > 1 && candidates[1].score === candidates[0].score;
  return { status: tied ? 'ambiguous' : 'confident', suggested: tied ? null : candidates[0].name, candidates };
}

/**
 * Why no channel could be chosen for a role, with what the user can pick from: the tied candidates, or else every
 * fluorescence channel. `role` names the role ("Annexin V"), `how` says how to choose ("give it with --annexin").
 */
export function noChannelMessage(channels: readonly ChannelNames[], suggestion: ChannelSuggestion, role: string, how: string): string {
  if (suggestion.status === 'ambiguous') {
    const tied = suggestion.candidates.filter((c) => c.score === suggestion.candidates[0].score);
    return `Several channels could hold ${role}: ${tied.map(describeChannel).join(', ')}; ${how}.`;
  }
  const fluorescence = fluorescenceChannels(channels);
  if (fluorescence.length === 0) return `No channel can hold ${role}: the file has no fluorescence channel.`;
  return `No channel is named for ${role}; ${how}: the fluorescence channels are ${fluorescence.map(describeChannel).join(', ')}.`;
}

/**
 * The channel a user named: $PnN, else $PnS, case-insensitively, else a token of $PnS or $PnN that names the same
 * dye ("7-AAD" finds "viability;7-AAD;695/40@488/A"; "PI" finds PI-A before PI-W). Returns null when nothing matches; throws RangeError naming
 * the channels when several match equally.
 */
export function findChannel(channels: readonly ChannelNames[], query: string): string | null {
  const wanted = query.trim().toLowerCase();
  const byName = channels.find((c) => c.name.trim().toLowerCase() === wanted);
  if (byName) return byName.name;
  const unique = (matches: readonly ChannelNames[], what: string): string | null => {
    if (matches.length > 1) {
      throw new RangeError(`"${query}" is the ${what} of ${matches.length} channels (${matches.map((c) => c.name).join(', ')}); give the channel name ($PnN) instead`);
    }
    return matches[0]?.name ?? null;
  };
  const byLabel = unique(channels.filter((c) => c.label?.trim().toLowerCase() === wanted), 'stain name');
  if (byLabel !== null) return byLabel;
  const dye = dyeNamed(query);
  if (dye === null) return null;
  const stained = channels.filter((c) => channelDyes(c).some((d) => d.dye === dye));
  // "PI" on a file with PI-A, PI-H and PI-W means the area.
  const areas = stained.filter((c) => pulseParameter(c.name).kind === 'area');
  return unique(areas.length === 1 ? areas : stained, `${dye} stain`);
}
