import type { SpilloverMatrix } from '../fcs/types.ts';
import {
  acquisitionTimes, cantoFitcPeSpillover, cantoKeywords, cantoParameter, completeAcquisitionInfo, FLUORESCENCE_NOISE,
  measureColumnInPlace, measurePulseInPlace, SCATTER_NOISE, spillIntoDetectorsInPlace, typicalEventsPerSecond,
  type AcquisitionInfo, type PulseShape,
} from './instrument.ts';
import { apportionCounts, countLabels, shuffledLabels } from './labels.ts';
import { createRng, type Rng } from './rng.ts';
import { cumulativeProbabilities, sampleExponential, sampleIndexFromCumulative, sampleLogNormal } from './samplers.ts';
import { assertEventCount, assertFractionsSumToOne, assertInRange, fractionOf, type SimulatedSample } from './simulatedSample.ts';

/** Per-event class labels of an Annexin V/PI sample (values stored in `labels`). */
export const ApoptosisClass = { viable: 0, earlyApoptotic: 1, lateApoptotic: 2, necrotic: 3, debris: 4, doublet: 5 } as const;
export type ApoptosisClassName = keyof typeof ApoptosisClass;
export const APOPTOSIS_CLASS_NAMES: readonly ApoptosisClassName[] = ['viable', 'earlyApoptotic', 'lateApoptotic', 'necrotic', 'debris', 'doublet'];

/** Fractions of single cells: viable AnnV−/PI−, early AnnV+/PI−, late AnnV+/PI+, necrotic AnnV−/PI+ (sum 1). */
export interface ApoptosisFractions {
  viable: number;
  earlyApoptotic: number;
  lateApoptotic: number;
  necrotic: number;
}

/** Which reagents the tube received: the stained sample or one of its three controls. */
export type ApoptosisStain = 'annexinAndPi' | 'annexinOnly' | 'piOnly' | 'unstained';

/**
 * textbook: four well-separated populations. messy: what real tubes show besides (issue 10): necrotic cells that
 * bind some Annexin V through their broken membrane (dim, ~2 decades below apoptotic cells), early apoptotic cells
 * smeared from dim to bright as phosphatidylserine comes out gradually, and more debris, mostly PI-positive
 * (fragments that keep DNA), reaching larger sizes.
 */
export type ApoptosisBiology = 'textbook' | 'messy';

export interface ApoptosisParams {
  eventCount: number;
  /** Biology of the single cells (the stain decides what is visible, not what is true). */
  singleCellFractions: ApoptosisFractions;
  /** Debris particles as a fraction of all recorded events. */
  debrisFraction: number;
  /** Doublets as a fraction of all recorded events. */
  doubletFraction: number;
  stain: ApoptosisStain;
  /** Write the true matrix as $SPILLOVER; false reproduces a file whose compensation was lost. */
  writeSpilloverKeyword: boolean;
  /** Default textbook. */
  biology?: ApoptosisBiology;
}

export interface ApoptosisTruth {
  assay: 'apoptosis';
  seed: number;
  params: ApoptosisParams;
  /** Events per class, counted from the labels. */
  counts: Record<ApoptosisClassName, number>;
  /** Non-debris, non-doublet events. */
  singleCellCount: number;
  /** Realised fractions of single cells; totalApoptotic = early + late. */
  fractionsOfSingleCells: ApoptosisFractions & { totalApoptotic: number };
  /** Fractions of all events. */
  debrisFraction: number;
  doubletFraction: number;
  /** The spillover the data were made with, whether or not the file carries it. */
  spillover: SpilloverMatrix;
}

export const DEFAULT_APOPTOSIS_PARAMS: ApoptosisParams = {
  eventCount: 20_000,
  singleCellFractions: { viable: 0.9, earlyApoptotic: 0.045, lateApoptotic: 0.035, necrotic: 0.02 },
  debrisFraction: 0.08,
  doubletFraction: 0.04,
  stain: 'annexinAndPi',
  writeSpilloverKeyword: true,
};

/** Medians (channel units) and log-SDs of one single-cell class; dye amounts are in each dye's own detector. */
interface CellProfile {
  fscMedian: number;
  fscSdLog: number;
  sscMedian: number;
  sscSdLog: number;
  annexinMedian: number;
  piMedian: number;
}

