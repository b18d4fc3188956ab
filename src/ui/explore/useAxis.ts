import { useEffect } from 'react';
import type { AxisKind, AxisSpec } from '../../analysis/axes.ts';
import type { CompensationRef } from '../../compensation/types.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import { useClient } from '../context.ts';

/**
 * The experiment-wide axis of a channel: made once from the first sample that shows it (the worker fits logicle to
 * that sample's data), then shared, so every sample of a series is drawn on the same scale.
 */
export function useAxis(sampleId: SampleId | null, channel: string | null, compensation: CompensationRef): AxisSpec | null {
  const client = useClient();
  const store = useStoreApi();
  const axis = useAppStore((s) => (channel ? s.axes[channel] : undefined));
  const usable = axis && axis.compensation === compensation ? axis : null;

  useEffect(() => {
    if (usable || !sampleId || !channel) return;
    let current = true;
    void client.call((worker) => worker.axis(sampleId, { channel, compensation })).then((made) => {
      if (current) store.getState().setAxis(made);
    });
    return () => {
      current = false;
    };
  }, [usable, sampleId, channel, compensation, client, store]);

  return usable;
}

/** Replaces a channel's axis by one of another kind, fitted to the given sample. */
export async function changeAxisKind(
  client: ReturnType<typeof useClient>,
  store: ReturnType<typeof useStoreApi>,
  sampleId: SampleId,
  axis: AxisSpec,
  kind: AxisKind,
): Promise<void> {
  store.getState().setAxis(await client.call((worker) => worker.axis(sampleId, { channel: axis.channel, compensation: axis.compensation }, kind)));
}
