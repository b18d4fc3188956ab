/**
 * The dye catalogue: which stains a channel carries, read from its $PnN or from any part of its $PnS the way labs
 * write them ("Annexin V-APC", "viability;7-AAD;695/40@488/A", "FL1 (PI)", "Hoescht"). Each dye has the uses the
 * two assays care about: Annexin V marks apoptotic cells, a viability dye marks cells with a broken membrane, and
 * a DNA dye measures DNA content. PI, 7-AAD and DAPI are both viability and DNA dyes; a label that says
 * "viability" (or "live/dead") restricts it to viability, as in a phenotyping panel's dead-cell stain.
 */

export type DyeUse = 'annexin' | 'viability' | 'dna';

/** A channel as a file names it: $PnN and $PnS. */
export interface ChannelNames {
  name: string;
  label: string | null;
}

export interface Dye {
  /** The name messages use. */
  name: string;
  uses: readonly DyeUse[];
  /** Matches the dye's names inside a longer text. */
  pattern: RegExp;
}

/** `source` as a whole word: not preceded or followed by a letter or digit ("PI" in "FL1 (PI)" or "PI-A", not "PIPES"). */
function word(source: string): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, 'i');
}

/**
 * The catalogue. Permeant DNA dyes (Hoechst, DRAQ5, DyeCycle) stain every cell and are DNA dyes only; impermeant
 * ones (PI, 7-AAD, DAPI at low dose, SYTOX, DRAQ7) enter cells whose membrane is broken, so they serve as viability
 * dyes in unfixed cells and as DNA dyes in fixed ones (Darzynkiewicz et al., Curr Protoc Cytom 2011, ch. 7.38;
 * Thermo Fisher Molecular Probes Handbook ch. 8). Fixable amine dyes (Zombie, LIVE/DEAD fixable, eFluor FVD) are
 * viability dyes only.
 */
export const DYE_CATALOGUE: readonly Dye[] = [
  { name: 'Annexin V', uses: ['annexin'], pattern: word('annexin(?:[ -]?(?:v|5|a5))?|annv|anxa?5|anx[ -]?v') },
  { name: 'PI', uses: ['viability', 'dna'], pattern: word('pi|propidium(?:[ -]iodide)?') },
  { name: '7-AAD', uses: ['viability', 'dna'], pattern: word('7[ -]?aad') },
  { name: 'DAPI', uses: ['viability', 'dna'], pattern: word('dapi') },
  { name: 'SYTOX', uses: ['viability', 'dna'], pattern: word('sytox') },
  { name: 'DRAQ7', uses: ['viability', 'dna'], pattern: word('draq[ -]?7') },
  { name: 'TO-PRO-3', uses: ['viability'], pattern: word('to-?pro[ -]?3') },
  { name: 'DRAQ5', uses: ['dna'], pattern: word('draq[ -]?5') },
  { name: 'Hoechst', uses: ['dna'], pattern: word('hoe(?:chst|scht)(?:[ -]?33(?:342|258))?') },
  { name: 'FxCycle', uses: ['dna'], pattern: word('fx[ -]?cycle') },
  { name: 'DyeCycle', uses: ['dna'], pattern: word('(?:vybrant[ -]?)?dye[ -]?cycle') },
  { name: 'DNA', uses: ['dna'], pattern: word('dna') },
  { name: 'fixable viability dye', uses: ['viability'], pattern: word('zombie|fvd|fixable[ -]?viability|viakrome|ghost[ -]?dye') },
  { name: 'LIVE/DEAD', uses: ['viability'], pattern: /live\s*\/\s*dead|(?<![a-z0-9])l\/d(?![a-z0-9])/i },
  { name: 'viability dye', uses: ['viability'], pattern: word('viability|viab|dead[ -]?cell') },
];

/** A label that names the stain's purpose as viability: its DNA dye is not read as a DNA-content stain. */
const VIABILITY_PURPOSE = word('viability|viab|live\\s*/\\s*dead|dead[ -]?cell|l/d');

export interface DyeEvidence {
  dye: string;
  /** What the dye is for in this channel (a "viability" label drops 'dna'). */
  uses: DyeUse[];
  /** Where the name was found; a stain name ($PnS) is what the user typed, the channel name often a detector. */
  source: '$PnS' | '$PnN';
}

function dyesIn(text: string, source: DyeEvidence['source']): DyeEvidence[] {
  if (text.trim() === '') return [];
  const viabilityOnly = VIABILITY_PURPOSE.test(text);
  return DYE_CATALOGUE.filter((dye) => dye.pattern.test(text)).map((dye) => ({
    dye: dye.name,
    uses: dye.uses.filter((use) => !(viabilityOnly && use === 'dna')),
    source,
  }));
}

/** Every catalogue dye a channel names, from its $PnS first, then from its $PnN (each dye once). */
export function channelDyes(channel: ChannelNames): DyeEvidence[] {
  const found = dyesIn(channel.label ?? '', '$PnS');
  for (const evidence of dyesIn(channel.name, '$PnN')) if (!found.some((f) => f.dye === evidence.dye)) found.push(evidence);
  return found;
}

/** The first dye of the channel with `use`, or null. */
export function dyeFor(channel: ChannelNames, use: DyeUse): DyeEvidence | null {
  return channelDyes(channel).find((d) => d.uses.includes(use)) ?? null;
}

/** The dye `text` names as a whole ("7-AAD", "propidium iodide"), or null ("PI-W" is a channel, not a dye). */
export function dyeNamed(text: string): string | null {
  const wanted = text.trim();
  const dye = DYE_CATALOGUE.find((d) => d.pattern.exec(wanted)?.[0].length === wanted.length);
  return dye?.name ?? null;
}

/** "FL1-H (PI)": a channel as messages name it. */
export function describeChannel(channel: ChannelNames): string {
  const label = channel.label?.trim();
  return label && label !== channel.name.trim() ? `${channel.name} (${label})` : channel.name;
}