// Dying cells shrink (lower FSC) and condense (higher SSC while apoptotic); necrotic cells lose both.
// Positives sit 1.5–2.5 decades above the autofluorescent negatives.
const SINGLE_CELL_PROFILES: readonly CellProfile[] = [
  { fscMedian: 95_000, fscSdLog: 0.13, sscMedian: 48_000, sscSdLog: 0.22, annexinMedian: 0, piMedian: 0 },
  { fscMedian: 78_000, fscSdLog: 0.16, sscMedian: 60_000, sscSdLog: 0.25, annexinMedian: 16_000, piMedian: 0 },
  { fscMedian: 55_000, fscSdLog: 0.2, sscMedian: 66_000, sscSdLog: 0.28, annexinMedian: 24_000, piMedian: 20_000 },
  { fscMedian: 46_000, fscSdLog: 0.22, sscMedian: 38_000, sscSdLog: 0.3, annexinMedian: 0, piMedian: 24_000 },
];
const DYE_SD_LOG = 0.45;
const REFERENCE_FSC = SINGLE_CELL_PROFILES[0].fscMedian;
const AUTOFLUORESCENCE_FITC_MEDIAN = 140;
const AUTOFLUORESCENCE_PE_MEDIAN = 80;
const FSC_THRESHOLD = 5000;

const FSC_PULSE: PulseShape = { heightPerArea: 0.92, referenceWidth: 72_000, noise: SCATTER_NOISE };
const SSC_PULSE: PulseShape = { heightPerArea: 0.88, referenceWidth: 68_000, noise: SCATTER_NOISE };

const PARAMETERS = [
  cantoParameter('FSC-A', null, 320, 'LIN'),
  cantoParameter('FSC-H', null, 320, 'LIN'),
  cantoParameter('FSC-W', null, 320, 'LIN'),
  cantoParameter('SSC-A', null, 420, 'LIN'),
  cantoParameter('SSC-H', null, 420, 'LIN'),
  cantoParameter('SSC-W', null, 420, 'LIN'),
  cantoParameter('FITC-A', 'Annexin V', 485, 'LOG'),
  cantoParameter('PE-A', 'PI', 430, 'LOG'),
  cantoParameter('Time', null, null, 'LIN'),
];

/** What one event emits before the instrument sees it. */
const Field = { Fsc: 0, Ssc: 1, WidthRatio: 2, Annexin: 3, Pi: 4, AutoFitc: 5, AutoPe: 6 } as const;
const FIELD_COUNT = 7;
/** Fields that add up when two cells pass the laser together. */
const ADDITIVE_FIELDS = [Field.Fsc, Field.Ssc, Field.Annexin, Field.Pi, Field.AutoFitc, Field.AutoPe];

/**
 * Simulates one Annexin V-FITC/PI tube on a FACSCanto II: uncompensated float32 detector values with debris,
 * doublets and FITC→PE spillover, plus the exact class of every event.
 * @throws RangeError naming the offending parameter.
 */
