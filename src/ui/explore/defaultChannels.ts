import type { ChannelSummary } from '../../../workers/api.ts';

function find(channels: ChannelSummary[], pattern: RegExp): string | undefined {
  return channels.find((c) => pattern.test(c.name) || pattern.test(c.label ?? ''))?.name;
}

/** The first plot users expect: FSC-A vs SSC-A when present, else the first two channels. */
export function defaultScatterChannels(channels: ChannelSummary[]): { x: string; y: string } {
  const x = find(channels, /^fsc-?a$|^fs\b|^fsc/i) ?? channels[0]?.name ?? '';
  const y = find(channels, /^ssc-?a$|^ss\b|^ssc/i) ?? channels.find((c) => c.name !== x)?.name ?? x;
  return { x, y };
}

/** First fluorescence-looking channel for the histogram (not scatter or time). */
export function defaultHistogramChannel(channels: ChannelSummary[]): string {
  return channels.find((c) => !/^(fsc|ssc|fs|ss|time)\b|^(fsc|ssc)[-_]/i.test(c.name))?.name ?? channels[0]?.name ?? '';
}
