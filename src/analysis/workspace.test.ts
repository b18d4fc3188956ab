import { describe, expect, it } from 'vitest';
import { emptyAnnotation } from './sampleSheet.ts';
import { fileFingerprint, parseWorkspace, remapIds, sampleKey, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './workspace.ts';

describe('workspace', () => {
  it('keys a file by name, size and a checksum of its first 64 KB', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    const changedLate = bytes.slice();
    changedLate[90_000] ^= 1;
    const changedEarly = bytes.slice();
    changedEarly[10] ^= 1;
    expect(fileFingerprint(bytes)).toMatch(/^[0-9a-f]{8}$/);
    expect(fileFingerprint(changedLate)).toBe(fileFingerprint(bytes));
    expect(fileFingerprint(changedEarly)).not.toBe(fileFingerprint(bytes));
    expect(sampleKey('a.fcs', 100_000, '0badf00d')).toBe('0badf00d:100000:a.fcs');
  });

  it('replaces session ids wherever they appear, as values or as object keys, and nothing else', () => {
    const mapping = new Map([['flowfate-sample-1', 'K1'], ['flowfate-sample-2', 'K2']]);
    const state = { selected: 'flowfate-sample-2', overrides: { 'flowfate-sample-1': { g: { name: 'flowfate-sample-10' } } }, list: ['flowfate-sample-1', 3, null] };
    expect(remapIds(state, mapping)).toEqual({ selected: 'K2', overrides: { K1: { g: { name: 'flowfate-sample-10' } } }, list: ['K1', 3, null] });
    const back = new Map([...mapping].map(([id, key]) => [key, id]));
    expect(remapIds(remapIds(state, mapping), back)).toEqual(state);
  });

  it('refuses other files, other versions and damaged lists with a plain reason', () => {
    const good = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: '', samples: [{ key: 'k', fileName: 'a.fcs', byteLength: 1, source: { kind: 'file' }, annotation: null, activeDataset: 0 }], state: {} };
    expect(parseWorkspace(JSON.stringify(good)).samples).toHaveLength(1);
    expect(() => parseWorkspace('<xml/>')).toThrow('not JSON');
    expect(() => parseWorkspace('{"format":"other"}')).toThrow('not a FlowFate workspace file');
    expect(() => parseWorkspace(JSON.stringify({ ...good, version: 99 }))).toThrow('version 99');
    expect(() => parseWorkspace(JSON.stringify({ ...good, samples: [{ key: 1 }] }))).toThrow('unknown form');
  });

  it('reads the sample sheet of a workspace saved before the sheet had cell line, compound, units and replicates', () => {
    const sample = { key: 'k', fileName: 'a.fcs', byteLength: 1, source: { kind: 'file' }, activeDataset: 0, annotation: { assay: 'apoptosis', role: 'sample', doseNm: 50, timeH: 24 } };
    const old = { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, savedAt: '', samples: [sample], state: {} };
    expect(parseWorkspace(JSON.stringify(old)).samples[0].annotation).toEqual({ ...emptyAnnotation(), assay: 'apoptosis', doseNm: 50, timeH: 24 });
  });
});