export function simulateApoptosisSample(params: ApoptosisParams, seed: number, acquisition: Partial<AcquisitionInfo> = {}): SimulatedSample<ApoptosisTruth> {
  validateApoptosisParams(params);
  const rng = createRng(seed);
  const { eventCount } = params;
  const debrisCount = Math.round(params.debrisFraction * eventCount);
  const doubletCount = Math.round(params.doubletFraction * eventCount);
  if (debrisCount + doubletCount > eventCount) {
    throw new RangeError('simulateApoptosisSample: debrisFraction + doubletFraction must not exceed 1');
  }
  const fractions = params.singleCellFractions;
  const singleWeights = [fractions.viable, fractions.earlyApoptotic, fractions.lateApoptotic, fractions.necrotic];
  const singleCounts = apportionCounts(singleWeights, eventCount - debrisCount - doubletCount);
  const labels = shuffledLabels(rng, [...singleCounts, debrisCount, doubletCount]);

  const spillover = cantoFitcPeSpillover();
  const columns: Float32Array[] = PARAMETERS.map(() => new Float32Array(eventCount));
  const [fscA, fscH, fscW, sscA, sscH, sscW, fitcA, peA] = columns;
  const widthRatios = new Float32Array(eventCount);
  const autoFitc = new Float32Array(eventCount);
  const autoPe = new Float32Array(eventCount);
  const hasAnnexin = params.stain === 'annexinAndPi' || params.stain === 'annexinOnly' ? 1 : 0;
  const hasPi = params.stain === 'annexinAndPi' || params.stain === 'piOnly' ? 1 : 0;
  const partnerCumulative = cumulativeProbabilities(singleWeights);
  const event = new Float64Array(FIELD_COUNT);
  const partner = new Float64Array(FIELD_COUNT);

  const messy = params.biology === 'messy';
  for (let e = 0; e < eventCount; e++) {
    const label = labels[e];
    if (label === ApoptosisClass.debris) sampleDebris(rng, event, messy);
    else if (label === ApoptosisClass.doublet) sampleDoublet(rng, partnerCumulative, event, partner, messy);
    else sampleSingleCell(rng, label, event, messy);
    fscA[e] = event[Field.Fsc];
    sscA[e] = event[Field.Ssc];
    widthRatios[e] = event[Field.WidthRatio];
    fitcA[e] = hasAnnexin * event[Field.Annexin];
    peA[e] = hasPi * event[Field.Pi];
    autoFitc[e] = event[Field.AutoFitc];
    autoPe[e] = event[Field.AutoPe];
  }

  measurePulseInPlace(rng, fscA, widthRatios, FSC_PULSE, fscH, fscW);
  measurePulseInPlace(rng, sscA, widthRatios, SSC_PULSE, sscH, sscW);
  spillIntoDetectorsInPlace([fitcA, peA], spillover);
  for (let e = 0; e < eventCount; e++) {
    fitcA[e] += autoFitc[e];
    peA[e] += autoPe[e];
  }
  measureColumnInPlace(rng, fitcA, FLUORESCENCE_NOISE);
  measureColumnInPlace(rng, peA, FLUORESCENCE_NOISE);
  const times = acquisitionTimes(rng, eventCount, typicalEventsPerSecond(eventCount));
  columns[columns.length - 1] = times.ticks;

  const info = completeAcquisitionInfo(acquisition, 'AnnV-PI_simulated.fcs');
  const keywords = cantoKeywords(PARAMETERS, info, times.durationSeconds, params.writeSpilloverKeyword);
  keywords.$COM = `Simulated by FlowFate (Annexin V/PI, ${params.stain}, seed ${seed}); not measured data`;
  return {
    input: {
      channels: PARAMETERS.map((p) => p.spec),
      columns,
      keywords,
      spillover: params.writeSpilloverKeyword ? spillover : null,
    },
    truth: summariseApoptosisTruth(params, seed, labels, spillover),
    labels,
  };
}

function validateApoptosisParams(params: ApoptosisParams): void {
  const where = 'simulateApoptosisSample';
  assertEventCount(params.eventCount, where);
  assertFractionsSumToOne({ ...params.singleCellFractions }, 'singleCellFractions', where);
  assertInRange(params.debrisFraction, 0, 0.9, 'debrisFraction', where);
  assertInRange(params.doubletFraction, 0, 0.5, 'doubletFraction', where);
  const stains: readonly ApoptosisStain[] = ['annexinAndPi', 'annexinOnly', 'piOnly', 'unstained'];
  if (!stains.includes(params.stain)) throw new RangeError(`${where}: stain must be one of ${stains.join(', ')}, got ${String(params.stain)}`);
  const biologies: readonly (ApoptosisBiology | undefined)[] = ['textbook', 'messy', undefined];
  if (!biologies.includes(params.biology)) throw new RangeError(`${where}: biology must be textbook or messy, got ${String(params.biology)}`);
}

/** Messy biology: a third of early apoptotic cells spread log-uniformly from dim to bright Annexin V. */
const DIM_EARLY_SHARE = 0.35;
const DIM_EARLY_RANGE = [600, 9000] as const;
/** Messy biology: necrotic cells' Annexin V binding through the broken membrane, ~2 decades below apoptotic cells. */
const NECROTIC_ANNEXIN_MEDIAN = 250;
const NECROTIC_ANNEXIN_SD_LOG = 0.8;

function annexinOf(rng: Rng, label: number, profile: CellProfile, messy: boolean): number {
  if (messy && label === ApoptosisClass.necrotic) return sampleLogNormal(rng, NECROTIC_ANNEXIN_MEDIAN, NECROTIC_ANNEXIN_SD_LOG);
  if (messy && label === ApoptosisClass.earlyApoptotic && rng.uniform() < DIM_EARLY_SHARE) {
    const [lo, hi] = DIM_EARLY_RANGE;
    return lo * (hi / lo) ** rng.uniform();
  }
  return profile.annexinMedian > 0 ? sampleLogNormal(rng, profile.annexinMedian, DYE_SD_LOG) : 0;
}

