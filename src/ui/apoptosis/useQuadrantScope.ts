import { useEffect, useState } from 'react';
import { type GatingDocument, replaceGate } from '../../analysis/gatingDocument.ts';
import { QUADRANT_GATE_ID } from '../../apoptosis/populations.ts';
import type { Gate } from '../../gating/types.ts';
import { useAppStore, useStoreApi } from '../../state/store.ts';
import type { SampleId } from '../../../workers/api.ts';

export interface MovedQuadrant {
  gate: Gate;
  sampleId: SampleId;
  file: string;
  /** The gating with the move shown on this sample; any other change (undo, another edit) drops the question. */
  preview: GatingDocument;
}

/**
 * A quadrant moved on one sample is shown on that sample only until the user says where it belongs: every sample
 * (the template) or this sample only (flagged as adjusted in the results). Either answer is one undo step from
 * before the move. Mount once per sample: leaving with the question open puts the quadrant back.
 */
export function useQuadrantScope(sampleId: SampleId, file: string) {
  const store = useStoreApi();
  const [moved, setMoved] = useState<MovedQuadrant | null>(null);
  const gating = useAppStore((s) => s.gating);
  useEffect(() => () => {
    const { gating: shown, committedGating, changeGating } = store.getState();
    if (shown !== committedGating) changeGating(() => committedGating, { transient: true });
  }, [store]);

  const onEditFinished = (gate: Gate) => {
    if (gate.id !== QUADRANT_GATE_ID) return false;
    store.getState().changeGating((d) => replaceGate(d, gate, sampleId), { transient: true });
    setMoved({ gate, sampleId, file, preview: store.getState().gating });
    return true;
  };
  return { moved: moved?.preview === gating ? moved : null, onEditFinished };
}
