/**
 * A saved workspace: which files the experiment uses and everything the user did with them (gates, sample sheet,
 * views, analyses). Sample ids are only valid for one session, so the workspace stores a stable key per file
 * (name, size and a checksum of its first bytes) and every id inside the saved state is replaced by that key.
 */
import { crc32 } from '../shared/crc32.ts';
import { migrateAnnotation, type SampleAnnotation } from './sampleSheet.ts';

export const WORKSPACE_FORMAT = 'flowfate-workspace';
export const WORKSPACE_VERSION = 1;

/** Bytes of a file's start checksummed for its key: HEADER and TEXT, which name the tube, date and time. */
export const FINGERPRINT_BYTES = 65_536;

/** Where a sample's bytes come from when the workspace is opened again. */
export type SampleSource = { kind: 'file' } | { kind: 'url'; url: string };

export interface WorkspaceSample {
  key: string;
  fileName: string;
  byteLength: number;
  source: SampleSource;
  annotation: SampleAnnotation | null;
  /** 0-based data set being analysed. */
  activeDataset: number;
}

export interface Workspace<State = unknown> {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  savedAt: string;
  samples: WorkspaceSample[];
  /** The app's state, with session sample ids replaced by sample keys. */
  state: State;
}

/** Checksum of the start of a file, as 8 hex digits. */
export function fileFingerprint(bytes: Uint8Array): string {
  return crc32(bytes.subarray(0, FINGERPRINT_BYTES)).toString(16).padStart(8, '0');
}

/** A file's identity across sessions: the same file opened again gets the same key. */
export function sampleKey(fileName: string, byteLength: number, fingerprint: string): string {
  return `${fingerprint}:${byteLength}:${fileName}`;
}

/**
 * A deep copy of JSON-like `value` with every string equal to a key of `mapping` (as a value or an object key)
 * replaced by its mapped string. Session ids are distinctive ("flowfate-sample-7"), so nothing else is touched.
 */
export function remapIds<T>(value: T, mapping: ReadonlyMap<string, string>): T {
  const remap = (v: unknown): unknown => {
    if (typeof v === 'string') return mapping.get(v) ?? v;
    if (Array.isArray(v)) return v.map(remap);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [mapping.get(k) ?? k, remap(x)]));
    return v;
  };
  return remap(value) as T;
}

export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}

/** Reads a workspace file's envelope, with clear errors for other files, other versions and damaged content. */
export function parseWorkspace(text: string): Workspace {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WorkspaceError('this is not a FlowFate workspace: it is not JSON');
  }
  if (!isRecord(value) || value.format !== WORKSPACE_FORMAT) throw new WorkspaceError('this is not a FlowFate workspace file');
  if (value.version !== WORKSPACE_VERSION) {
    throw new WorkspaceError(`this workspace has version ${String(value.version)}; this FlowFate reads version ${WORKSPACE_VERSION}`);
  }
  if (!Array.isArray(value.samples) || !value.samples.every(isWorkspaceSample)) throw new WorkspaceError('the workspace lists its files in an unknown form');
  if (!isRecord(value.state)) throw new WorkspaceError('the workspace has no saved state');
  // Sheets saved by earlier versions are completed with today's columns, never dropped.
  const samples = value.samples.map((sample) => ({ ...sample, annotation: migrateAnnotation(sample.annotation) }));
  return { ...value, samples } as unknown as Workspace;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isWorkspaceSample(value: unknown): value is WorkspaceSample {
  if (!isRecord(value)) return false;
  const source = value.source;
  return (
    typeof value.key === 'string' &&
    typeof value.fileName === 'string' &&
    typeof value.byteLength === 'number' &&
    typeof value.activeDataset === 'number' &&
    isRecord(source) &&
    (source.kind === 'file' || (source.kind === 'url' && typeof source.url === 'string'))
  );
}
