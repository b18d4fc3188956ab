import type { StateCreator } from 'zustand';
import { emptyAnnotation, type SampleAnnotation } from '../analysis/sampleSheet.ts';
import type { SampleSource, WorkspaceSample } from '../analysis/workspace.ts';
import type { Failure, ReadProgress, SampleId, SampleSummary } from '../../workers/api.ts';

export type SampleStatus =
  | { kind: 'loading'; progress: ReadProgress | null }
  | { kind: 'ready'; summary: SampleSummary }
  | { kind: 'error'; error: Failure };

export interface SampleEntry {
  id: SampleId;
  fileName: string;
  byteLength: number;
  /** Where the bytes came from, for reopening a saved workspace. */
  source: SampleSource;
  status: SampleStatus;
  /** What the tube is (assay, control role, dose, time); null until the file is read. */
  annotation: SampleAnnotation | null;
  /** The sample as a restored workspace listed it: autosaved as listed until the file is read (or if it cannot be). */
  saved?: WorkspaceSample;
}

export interface SamplesSlice {
  /** In the order they were opened. */
  samples: SampleEntry[];
  addSample(entry: Omit<SampleEntry, 'status' | 'annotation'>): void;
  /** Files chosen together, as one update (they start loading). */
  addSamples(entries: readonly Omit<SampleEntry, 'status' | 'annotation'>[]): void;
  setSampleStatus(id: SampleId, status: SampleStatus): void;
  /** Files that finished opening (or failed), with what their sheet rows say, as one update. */
  settleSamples(changes: ReadonlyMap<SampleId, { status: SampleStatus; annotation?: Partial<SampleAnnotation> }>): void;
  annotateSample(id: SampleId, annotation: Partial<SampleAnnotation>): void;
  /** Several rows of the sample sheet changed at once (a paste, fill down), as one update. */
  annotateSamples(changes: ReadonlyMap<SampleId, Partial<SampleAnnotation>>): void;
  removeSample(id: SampleId): void;
}

export const createSamplesSlice: StateCreator<SamplesSlice> = (set) => ({
  samples: [],
  addSample: (entry) => set((s) => ({ samples: [...s.samples, loading(entry)] })),
  addSamples: (entries) => set((s) => ({ samples: [...s.samples, ...entries.map(loading)] })),
  setSampleStatus: (id, status) => set((s) => ({ samples: s.samples.map((e) => (e.id === id ? { ...e, status } : e)) })),
  settleSamples: (changes) =>
    set((s) => {
      const annotations = new Map([...changes].flatMap(([id, change]) => (change.annotation ? [[id, change.annotation] as const] : [])));
      return { samples: annotated(s.samples, annotations).map((e) => { const change = changes.get(e.id); return change ? { ...e, status: change.status } : e; }) };
    }),
  annotateSample: (id, annotation) => set((s) => ({ samples: annotated(s.samples, new Map([[id, annotation]])) })),
  annotateSamples: (changes) => set((s) => ({ samples: annotated(s.samples, changes) })),
  removeSample: (id) => set((s) => ({ samples: s.samples.filter((e) => e.id !== id) })),
});

function loading(entry: Omit<SampleEntry, 'status' | 'annotation'>): SampleEntry {
  return { ...entry, status: { kind: 'loading', progress: null }, annotation: null };
}

function annotated(samples: readonly SampleEntry[], changes: ReadonlyMap<SampleId, Partial<SampleAnnotation>>): SampleEntry[] {
  return samples.map((e) => {
    const change = changes.get(e.id);
    return change ? { ...e, annotation: { ...emptyAnnotation(), ...e.annotation, ...change } } : e;
  });
}

export function readySummary(entry: SampleEntry | undefined): SampleSummary | null {
  return entry?.status.kind === 'ready' ? entry.status.summary : null;
}
