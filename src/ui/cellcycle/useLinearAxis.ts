import type { AxisSpec } from '../../analysis/axes.ts';
import type { ChannelRef, SampleId } from '../../../workers/api.ts';
import { useWorkerQuery } from '../useWorkerQuery.ts';

/** A linear axis from 0 to the channel's range: DNA content and pulse width are read on linear axes. */
export function useLinearAxis(sampleId: SampleId, datasetKey: string, ref: ChannelRef): AxisSpec | null {
  return useWorkerQuery(JSON.stringify(['linear axis', datasetKey, ref]), (worker) => worker.axis(sampleId, ref, 'linear')).data;
}
