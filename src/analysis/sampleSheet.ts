/**
 * The experiment layout: what each tube is (assay, control role, dose, time). Inferred from file names and
 * channels the way labs name tubes ("AnnV-PI_24h_050nM.fcs", "PI only", "unstained"), then editable by the user.
 */
import { channelDyes, dyeFor, type ChannelNames } from '../channels/dyes.ts';
import { areaLike, pulseParameter } from '../channels/pulses.ts';

export type Assay = 'apoptosis' | 'cellCycle';
export type SampleRole = 'sample' | 'unstained' | 'annexinOnly' | 'piOnly';

export interface SampleAnnotation {
  assay: Assay | null;
  role: SampleRole;
  doseNm: number | null;
  timeH: number | null;
}

const ROLE_PATTERNS: readonly [SampleRole, RegExp][] = [
  ['unstained', /\b(unstained|unstain|no[ _-]?stain|blank)\b/i],
  ['annexinOnly', /\b(ann(exin)?[ _-]?v?|fitc)[ _-]?only\b|\bonly[ _-]?(ann(exin)?|fitc)/i],
  ['piOnly', /\b(pi|7[ _-]?aad)[ _-]?only\b|\bonly[ _-]?pi\b/i],
];

const UNIT_TO_NM: Record<string, number> = { pm: 1e-3, nm: 1, um: 1e3, µm: 1e3, mm: 1e6 };

/** Dose in nM from "050nM", "0.5uM", "100 nM"; null when the name carries none. */
export function parseDoseNm(text: string): number | null {
  // "MM" in capitals is a myeloma line (MM1S, MM.1S) or an initial, never a lab's millimolar.
  const match = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(pM|nM|uM|µM|mM)(?![a-z0-9])/gi)].find((m) => m[2] !== 'MM');
  return match ? Number(match[1]) * UNIT_TO_NM[match[2].toLowerCase()] : null;
}

/** Time in hours from "24h", "48 hr", "72hours"; null when absent. */
export function parseTimeH(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?)(?![a-z])/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** File names that say the assay: "AnnV-PI_24h.fcs", "PI only" (an apoptosis control), "cellcycle_48h", "PI-DNA". */
const APOPTOSIS_NAME = /ann(exin)?[ _-]?v|apoptosis|\b(pi|7[ _-]?aad)[ _-]?only\b/i;
const CELL_CYCLE_NAME = /cell[ _-]?cycle|\bdna\b|ploidy/i;

/**
 * A channel that measures DNA content: a DNA dye named in $PnS, or in the name of a linear area channel ("PI-A",
 * "DAPI-A") or of its pulse width or height ("PI-W"); a log-amplified detector named after PI in a large panel
 * ("488/552nm PI (615/30) LogH") is not one.
 */
function measuresDna(channel: ChannelNames): boolean {
  const dye = dyeFor(channel, 'dna');
  const pulse = pulseParameter(channel.name);
  if (dye?.source === '$PnS') return true;
  if (pulse.scale === 'log') return false;
  if (dye && areaLike(pulse)) return true;
  return (pulse.kind === 'width' || pulse.kind === 'height') && dyeFor({ name: pulse.stem, label: null }, 'dna') !== null;
}

/**
 * The assay from the channels that matter (the dye catalogue, src/channels/dyes.ts): a channel named for Annexin V
 * makes an apoptosis tube (with a viability dye, or alone in an Annexin V-only control labelled with its one dye);
 * a DNA-content channel without Annexin V makes a cell-cycle tube. Any other panel is neither (null, shown as
 * "Other"), FITC or PE detectors included. Only when no channel names a dye does the file name decide; it also
 * marks a DNA-dye tube named as an apoptosis control ("PI only") as apoptosis.
 */
export function inferAssay(channels: readonly ChannelNames[], fileName = ''): Assay | null {
  if (channels.some((c) => dyeFor(c, 'annexin') !== null)) return 'apoptosis';
  const dna = channels.some(measuresDna);
  if (dna && !APOPTOSIS_NAME.test(fileName)) return 'cellCycle';
  if (!dna && channels.some((c) => channelDyes(c).length > 0)) return null;
  if (APOPTOSIS_NAME.test(fileName)) return 'apoptosis';
  return CELL_CYCLE_NAME.test(fileName) ? 'cellCycle' : null;
}

export function inferAnnotation(fileName: string, channels: readonly ChannelNames[]): SampleAnnotation {
  const stem = fileName.replace(/\.[^.]+$/, '').replaceAll('_', ' ');
  const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(stem))?.[0] ?? 'sample';
  return { assay: inferAssay(channels, stem), role, doseNm: parseDoseNm(stem), timeH: parseTimeH(stem) };
}