function sampleSingleCell(rng: Rng, label: number, out: Float64Array, messy: boolean): void {
  const profile = SINGLE_CELL_PROFILES[label];
  // One shared size deviate couples FSC, SSC and autofluorescence, as larger cells scatter and glow more.
  const size = rng.standardNormal();
  const fsc = profile.fscMedian * Math.exp(profile.fscSdLog * size);
  out[Field.Fsc] = fsc;
  out[Field.Ssc] = profile.sscMedian * Math.exp(profile.sscSdLog * (0.5 * size + 0.866 * rng.standardNormal()));
  out[Field.WidthRatio] = transitWidthRatio(rng, fsc);
  out[Field.Annexin] = annexinOf(rng, label, profile, messy);
  out[Field.Pi] = profile.piMedian > 0 ? sampleLogNormal(rng, profile.piMedian, DYE_SD_LOG) : 0;
  setAutofluorescence(rng, fsc, out);
}

function sampleDebris(rng: Rng, out: Float64Array, messy: boolean): void {
  // Scatter falls off exponentially from the FSC threshold; fragments bind Annexin variably and are often PI-dim
  // (messy: larger, and mostly PI-positive).
  const fsc = FSC_THRESHOLD + sampleExponential(rng, messy ? 9000 : 6000);
  out[Field.Fsc] = fsc;
  out[Field.Ssc] = sampleLogNormal(rng, 8000 * Math.sqrt(fsc / 11_000), 0.6);
  out[Field.WidthRatio] = transitWidthRatio(rng, fsc);
  out[Field.Annexin] = sampleLogNormal(rng, 400, 1.1);
  if (messy) out[Field.Pi] = rng.uniform() < 0.8 ? sampleLogNormal(rng, 4000, 1.0) : 0;
  else out[Field.Pi] = rng.uniform() < 0.6 ? sampleLogNormal(rng, 900, 0.9) : 0;
  setAutofluorescence(rng, fsc, out);
}

function sampleDoublet(rng: Rng, partnerCumulative: Float64Array, out: Float64Array, partner: Float64Array, messy: boolean): void {
  sampleSingleCell(rng, sampleIndexFromCumulative(rng, partnerCumulative), out, messy);
  sampleSingleCell(rng, sampleIndexFromCumulative(rng, partnerCumulative), partner, messy);
  // Two cells in tandem: areas add, and the pulse lasts the first cell plus the unoverlapped part of the second.
  const overlapFreeShare = 0.35 + 0.6 * rng.uniform();
  out[Field.WidthRatio] += overlapFreeShare * partner[Field.WidthRatio];
  for (const field of ADDITIVE_FIELDS) out[field] += partner[field];
}

/**
 * Pulse duration relative to a reference cell: the beam (about one cell diameter high) plus the cell's
 * diameter, which grows as √FSC since forward scatter tracks cross-sectional area.
 */
function transitWidthRatio(rng: Rng, fsc: number): number {
  return ((1 + Math.sqrt(fsc / REFERENCE_FSC)) / 2) * Math.exp(0.04 * rng.standardNormal());
}

function setAutofluorescence(rng: Rng, fsc: number, out: Float64Array): void {
  const sizeFactor = fsc / REFERENCE_FSC;
  const shared = rng.standardNormal();
  out[Field.AutoFitc] = AUTOFLUORESCENCE_FITC_MEDIAN * sizeFactor * Math.exp(0.35 * shared);
  out[Field.AutoPe] = AUTOFLUORESCENCE_PE_MEDIAN * sizeFactor * Math.exp(0.35 * (0.8 * shared + 0.6 * rng.standardNormal()));
}

function summariseApoptosisTruth(params: ApoptosisParams, seed: number, labels: Uint8Array, spillover: SpilloverMatrix): ApoptosisTruth {
  const [viable, earlyApoptotic, lateApoptotic, necrotic, debris, doublet] = countLabels(labels, APOPTOSIS_CLASS_NAMES.length);
  const singleCellCount = viable + earlyApoptotic + lateApoptotic + necrotic;
  return {
    assay: 'apoptosis',
    seed,
    params,
    counts: { viable, earlyApoptotic, lateApoptotic, necrotic, debris, doublet },
    singleCellCount,
    fractionsOfSingleCells: {
      viable: fractionOf(viable, singleCellCount),
      earlyApoptotic: fractionOf(earlyApoptotic, singleCellCount),
      lateApoptotic: fractionOf(lateApoptotic, singleCellCount),
      necrotic: fractionOf(necrotic, singleCellCount),
      totalApoptotic: fractionOf(earlyApoptotic + lateApoptotic, singleCellCount),
    },
    debrisFraction: debris / labels.length,
    doubletFraction: doublet / labels.length,
    spillover,
  };
}
