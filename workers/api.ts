/**
 * The one contract between the UI thread and the cytometry worker.
 * Event data never crosses it: files go in as Blobs (read inside the worker), and only
 * summaries, binned grids and statistics come back (grids as transferred ArrayBuffers).
 */
import type { ByteOrder, DataType, FcsWarning, SpilloverMatrix } from '../src/fcs/types.ts';

export type SampleId = string;

export interface ChannelSummary {
  /** 1-based $Pn index. */
  index: number;
  name: string;
  label: string | null;
  range: number;
  /** What the UI shows, e.g. "FITC-A (Annexin V)". */
  display: string;
}

export interface DatasetSummary {
  index: number;
  version: string;
  datatype: DataType;
  byteOrder: ByteOrder;
  eventCount: number;
  cytometer: string | null;
  channels: ChannelSummary[];
  spillover: SpilloverMatrix | null;
  warnings: FcsWarning[];
}

export interface SampleSummary {
  id: SampleId;
  fileName: string;
  byteLength: number;
  datasets: DatasetSummary[];
  /** Index into `datasets` of the data set being analysed. */
  activeDataset: number;
}

/** Why a file could not be opened, in words a user can act on. */
export interface OpenFailure {
  fileName: string;
  code: string;
  message: string;
}

export type OpenResult = { ok: true; sample: SampleSummary } | { ok: false; error: OpenFailure };

export interface ReadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export interface CytometryApi {
  /** Reads and decodes a file inside the worker; the bytes never reach the UI thread. */
  openFile(file: Blob, fileName: string, onProgress?: (progress: ReadProgress) => void): Promise<OpenResult>;
  closeSample(id: SampleId): Promise<void>;
}
