/**
 * Pulse parameters as instruments name them: one detector's signal ("stem") measured as its pulse area (integral),
 * height (peak) or width (time of flight). BD writes FSC-A / FSC-H / FSC-W, Accuri and FACSCalibur FL2-A / FL2-W,
 * Beckman Gallios/Navios "FS INT LIN", "FS PEAK LIN", "FS TOF LIN", Astrios "FL2-Area", Stratedigm "FL1 LinA",
 * iCyt "FL1-Peak-Lin". A signal with no pulse word (Beckman "FS", "FL1 Log", Partec "FSC") is the instrument's
 * one reading of that detector: an integral or a peak, depending on the instrument.
 */
import type { ChannelNames } from './dyes.ts';

export type PulseKind = 'area' | 'height' | 'width';

export interface PulseParameter {
  /** The detector or signal, upper-cased, without pulse and scale words: "FSC", "FL2", "PI". */
  stem: string;
  /** Null for a channel with no pulse word. */
  kind: PulseKind | null;
  /** Amplification named in the channel ("LIN", "LOG"); null when the name does not say. */
  scale: 'lin' | 'log' | null;
}

const KIND_WORDS: readonly [RegExp, PulseKind][] = [
  [/^(a|area|int|integral)$/i, 'area'],
  [/^(h|height|peak|pk)$/i, 'height'],
  [/^(w|width|tof)$/i, 'width'],
];
/** Stratedigm's fused scale + kind suffix: "LinH", "LogA". */
const FUSED = /^(lin|log)([ahw])$/i;

function kindOf(token: string): PulseKind | null {
  return KIND_WORDS.find(([pattern]) => pattern.test(token))?.[1] ?? null;
}

/**
 * A channel name split into stem, pulse kind and scale.
 * @example pulseParameter('FS PEAK LIN') // { stem: 'FS', kind: 'height', scale: 'lin' }
 * @example pulseParameter('FL2-A') // { stem: 'FL2', kind: 'area', scale: null }
 */
export function pulseParameter(name: string): PulseParameter {
  const tokens = name.trim().split(/[\s_-]+/).filter((t) => t !== '');
  let kind: PulseKind | null = null;
  let scale: PulseParameter['scale'] = null;
  // Pulse and scale words follow the stem; the stem keeps everything before the first of them.
  let stemEnd = tokens.length;
  for (let i = tokens.length - 1; i >= 1; i--) {
    const token = tokens[i];
    const fused = FUSED.exec(token);
    const tokenKind = fused ? kindOf(fused[2]) : kindOf(token);
    const tokenScale = fused ? fused[1] : /^(lin|log)$/i.test(token) ? token : null;
    if (tokenKind === null && tokenScale === null) break;
    kind ??= tokenKind;
    scale ??= tokenScale === null ? null : (tokenScale.toLowerCase() as 'lin' | 'log');
    stemEnd = i;
  }
  return { stem: tokens.slice(0, stemEnd).join(' ').toUpperCase(), kind, scale };
}

/**
 * The channel of the same signal as `channel` measured as `kind`, or null: FL2-A → FL2-W, "FS INT LIN" → "FS PEAK
 * LIN". Among several (a linear and a log height), the one on the same scale as `channel` first.
 */
export function pulsePartner(channels: readonly ChannelNames[], channel: string, kind: PulseKind): string | null {
  const own = pulseParameter(channel);
  const partners = channels.filter((c) => {
    const p = pulseParameter(c.name);
    return c.name !== channel && p.stem === own.stem && p.kind === kind;
  });
  const sameScale = partners.find((c) => pulseParameter(c.name).scale === own.scale);
  return (sameScale ?? partners[0])?.name ?? null;
}

/** The channels carrying `stem`'s signal as an area, or with no pulse word (the instrument's one reading). */
export function areaLike(parameter: PulseParameter): boolean {
  return parameter.kind === 'area' || parameter.kind === null;
}
