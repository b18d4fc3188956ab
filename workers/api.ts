/**
 * The one contract between the UI thread and the cytometry worker.
 * Event data never crosses it: files go in as Blobs (read inside the worker), and only summaries, binned grids
 * and statistics come back (grids in transferred ArrayBuffers).
 */
import type { AxisKind, AxisSpec } from '../src/analysis/axes.ts';
import type { ChannelRef } from '../src/analysis/sampleSession.ts';
import type { ScatterChannels } from '../src/channels/scatter.ts';
import type { CompensationChoice, FluorescenceChannels } from '../src/apoptosis/compensation.ts';
import type { AnalysedTube, ApoptosisAnalysis } from '../src/apoptosis/experiment.ts';
import type { ApoptosisSettings } from '../src/apoptosis/experimentSettings.ts';
import type { PreGateSuggestion } from '../src/apoptosis/preGates.ts';
import type { FailedTube } from '../src/apoptosis/preparedTubes.ts';
import type { ApoptosisRole } from '../src/apoptosis/populations.ts';
import type { PreGateVertices } from '../src/apoptosis/strategy.ts';
import type { QuadrantThresholds } from '../src/apoptosis/thresholds.ts';
import type { CellsGateSuggestion } from '../src/apoptosis/cellsGate.ts';
import type { SingletFit } from '../src/cellcycle/analyseDnaSample.ts';
import type { SingletGateShape, SingletGateSuggestion, SingletPulseParameter } from '../src/cellcycle/singletGate.ts';
import type { CellCycleModelOptions } from '../src/cellcycle/types.ts';
import type { ByteOrder, DataType, FcsWarning, SpilloverMatrix } from '../src/fcs/types.ts';
import type { ChannelStatistics, PopulationCounts } from '../src/gating/statistics.ts';
import type { GatingStrategy, PopulationId } from '../src/gating/types.ts';

export type { AxisKind, AxisSpec, ChannelRef, ChannelStatistics, PopulationCounts };

export type SampleId = string;

export interface ChannelSummary {
  /** 1-based $Pn index. */
  index: number;
  name: string;
  label: string | null;
  /** What the UI shows, e.g. "FITC-A (Annexin V)". */
  display: string;
  /** Unit of the values: "a.u." for measured signals, "s" for time scaled by $TIMESTEP. */
  unit: string;
}

export interface DatasetSummary {
  /** 1-based position in the file. */
  index: number;
  version: string;
  datatype: DataType;
  byteOrder: ByteOrder;
  eventCount: number;
  cytometer: string | null;
  channels: ChannelSummary[];
  spillover: SpilloverMatrix | null;
  warnings: FcsWarning[];
  /** Keywords a user may want to see or that name the sample ($FIL, $DATE, TUBE NAME...). */
  keywords: Record<string, string>;
}

export interface SampleSummary {
  id: SampleId;
  fileName: string;
  byteLength: number;
  /** Checksum of the file's first bytes (src/analysis/workspace.ts): with name and size, the file's key. */
  fingerprint: string;
  datasets: DatasetSummary[];
  /** 0-based index into `datasets` of the data set being analysed. */
  activeDataset: number;
  /** Bytes the decoded events of all data sets take in the worker (what the memory limit of OpenOptions counts). */
  eventBytes: number;
}

export interface OpenOptions {
  /** Also keep the file in this browser's private storage, so the workspace can be restored after a reload. */
  keep: boolean;
  /**
   * Bytes the file's decoded events may take; a larger file is refused (code TOO_LARGE) after its HEADER and TEXT are
   * read and before its events are, with a sentence saying how much it needs.
   */
  memoryLimit: number;
}

