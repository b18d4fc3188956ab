import type { ChannelSpec, Keywords, SpilloverMatrix } from '../fcs/types.ts';
import type { Rng } from './rng.ts';
import { sampleExponential } from './samplers.ts';

/** BD FACSDiva digital data span 18 bits: $PnR 262144 for every area, height and width parameter. */
export const CANTO_RANGE = 262144;
/** Largest value the electronics report; brighter pulses pile up here (off-scale events). */
export const CANTO_MAX_VALUE = CANTO_RANGE - 1;
/** Diva's Time unit: $TIMESTEP 0.01 s. */
export const TIME_STEP_SECONDS = 0.01;

/** One parameter as a FACSCanto II run under FACSDiva records it. */
export interface CantoParameter {
  spec: ChannelSpec;
  /** Detector voltage, written as $PnV. */
  voltage: number | null;
  /** Diva's suggested display, written as PnDISPLAY. */
  display: 'LIN' | 'LOG';
}

/** A Canto II parameter; `label` is the $PnS a user types into Diva (null for scatter and Time). */
export function cantoParameter(name: string, label: string | null, voltage: number | null, display: 'LIN' | 'LOG'): CantoParameter {
  return { spec: { name, label, range: CANTO_RANGE }, voltage, display };
}

/**
 * Detector noise of a digital PMT/photodiode channel: variance = electronicSd² + photonVariancePerUnit·signal
 * (Poisson photoelectron statistics scaled to channel units, plus baseline noise). The photon term is what
 * makes spillover spread compensated positives.
 */
export interface DetectorNoise {
  electronicSd: number;
  photonVariancePerUnit: number;
}

export const FLUORESCENCE_NOISE: DetectorNoise = { electronicSd: 45, photonVariancePerUnit: 2.5 };
export const SCATTER_NOISE: DetectorNoise = { electronicSd: 150, photonVariancePerUnit: 1.2 };

/** A value as the detector reports it: the signal plus Gaussian detector noise, cut at the top of scale. */
export function measureSignal(rng: Rng, signal: number, noise: DetectorNoise): number {
  const variance = noise.electronicSd * noise.electronicSd + noise.photonVariancePerUnit * Math.max(signal, 0);
  return Math.min(signal + Math.sqrt(variance) * rng.standardNormal(), CANTO_MAX_VALUE);
}

/** Replaces each true signal by its measured value (in place). */
export function measureColumnInPlace(rng: Rng, signals: Float32Array, noise: DetectorNoise): void {
  for (let i = 0; i < signals.length; i++) signals[i] = measureSignal(rng, signals[i], noise);
}

/** The true spillover of the simulated cytometer, as FACSDiva would store it. */
export function cantoFitcPeSpillover(): SpilloverMatrix {
  // FITC leaks ~20% into the 585/42 PE detector; PI (read in PE-A) leaks ~1% back into 530/30 FITC.
  return { channels: ['FITC-A', 'PE-A'], matrix: [[1, 0.21], [0.013, 1]], source: '$SPILLOVER' };
}

/**
 * Turns per-fluorochrome amounts into detector signals in place: detector_j = Σ_i amount_i · S[i][j]
 * (FCS 3.1 $SPILLOVER: row i is fluorochrome i's spill into each detector). `columns[i]` holds
 * fluorochrome i's amount on entry and detector i's signal on return.
 */
export function spillIntoDetectorsInPlace(columns: readonly Float32Array[], spillover: SpilloverMatrix): void {
  const n = spillover.channels.length;
  if (columns.length !== n || spillover.matrix.length !== n || spillover.matrix.some((row) => row.length !== n)) {
    throw new RangeError(`spillIntoDetectorsInPlace: need ${n} columns and an ${n}×${n} matrix`);
  }
  const matrix = spillover.matrix;
  const amounts = new Float64Array(n);
  const eventCount = columns[0].length;
  for (let e = 0; e < eventCount; e++) {
    for (let i = 0; i < n; i++) amounts[i] = columns[i][e];
    for (let j = 0; j < n; j++) {
      let signal = 0;
      for (let i = 0; i < n; i++) signal += amounts[i] * matrix[i][j];
      columns[j][e] = signal;
    }
  }
}

/** How a parameter's pulse is shaped: enough to derive -H and -W from -A. */
export interface PulseShape {
  /** Height ÷ area for a reference singlet (widthRatio 1); Diva's area scaling makes it ≈ 1 for FSC. */
  heightPerArea: number;
  /** The -W value Diva reports for a reference singlet. */
  referenceWidth: number;
  noise: DetectorNoise;
}

/**
 * Measures a pulse from its true area signal and its duration relative to a reference singlet:
 * area = signal + noise, height = signal·heightPerArea/widthRatio + noise, and width derived from them as
 * digital electronics do, width = (area/height)·heightPerArea·referenceWidth, so area = height·width·k with
 * k = 1/(heightPerArea·referenceWidth). Writes measured areas over `areaSignals`; `widths` may be null when
 * the file does not record -W.
 */
