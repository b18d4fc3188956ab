import { useEffect } from 'react';
import { useShallow } from 'zustand/shallow';
import { type AxisKind, type AxisSpec, axisKindOf, fileCompensationFor } from '../../analysis/axes.ts';
import type { CompensationRef } from '../../compensation/types.ts';
import type { AppState, AppStore } from '../../state/store.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';
import type { CytometryClient } from '../../engine/cytometryClient.ts';
import { useClient } from '../context.ts';

/**
 * Open samples whose analysed data set has the channel, read with the same compensation: an axis is fitted to all of
 * them (a sample whose own matrix cannot be used is read uncompensated, so it is left out of a compensated axis).
 */
function samplesWithChannel(state: AppState, channel: string, compensation: CompensationRef): SampleId[] {
  return state.samples
    .filter((e) => {
      if (e.status.kind !== 'ready') return false;
      const dataset = e.status.summary.datasets[e.status.summary.activeDataset];
      return dataset.channels.some((c) => c.name === channel) && fileCompensationFor(channel, dataset.spillover) === compensation;
    })
    .map((e) => e.id);
}

/**
 * The experiment-wide axis of a channel: fitted to every open sample that has the channel (logicle takes the widest
 * linear region any of them needs), then shared, so every sample of a series is drawn on the same scale. While the
 * axis is automatic it is refitted as more samples finish loading; a scale or range the user chose stays.
 * `preferredKind` overrides the channel's usual first scale (a DNA-content channel is read on a linear axis).
 */
export function useAxis(sampleId: SampleId | null, channel: string | null, compensation: CompensationRef, enabled = true, preferredKind?: AxisKind): AxisSpec | null {
  const client = useClient();
  const store = useStoreApi();
  const axis = useAppStore((s) => (channel ? s.axes[channel] : undefined));
  const autoFit = useAppStore((s) => (channel ? s.autoAxisFits[channel] : undefined));
  const fitted = useAppStore(useShallow((s) => (channel ? samplesWithChannel(s, channel, compensation) : [])));
  const usable = axis && axis.compensation === compensation ? axis : null;
  const stale = usable === null || (autoFit !== undefined && fitted.length > autoFit);

  useEffect(() => {
    if (!enabled || !stale || !sampleId || !channel) return;
    let current = true;
    const ids = fitted.includes(sampleId) ? fitted : [sampleId, ...fitted];
    const kind = usable ? axisKindOf(usable) : preferredKind;
    // A failure leaves the axis as it was (the plot says it is waiting); it never becomes an uncaught page error.
    client.call((worker) => worker.sharedAxis(ids, { channel, compensation }, kind)).then(
      (made) => {
        if (current) store.getState().setAxis(made, ids.length);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled, stale, usable, sampleId, channel, compensation, preferredKind, fitted, client, store]);

  return usable;
}

/** Replaces a channel's axis by one of another kind, fitted to every open sample that has the channel. */
export async function changeAxisKind(client: CytometryClient, store: AppStore, sampleId: SampleId, axis: AxisSpec, kind: AxisKind): Promise<void> {
  const fitted = samplesWithChannel(store.getState(), axis.channel, axis.compensation);
  const ids = fitted.includes(sampleId) ? fitted : [sampleId, ...fitted];
  store.getState().setAxis(await client.call((worker) => worker.sharedAxis(ids, { channel: axis.channel, compensation: axis.compensation }, kind)));
}
