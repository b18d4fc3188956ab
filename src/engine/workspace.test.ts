import { describe, expect, it } from 'vitest';
import { addGate, replaceGate } from '../analysis/gatingDocument.ts';
import { emptyAnnotation } from '../analysis/sampleSheet.ts';
import type { Gate } from '../gating/types.ts';
import { createAppStore } from '../state/store.ts';
import type { SampleSummary } from '../../workers/api.ts';
import { captureWorkspace } from './workspace.ts';

const gate: Gate = {
  kind: 'rectangle',
  id: 'cells',
  name: 'Cells',
  parentId: null,
  bounds: [{ dimension: { source: { kind: 'channel', name: 'FSC-A' }, compensation: 'uncompensated', transform: null }, min: 1000, max: null }],
};

function summary(id: string, fileName: string): SampleSummary {
  return { id, fileName, byteLength: 1234, fingerprint: 'c0ffee00', datasets: [], activeDataset: 0, eventBytes: 0 };
}

describe('captureWorkspace', () => {
  it('names samples by file key everywhere in the saved state and leaves out files still opening', () => {
    const store = createAppStore();
    const state = store.getState();
    state.addSample({ id: 'flowfate-sample-1', fileName: 'a.fcs', byteLength: 1234, source: { kind: 'file' } });
    state.addSample({ id: 'flowfate-sample-2', fileName: 'b.fcs', byteLength: 99, source: { kind: 'file' } });
    state.setSampleStatus('flowfate-sample-1', { kind: 'ready', summary: summary('flowfate-sample-1', 'a.fcs') });
    state.selectSample('flowfate-sample-1');
    state.changeGating((d) => replaceGate(addGate(d, gate), { ...gate, name: 'Cells of a' }, 'flowfate-sample-1'));

    const workspace = captureWorkspace(store.getState());
    expect(workspace.samples).toEqual([{ key: 'c0ffee00:1234:a.fcs', fileName: 'a.fcs', byteLength: 1234, source: { kind: 'file' }, annotation: null, activeDataset: 0 }]);
    expect(workspace.state.view.selectedSampleId).toBe('c0ffee00:1234:a.fcs');
    expect(workspace.state.gating.overrides).toEqual({ 'c0ffee00:1234:a.fcs': { cells: { ...gate, name: 'Cells of a' } } });
    expect(JSON.stringify(workspace)).not.toContain('flowfate-sample-');
  });

  it('keeps a restored sample that is still opening (or could not be) as its workspace listed it', () => {
    const store = createAppStore();
    const state = store.getState();
    const saved = { key: 'beef0000:99:b.fcs', fileName: 'b.fcs', byteLength: 99, source: { kind: 'file' as const }, annotation: { ...emptyAnnotation(), assay: 'apoptosis' as const, doseNm: 50, timeH: 24 }, activeDataset: 1 };
    state.addSample({ id: 'flowfate-sample-1', fileName: 'b.fcs', byteLength: 99, source: { kind: 'file' }, saved });
    state.addSample({ id: 'flowfate-sample-2', fileName: 'new.fcs', byteLength: 5, source: { kind: 'file' } });
    state.selectSample('flowfate-sample-1');
    expect(captureWorkspace(store.getState()).samples).toEqual([saved]);
    state.setSampleStatus('flowfate-sample-1', { kind: 'error', error: { code: 'NOT_KEPT', message: 'not kept' } });
    const workspace = captureWorkspace(store.getState());
    expect(workspace.samples).toEqual([saved]);
    expect(workspace.state.view.selectedSampleId).toBe(saved.key);
  });
});