/** Why something the user asked for could not be done, in words they can act on. */
export interface Failure {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export interface ReadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export interface DensityRequest {
  sampleId: SampleId;
  population: PopulationId | null;
  x: AxisSpec;
  y: AxisSpec;
  bins: number;
}

export interface DensityGrid {
  /** Row-major counts, row 0 at the lowest y. */
  counts: Uint32Array;
  bins: number;
  maxCount: number;
  total: number;
  offScale: number;
}

export interface HistogramRequest {
  sampleId: SampleId;
  population: PopulationId | null;
  axis: AxisSpec;
  bins: number;
}

export interface HistogramData {
  counts: Uint32Array;
  below: number;
  above: number;
  total: number;
}

/** One open sample in an apoptosis analysis. */
export interface ApoptosisRequestTube {
  sampleId: SampleId;
  /** Unique within the request (the file name); rows and warnings name the tube by it. */
  name: string;
  role: ApoptosisRole;
  /** Hand-edited Cells and Singlets gates to keep instead of suggesting new ones. */
  preGates?: PreGateVertices;
  /** Hand-set quadrant centre of this tube; its row is flagged as adjusted. */
  thresholdOverride?: Partial<QuadrantThresholds>;
}

/** The choices of the guided Annexin V/PI analysis; the threshold rule is the product default, as in the CLI. */
export interface ApoptosisRequest {
  tubes: ApoptosisRequestTube[];
  fluorescence: FluorescenceChannels;
  compensation: CompensationChoice;
  /** 50 ≤ percentile < 100. */
  percentile: number;
  /** Thresholds typed by the user for every sample (compensated data units), per axis; the others come from the data. */
  manualThresholds?: Partial<QuadrantThresholds>;
}

/** The choices of one run as every step gets them: the request's, with the scatter channels of its first usable tube. */
export interface ApoptosisRunOptions extends Omit<ApoptosisRequest, 'tubes'> {
  scatter: ScatterChannels;
}

/** What step 1 of a run says of one tube (the worker where it lives prepares it). */
export interface ApoptosisPreparation {
  sampleId: SampleId;
  name: string;
  role: ApoptosisRole;
  /** Its scatter channels, when it has the analysis's channels. */
  scatter: ScatterChannels | null;
  /** Its file's spillover matrix (what automatic compensation and its description look at). */
  spillover: SpilloverMatrix | null;
  outcome:
    | { kind: 'unusable'; message: string }
    | { kind: 'unprepared'; failed: FailedTube }
    | { kind: 'prepared'; preGates: PreGateSuggestion };
}

/** A tube for steps 2 and 3, with its pre-gates from step 1. */
export interface PreparedRequestTube extends Omit<ApoptosisRequestTube, 'preGates'> {
  preGates: PreGateSuggestion;
}

export interface ApoptosisSettingsRequest {
  /** The setting tubes (controls and untreated tubes), in the request's order. */
  tubes: PreparedRequestTube[];
  /** The spillover of every prepared tube, in order. */
  spillovers: (SpilloverMatrix | null)[];
  options: ApoptosisRunOptions;
}

export interface ApoptosisTubesRequest {
  tubes: PreparedRequestTube[];
  settings: ApoptosisSettings;
  options: ApoptosisRunOptions;
}

export interface ApoptosisRun {
  /** The pipeline's result over the tubes that could be analysed (tube names are the request's). */
  analysis: ApoptosisAnalysis;
  /** The request's Annexin V and PI channels. */
  fluorescence: FluorescenceChannels;
  /** Scatter channels of the pre-gates, found in the first usable tube like the CLI does. */
  scatter: ScatterChannels;
  /** Tube name → its sample. */
  sampleIds: Record<string, SampleId>;
  /** Tubes left out (a missing channel, another instrument setup, no cells to gate, a spillover matrix that cannot be inverted), with why; the others are analysed. */
  excluded: { sampleId: SampleId; name: string; message: string }[];
}

/** The channels of a PI DNA-content analysis: DNA area, the pulse width or height of its singlet gate, and scatter. */
export interface DnaChannelRefs {
  dna: ChannelRef;
  /** Null when the files have no pulse channel: every event is fitted (doublets are left to the aggregate model). */
  pulse: { ref: ChannelRef; kind: SingletPulseParameter } | null;
  /** FSC-A and SSC-A of an FSC/SSC cells gate before the singlet gate; null starts from all events, as the CLI does. */
  scatter: { fsc: ChannelRef; ssc: ChannelRef } | null;
}

export interface CellCycleAnalysisRequest {
  sampleId: SampleId;
  channels: DnaChannelRefs;
  options: CellCycleModelOptions;
}

/**
 * A cell-cycle fit as it reaches the UI: the DNA histogram of the singlets (1,024 linear channels), the model with its
 * per-bin component curves, the doublet evidence and the quality flags. No event indices.
 */
export type CellCycleFitResult = SingletFit;

export interface CellCycleAnalysis extends CellCycleFitResult {
  /** The suggested cells gate (src/apoptosis suggestCellsGate: debris cut at the FSC·SSC density valley); null without scatter. */
  cellsGate: CellsGateSuggestion | null;
  /** The suggested singlet band; null without a pulse channel. */
  singletGate: SingletGateSuggestion | null;
}

export interface CellCycleFitRequest {
  sampleId: SampleId;
  channels: DnaChannelRefs;
  options: CellCycleModelOptions;
  /** The cells gate's population, as the sample is gated now; null starts from all events. */
  cells: PopulationId | null;
  /**
   * The singlet gate as the sample is gated now: its population, its shape, and the band it was suggested as (the
   * doublet count follows the band's line while the shape is unchanged). Null fits every event of `cells`.
   */
  singletGate: { population: PopulationId; shape: SingletGateShape; suggestion: SingletGateSuggestion | null } | null;
}

export interface CytometryApi {
  /**
   * Reads and decodes a file inside the worker, piece by piece (its HEADER and TEXT first, so a wrong file, or one too
   * large for the memory left, is refused before the rest is read); the bytes never reach the UI thread. With `keep`,
   * the file is also kept in this browser's private storage so the workspace can be restored after a reload.
   */
  openFile(id: SampleId, file: Blob, fileName: string, keep: boolean, onProgress?: (progress: ReadProgress) => void): Promise<Result<SampleSummary>>;
  /** Opens a file kept by an earlier `openFile` (by its sample key); fails with code NOT_KEPT when it is not there. */
  openKept(id: SampleId, key: string, fileName: string): Promise<Result<SampleSummary>>;
  /**
   * Drops the kept files no saved session lists (`keep`: every sample key still listed), except those kept less than
   * `graceMs` ago: another tab may have kept a file that its next autosave will list.
   */
  forgetKeptFiles(keep: string[], graceMs: number): Promise<void>;
  /** Fetches and decodes a file served by the app itself (the demo experiment). */
  openUrl(id: SampleId, url: string, fileName: string): Promise<Result<SampleSummary>>;
  closeSample(id: SampleId): Promise<void>;
  /**
   * The SHA-256 (lower-case hex) of the sample's whole file, read again from where it was opened, for the provenance
   * of exported numbers. Fails when the file can no longer be read.
   */
  fileSha256(id: SampleId): Promise<Result<string>>;
  /** Switches a multi-data-set file to another data set (0-based); gating starts empty on it. */
  selectDataset(id: SampleId, datasetIndex: number): Promise<Result<SampleSummary>>;
  /** Applies a gating strategy, recomputing only changed populations; returns every population's counts. */
  applyStrategy(id: SampleId, strategy: GatingStrategy): Promise<Result<PopulationCounts[]>>;
  /** An axis for a channel; without `kind`, linear for scatter and time and logicle fitted to the data otherwise. */
  axis(id: SampleId, channel: ChannelRef, kind?: AxisKind): Promise<AxisSpec>;
  /** One axis for the channel that fits every listed sample (logicle: the widest linear region any of them needs). */
  sharedAxis(ids: SampleId[], channel: ChannelRef, kind?: AxisKind): Promise<AxisSpec>;
  density(request: DensityRequest): Promise<DensityGrid>;
  histogram(request: HistogramRequest): Promise<HistogramData>;
  /**
   * Statistics of each channel over a population. Computed a channel at a time, letting other requests run in between
   * (they are wanted while the user waits; statistics can come later); resolves to [] when a newer statistics request
   * for the same sample arrives before this one is done.
   */
  statistics(id: SampleId, population: PopulationId | null, channels: ChannelRef[]): Promise<ChannelStatistics[]>;
  /**
   * The guided Annexin V/PI analysis (src/apoptosis analyseApoptosisExperiment, as `flowfate apoptosis` runs it) over
   * open samples: pre-gates per tube, compensation, control-percentile thresholds shared by all tubes, a strategy and
   * a results row per tube. It runs on scratch sessions: the samples' own gating (what the store's gating sync sent)
   * is untouched, and the UI makes the returned gates the experiment's gates. Fails (ApoptosisAnalysisError,
   * RangeError) when no quadrant can be placed, a requested compensation cannot be computed, or no tube is usable.
   */
  analyseApoptosis(request: ApoptosisRequest): Promise<Result<ApoptosisRun>>;
  /**
   * The automatic cell-cycle analysis of one open sample, as `flowfate cellcycle` runs it (src/cellcycle
   * analyseDnaSample with the CLI's histogram): a singlet band suggested from all events (or from an FSC/SSC cells
   * gate, which the CLI has not), the DNA histogram of its singlets on 1,024 linear channels up to the DNA channel's
   * $PnR, the model fit, doublet evidence and flags. Fails (RangeError) on a log-amplified DNA channel, too few events
   * for a gate, or a histogram without a G0/G1 peak.
   */
  analyseCellCycle(request: CellCycleAnalysisRequest): Promise<Result<CellCycleAnalysis>>;
  /**
   * Fits the DNA histogram of the singlet gate's events as the sample is gated now (so the fit follows edits of the
   * gate), with the same histogram, model and flags as analyseCellCycle. Fails like it, or (GatingStrategyError) when
   * the population is not in the gating the sample last received.
   */
  fitCellCycle(request: CellCycleFitRequest): Promise<Result<CellCycleFitResult>>;
}

/**
 * What each cytometry worker implements: the calls above as they concern its own samples (the UI thread's side of the
 * engine, src/engine/enginePool.ts, routes each call to the worker where its sample lives and combines cross-sample
 * answers such as shared axes), with what that side adds: the memory left for a file's events, and a ping for the
 * watchdog.
 */
export interface CytometryWorkerApi extends Omit<CytometryApi, 'openFile' | 'openKept' | 'openUrl' | 'sharedAxis' | 'analyseApoptosis'> {
  /** Answers at once: the watchdog asks every few seconds whether the worker is alive. */
  ping(): Promise<void>;
  openFile(id: SampleId, file: Blob, fileName: string, options: OpenOptions, onProgress?: (progress: ReadProgress) => void): Promise<Result<SampleSummary>>;
  openKept(id: SampleId, key: string, fileName: string, memoryLimit: number): Promise<Result<SampleSummary>>;
  openUrl(id: SampleId, url: string, fileName: string, memoryLimit: number): Promise<Result<SampleSummary>>;
  /** The guided Annexin V/PI analysis, step 1 (workers/apoptosis.ts), for tubes living in this worker. */
  prepareApoptosis(request: ApoptosisRequest): Promise<Result<ApoptosisPreparation[]>>;
  /** Step 2, in one worker: the experiment's settings (fails with ApoptosisAnalysisError when no quadrant can be placed). */
  apoptosisSettings(request: ApoptosisSettingsRequest): Promise<Result<ApoptosisSettings>>;
  /** Step 3, for tubes living in this worker. */
  analyseApoptosisTubes(request: ApoptosisTubesRequest): Promise<Result<(AnalysedTube | FailedTube)[]>>;
}
