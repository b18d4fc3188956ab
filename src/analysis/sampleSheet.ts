/**
 * The experiment layout: what each tube is (assay, control role, dose, time). Inferred from file names and
 * channels the way labs name tubes ("AnnV-PI_24h_050nM.fcs", "PI only", "unstained"), then editable by the user.
 */
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
  const match = /(\d+(?:\.\d+)?)\s*(pM|nM|uM|µM|mM)(?![a-z])/i.exec(text);
  return match ? Number(match[1]) * UNIT_TO_NM[match[2].toLowerCase()] : null;
}

/** Time in hours from "24h", "48 hr", "72hours"; null when absent. */
export function parseTimeH(text: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*(h|hr|hrs|hours?)(?![a-z])/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** A cell-cycle tube has a DNA width/height channel and no Annexin; an apoptosis tube has an Annexin stain or FITC + PI. */
export function inferAssay(channels: readonly { name: string; label: string | null }[]): Assay | null {
  const text = channels.map((c) => `${c.name} ${c.label ?? ''}`).join(' | ');
  if (/annexin|fitc|af ?488|alexa ?fluor ?488/i.test(text)) return 'apoptosis';
  if (/\b(pi|dapi|7[ _-]?aad|dna|hoechst|fxcycle)[ _-]?[wh]\b/i.test(text) || /\b(pi|dna)[ _-]?(width|height)\b/i.test(text)) return 'cellCycle';
  return null;
}

export function inferAnnotation(fileName: string, channels: readonly { name: string; label: string | null }[]): SampleAnnotation {
  const stem = fileName.replace(/\.[^.]+$/, '').replaceAll('_', ' ');
  const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(stem))?.[0] ?? 'sample';
  return { assay: inferAssay(channels), role, doseNm: parseDoseNm(stem), timeH: parseTimeH(stem) };
}
