import { useMemo } from 'react';
import { strategyForSample } from '../../analysis/gatingDocument.ts';
import type { GatingStrategy } from '../../gating/types.ts';
import { useAppStore } from '../../state/store.ts';

/**
 * The strategy a sample is gated with now (its assay's gates, its tailored versions; mid-drag included), or with
 * `committed`, as of the last recorded edit (what panels beside the plots show: they follow a drag when it ends).
 */
export function useSampleStrategy(sampleId: string, { committed = false } = {}): GatingStrategy {
  const gating = useAppStore((s) => (committed ? s.committedGating : s.gating));
  const assay = useAppStore((s) => s.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null);
  return useMemo(() => strategyForSample(gating, sampleId, assay), [gating, sampleId, assay]);
}
