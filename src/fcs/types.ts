/** FCS keyword values keyed by upper-case keyword name (with its `$`), keys and values whitespace-trimmed. */
export type Keywords = Record<string, string>;

export type DataType = 'I' | 'F' | 'D' | 'A';
export type ByteOrder = 'little' | 'big';

/** One parameter ($Pn*) of a data set. */
export interface Channel {
  /** 1-based parameter number n. */
  index: number;
  /** $PnN, the short name that keywords such as $SPILLOVER refer to. */
  name: string;
  /** $PnS, the stain or marker (e.g. "Annexin V"), or null when absent or empty. */
  label: string | null;
  /** $PnB; null for delimited ASCII data ($PnB = "*"). */
  bits: number | null;
  /** $PnR as a number (may be fractional for float data). */
  range: number;
  /** $PnE as written: [decades, offset]; [0, 0] for linear. */
  amplification: [number, number];
  /** $PnG; 1 when absent. */
  gain: number;
  /** $PnDATATYPE (FCS 3.2) or else the data set's $DATATYPE. */
  datatype: DataType;
}

/** Raw values of one channel exactly as stored in the file (integers masked to $PnR). */
export type RawColumn = Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;

/** A spillover matrix: row i is the spill of fluorochrome `channels[i]` into each detector. */
export interface SpilloverMatrix {
  /** $PnN of each row/column, in matrix order. */
  channels: string[];
  matrix: number[][];
  /** The keyword it came from ($SPILLOVER, SPILL, $COMP, DET_SPILL, $DFCiTOj) or where else it came from. */
  source: string;
}

/** Something odd about a file that was handled; shown to the user by the "file doctor". */
export interface FcsWarning {
  code: string;
  message: string;
}

export interface FcsDataset {
  /** 1-based position of this data set in the file. */
  index: number;
  /** Byte offset of this data set's HEADER in the file. */
  byteOffset: number;
  /** "2.0", "3.0", "3.1" or "3.2". */
  version: string;
  datatype: DataType;
  byteOrder: ByteOrder;
  eventCount: number;
  channels: Channel[];
  /** One column per channel, in channel order. */
  columns: RawColumn[];
  /** Primary and supplemental TEXT keywords. */
  keywords: Keywords;
  /** ANALYSIS segment keywords, or null when the file has none. */
  analysis: Keywords | null;
  spillover: SpilloverMatrix | null;
  warnings: FcsWarning[];
}

export interface FcsFile {
  datasets: FcsDataset[];
}

/** What the writer needs to describe one parameter; omitted fields take FCS defaults. */
export interface ChannelSpec {
  name: string;
  label?: string | null;
  range: number;
  /** Integer data only; float/double widths follow the data type. */
  bits?: number;
  amplification?: [number, number];
  gain?: number;
}

/** One data set to write: columns are in channel order, all of the same length. */
export interface FcsWriteInput {
  channels: ChannelSpec[];
  columns: ArrayLike<number>[];
  /** Extra keywords ($CYT, $FIL, $DATE, vendor keywords...). Structural keywords are computed by the writer. */
  keywords?: Keywords;
  spillover?: SpilloverMatrix | null;
}
