import { useCallback } from 'react';
import type { AxisSpec } from '../analysis/axes.ts';
import { readySummary } from '../state/samplesSlice.ts';
import { useAppStore } from '../state/store.ts';
import type { ChannelSummary, SampleId } from '../../workers/api.ts';

/**
 * An axis title that says what is measured and in which unit, compensated values marked as FlowJo marks them:
 * "FSC-A [a.u.]", "Comp-FITC-A (Annexin V) [a.u.]", "Time [s]".
 */
export function axisTitle(channels: readonly Pick<ChannelSummary, 'name' | 'display' | 'unit'>[], axis: Pick<AxisSpec, 'channel' | 'compensation'>): string {
  const channel = channels.find((c) => c.name === axis.channel);
  const compensated = axis.compensation !== 'uncompensated' ? 'Comp-' : '';
  return `${compensated}${channel?.display ?? axis.channel} [${channel?.unit ?? 'a.u.'}]`;
}

const NO_CHANNELS: readonly ChannelSummary[] = [];

/** axisTitle for the channels of a sample's analysed data set. */
export function useAxisTitle(sampleId: SampleId): (axis: Pick<AxisSpec, 'channel' | 'compensation'>) => string {
  const channels = useAppStore((s) => {
    const summary = readySummary(s.samples.find((e) => e.id === sampleId));
    return summary?.datasets[summary.activeDataset].channels ?? NO_CHANNELS;
  });
  return useCallback((axis) => axisTitle(channels, axis), [channels]);
}
