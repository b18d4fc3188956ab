/**
 * Which channels a PI DNA-content analysis reads, and the histogram it fits: the app and the CLI share these so that
 * the same file gives the same numbers in both.
 */
import { findChannel } from '../channels/suggest.ts';
import type { Channel } from '../fcs/types.ts';
import { CellCycleError } from './cellCycleError.ts';
import type { SingletPulseParameter } from './singletGate.ts';

/** Linear DNA channels of 1,024 bins: ModFit's and FlowJo's resolution, fine enough for 2–3% CVs. */
export const DNA_HISTOGRAM_BINS = 1024;

/** A DNA-binding dye by $PnN stem or $PnS: PI, DAPI, Hoechst, DRAQ5/7, 7-AAD, FxCycle, DyeCycle, "DNA". */
const DNA_DYE = /\b(PI|propidium( iodide)?|DAPI|Hoechst|DRAQ ?[57]|7-?AAD|FxCycle|DyeCycle|DNA)\b/i;
const AREA = /^(.*?)[-_ ]?(A|Area)$/i;

export interface DnaChannelNames {
  /** $PnN of the DNA-content area (e.g. PI-A). */
  dna: string;
  /** $PnN of the pulse width (preferred) or height of the same signal, for the singlet gate; null without one. */
  pulse: { channel: string; kind: SingletPulseParameter } | null;
}

/**
 * The DNA area channel and its pulse width (else height), found the way the CLI finds channels ($PnN, then $PnS):
 * an area channel whose name or stain is a DNA dye, then `<stem>-W` or `<stem>-H`. Null when no DNA area exists.
 * @example suggestDnaChannels([{ name: 'PI-A', label: null }, { name: 'PI-W', label: null }]) // { dna: 'PI-A', pulse: { channel: 'PI-W', kind: 'width' } }
 */
export function suggestDnaChannels(channels: readonly Pick<Channel, 'name' | 'label'>[]): DnaChannelNames | null {
  const area = channels.find((c) => {
    const stem = AREA.exec(c.name.trim())?.[1];
    return stem !== undefined && (DNA_DYE.test(stem) || DNA_DYE.test(c.label ?? ''));
  });
  if (!area) return null;
  const stem = AREA.exec(area.name.trim())?.[1] ?? area.name;
  const pulseOf = (suffix: string) => {
    try {
      return findChannel(channels, `${stem}-${suffix}`);
    } catch {
      return null;
    }
  };
  const width = pulseOf('W');
  const height = width === null ? pulseOf('H') : null;
  const pulse = width !== null ? { channel: width, kind: 'width' as const } : height !== null ? { channel: height, kind: 'height' as const } : null;
  return { dna: area.name, pulse };
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
