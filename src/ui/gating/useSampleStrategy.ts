import { useMemo } from 'react';
import { strategyForSample } from '../../analysis/gatingDocument.ts';
import type { GatingStrategy } from '../../gating/types.ts';
import { useAppStore } from '../../state/store.ts';

/** The strategy a sample is gated with now (its assay's gates, its tailored versions; mid-drag included). */
export function useSampleStrategy(sampleId: string): GatingStrategy {
  const gating = useAppStore((s) => s.gating);
  const assay = useAppStore((s) => s.samples.find((e) => e.id === sampleId)?.annotation?.assay ?? null);
  return useMemo(() => strategyForSample(gating, sampleId, assay), [gating, sampleId, assay]);
}