export function measurePulseInPlace(
  rng: Rng,
  areaSignals: Float32Array,
  widthRatios: Float32Array,
  shape: PulseShape,
  heights: Float32Array,
  widths: Float32Array | null,
): void {
  const widthFactor = shape.heightPerArea * shape.referenceWidth;
  for (let i = 0; i < areaSignals.length; i++) {
    const signal = areaSignals[i];
    const area = Math.max(measureSignal(rng, signal, shape.noise), 0);
    const height = Math.max(measureSignal(rng, (signal * shape.heightPerArea) / widthRatios[i], shape.noise), 1);
    areaSignals[i] = area;
    heights[i] = height;
    if (widths) widths[i] = Math.min((area / height) * widthFactor, CANTO_MAX_VALUE);
  }
}

/**
 * Acquisition times in $TIMESTEP units (0.01 s) for a Poisson stream of `eventCount` events at
 * `eventsPerSecond`, truncated to whole ticks as the instrument clock does. Returns the column and the
 * run's duration in seconds.
 */
export function acquisitionTimes(rng: Rng, eventCount: number, eventsPerSecond: number): { ticks: Float32Array; durationSeconds: number } {
  const ticks = new Float32Array(eventCount);
  const meanGapTicks = 1 / (eventsPerSecond * TIME_STEP_SECONDS);
  let clock = 0;
  for (let i = 0; i < eventCount; i++) {
    clock += sampleExponential(rng, meanGapTicks);
    ticks[i] = Math.floor(clock);
  }
  return { ticks, durationSeconds: clock * TIME_STEP_SECONDS };
}

/** Sample-sheet facts Diva writes into every file. */
export interface AcquisitionInfo {
  fileName: string;
  tubeName: string;
  experimentName: string;
  specimenName: string;
  /** Calendar date of acquisition (UTC, no time zone in FCS). */
  date: { year: number; month: number; day: number };
  /** When acquisition started, in seconds after midnight. */
  startSecondOfDay: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** FCS 3.1 $DATE format dd-mmm-yyyy. */
export function formatFcsDate(date: AcquisitionInfo['date']): string {
  return `${String(date.day).padStart(2, '0')}-${MONTHS[date.month - 1]}-${date.year}`;
}

/** FCS $BTIM/$ETIM format hh:mm:ss (wraps past midnight). */
export function formatFcsTime(secondOfDay: number): string {
  const total = Math.floor(secondOfDay) % 86400;
  const parts = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return parts.map((part) => String(part).padStart(2, '0')).join(':');
}

/**
 * The TEXT keywords a FACSCanto II / FACSDiva 8 export carries besides the structural ones
 * (names and values as in real Diva files, e.g. the corpus's FACSCantoII and LSRII files).
 */
export function cantoKeywords(parameters: readonly CantoParameter[], acquisition: AcquisitionInfo, durationSeconds: number, compensationApplied: boolean): Keywords {
  const keywords: Keywords = {
    $CYT: 'FACSCantoII',
    CREATOR: 'BD FACSDiva Software Version 8.0.1',
    CYTNUM: 'V33896201',
    $SYS: 'Windows 10 10.0',
    $OP: 'flowfate-sim',
    $INST: 'FlowFate simulated instrument',
    $DATE: formatFcsDate(acquisition.date),
    $BTIM: formatFcsTime(acquisition.startSecondOfDay),
    $ETIM: formatFcsTime(acquisition.startSecondOfDay + Math.ceil(durationSeconds)),
    $FIL: acquisition.fileName,
    $SRC: acquisition.specimenName,
    'TUBE NAME': acquisition.tubeName,
    'EXPERIMENT NAME': acquisition.experimentName,
    $TIMESTEP: String(TIME_STEP_SECONDS),
    TIMETICKS: '2560',
    'WINDOW EXTENSION': '7.00',
    'FSC ASF': '0.89',
    LASER1NAME: 'Blue',
    LASER1DELAY: '0.00',
    LASER1ASF: '1.41',
    LASER2NAME: 'Red',
    LASER2DELAY: '29.96',
    LASER2ASF: '1.23',
    THRESHOLD: 'FSC,5000',
    AUTOBS: 'TRUE',
    'APPLY COMPENSATION': compensationApplied ? 'TRUE' : 'FALSE',
  };
  parameters.forEach((parameter, index) => {
    const n = index + 1;
    if (parameter.voltage !== null) keywords[`$P${n}V`] = String(parameter.voltage);
    keywords[`P${n}DISPLAY`] = parameter.display;
  });
  return keywords;
}

/** Fills in whatever sample-sheet facts the caller left out, with fixed values so files stay reproducible. */
export function completeAcquisitionInfo(partial: Partial<AcquisitionInfo>, defaultFileName: string): AcquisitionInfo {
  const fileName = partial.fileName ?? defaultFileName;
  const tubeName = partial.tubeName ?? fileName.replace(/\.fcs$/i, '');
  return {
    fileName,
    tubeName,
    experimentName: partial.experimentName ?? 'FlowFate simulation',
    specimenName: partial.specimenName ?? tubeName,
    date: partial.date ?? { year: 2025, month: 3, day: 14 },
    startSecondOfDay: partial.startSecondOfDay ?? 10 * 3600,
  };
}

/**
 * A plausible acquisition rate: ~800 events/s for a normal tube, faster for huge files so that the run
 * stays under 30 minutes and Time stays below $PnR.
 */
export function typicalEventsPerSecond(eventCount: number): number {
  return Math.max(800, eventCount / 1800);
}
