/**
 * Forward and side scatter on any instrument layout, for the cells gate and the scatter singlet gate: BD digital
 * (FSC-A/SSC-A with -H and -W), area-only exports (FSC-A/SSC-A), FACSCalibur/FACScan (FSC-H/SSC-H only), Beckman
 * (FS/SS, "FS INT LIN" with "FS PEAK LIN" and "FS TOF LIN"), Partec and Cytek (FSC/SSC), Stratedigm ("FSC LinH").
 * Log-amplified scatter ($PnE) is read decoded to linear values by the FCS reader like every channel, so a gate
 * in data units means the same on either amplification.
 */
import { describeChannel, type ChannelNames } from './dyes.ts';
import { areaLike, pulseParameter, pulsePartner, type PulseKind, type PulseParameter } from './pulses.ts';

const FORWARD = /^(FSC|FS|FORWARD SCATTER|FALS)\d?$/;
const SIDE = /^(SSC|SS|SIDE SCATTER|SALS|90LS)\d?$/;

export interface SingletPair {
  /** Pulse area (or the instrument's integral reading) of the scatter signal. */
  area: string;
  /** Pulse height or width of the same signal. */
  pulse: string;
  kind: Exclude<PulseKind, 'area'>;
}

export interface ScatterChannels {
  /** Forward scatter of the cells gate: the area when the file has one, else the height or plain reading. */
  fsc: string;
  /** Side scatter of the cells gate, of the same pulse kind as `fsc` where the file allows. */
  ssc: string;
  /** Area against height (else width) of forward scatter (else side scatter); null when the file has no pulse pair. */
  singletPulse: SingletPair | null;
}

interface Scatter {
  name: string;
  parameter: PulseParameter;
}

function scatterOf(channels: readonly ChannelNames[], pattern: RegExp): Scatter[] {
  return channels.flatMap((c) => {
    const parameter = pulseParameter(c.name);
    return pattern.test(parameter.stem) ? [{ name: c.name, parameter }] : [];
  });
}

/** Area (or plain) before height before width; linear before log, as scatter is usually acquired linear. */
function rank({ parameter }: Scatter): number {
  const kind = areaLike(parameter) ? 0 : parameter.kind === 'height' ? 1 : 2;
  return kind * 2 + (parameter.scale === 'log' ? 1 : 0);
}

function best(scatter: readonly Scatter[], kind?: PulseParameter['kind']): Scatter | null {
  const pool = kind === undefined ? scatter : scatter.filter((s) => s.parameter.kind === kind);
  return pool.toSorted((a, b) => rank(a) - rank(b))[0] ?? null;
}

function singletPair(channels: readonly ChannelNames[], scatter: readonly Scatter[]): SingletPair | null {
  for (const area of scatter.filter((s) => areaLike(s.parameter)).toSorted((a, b) => rank(a) - rank(b))) {
    for (const kind of ['height', 'width'] as const) {
      const pulse = pulsePartner(channels, area.name, kind);
      if (pulse !== null) return { area: area.name, pulse, kind };
    }
  }
  return null;
}

/**
 * The scatter pair and singlet pair of a file, or a sentence saying what is missing and listing its channels.
 * @example findScatterChannels([{ name: 'FSC-H', label: null }, { name: 'SSC-H', label: null }]) // { fsc: 'FSC-H', ssc: 'SSC-H', singletPulse: null }
 */
export function findScatterChannels(channels: readonly ChannelNames[]): ScatterChannels | { problem: string } {
  const forward = scatterOf(channels, FORWARD);
  const side = scatterOf(channels, SIDE);
  const fsc = best(forward);
  const anySide = best(side);
  if (!fsc || !anySide) {
    const missing = fsc ? 'side scatter (SSC or SS)' : anySide ? 'forward scatter (FSC or FS)' : 'forward or side scatter (FSC/SSC or FS/SS)';
    return { problem: `has no ${missing} channel for the cells gate; its channels are ${channels.map(describeChannel).join(', ')}` };
  }
  const ssc = best(side, fsc.parameter.kind) ?? anySide;
  return { fsc: fsc.name, ssc: ssc.name, singletPulse: singletPair(channels, forward) ?? singletPair(channels, side) };
}

/** The result of findScatterChannels is a problem. */
export function isScatterProblem(found: ScatterChannels | { problem: string }): found is { problem: string } {
  return 'problem' in found;
}
