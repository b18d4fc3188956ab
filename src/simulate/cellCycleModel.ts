import {
  acquisitionTimes, cantoKeywords, cantoParameter, completeAcquisitionInfo, measureColumnInPlace, measurePulseInPlace,
  SCATTER_NOISE, typicalEventsPerSecond, type AcquisitionInfo, type DetectorNoise, type PulseShape,
} from './instrument.ts';
import { apportionCounts, countLabels, shuffledLabels } from './labels.ts';
import { createRng, type Rng } from './rng.ts';
import {
  cumulativeProbabilities, quadraticCoefficients, quadraticDensityExtremes, sampleBeta, sampleExponential,
  sampleIndexFromCumulative, sampleLogNormal, sampleQuadratic, type QuadraticDensity,
} from './samplers.ts';
import { assertEventCount, assertFractionsSumToOne, assertInRange, fractionOf, type SimulatedSample } from './simulatedSample.ts';

/** Per-event class labels of a PI DNA-content sample (values stored in `labels`). */
export const CellCycleClass = { g0g1: 0, s: 1, g2m: 2, subG1: 3, debris: 4, doublet: 5 } as const;
export type CellCycleClassName = keyof typeof CellCycleClass;
export const CELL_CYCLE_CLASS_NAMES: readonly CellCycleClassName[] = ['g0g1', 's', 'g2m', 'subG1', 'debris', 'doublet'];

/** Fractions of cycling single cells in each phase (sum 1), the denominator ModFit and FlowJo report. */
export interface PhaseFractions {
  g0g1: number;
  s: number;
  g2m: number;
}

export interface CellCycleParams {
  eventCount: number;
  phaseFractions: PhaseFractions;
  /** Apoptotic sub-G1 cells as a fraction of single cells (cycling + sub-G1). */
  subG1Fraction: number;
  /** Debris as a fraction of all recorded events (0 turns debris off). */
  debrisFraction: number;
  /** Aggregates of two cycling cells as a fraction of all recorded events (0 turns doublets off). */
  doubletFraction: number;
  /** Mean PI-A of G0/G1 nuclei (linear channel units). */
  g1MeanPiA: number;
  /** Total coefficient of variation of every DNA-content peak (staining, optics and photon statistics), e.g. 0.05. */
  g1Cv: number;
  /** G2/M mean ÷ G0/G1 mean (the "linearity"; ≈ 1.95–2.0 on a well-set instrument). */
  g2g1Ratio: number;
  /** Relative density of S-phase DNA content at its start (G1), middle and end (G2): Dean–Jett's quadratic. */
  sPhaseDensity: QuadraticDensity;
}

export interface CellCycleTruth {
  assay: 'cellCycle';
  seed: number;
  params: CellCycleParams;
  /** Events per class, counted from the labels. */
  counts: Record<CellCycleClassName, number>;
  /** G0/G1 + S + G2/M single cells. */
  cyclingCount: number;
  /** Cycling + sub-G1 single cells. */
  singleCellCount: number;
  /** Realised fractions of cycling single cells (sum 1). */
  phaseFractions: PhaseFractions;
  subG1FractionOfSingleCells: number;
  /** Fractions of all events. */
  debrisFraction: number;
  doubletFraction: number;
  g1MeanPiA: number;
  g2MeanPiA: number;
  /** CV of the measured G0/G1 peak: g1Cv combined with the detector's electronic noise. */
  g1CvMeasured: number;
  g2CvMeasured: number;
}

export const DEFAULT_CELL_CYCLE_PARAMS: CellCycleParams = {
  eventCount: 30_000,
  phaseFractions: { g0g1: 0.55, s: 0.3, g2m: 0.15 },
  subG1Fraction: 0.03,
  debrisFraction: 0.06,
  doubletFraction: 0.05,
  g1MeanPiA: 55_000,
  g1Cv: 0.045,
  g2g1Ratio: 1.97,
  sPhaseDensity: { start: 1.15, middle: 1, end: 0.85 },
};

// g1Cv already contains photon statistics, so only the baseline noise is added on top of it.
const PI_NOISE: DetectorNoise = { electronicSd: 45, photonVariancePerUnit: 0 };
const PI_PULSE: PulseShape = { heightPerArea: 0.9, referenceWidth: 66_000, noise: PI_NOISE };
const FSC_PULSE: PulseShape = { heightPerArea: 0.92, referenceWidth: 72_000, noise: SCATTER_NOISE };
const G1_FSC_MEDIAN = 70_000;
const G1_SSC_MEDIAN = 45_000;
const FSC_THRESHOLD = 5000;

const PARAMETERS = [
  cantoParameter('FSC-A', null, 300, 'LIN'),
  cantoParameter('FSC-H', null, 300, 'LIN'),
  cantoParameter('SSC-A', null, 400, 'LIN'),
  cantoParameter('PI-A', null, 390, 'LIN'),
  cantoParameter('PI-H', null, 390, 'LIN'),
  cantoParameter('PI-W', null, 390, 'LIN'),
  cantoParameter('Time', null, null, 'LIN'),
];

const Field = { Fsc: 0, Ssc: 1, Pi: 2, WidthRatio: 3 } as const;
const FIELD_COUNT = 4;

/** Per-sample constants the per-event samplers need, computed once. */
interface CycleShape {
  g1Mean: number;
  cv: number;
  g2g1Ratio: number;
  sCoefficients: [number, number, number];
  sMaxDensity: number;
  phaseCumulative: Float64Array;
}

/**
 * Simulates one PI DNA-content tube on a FACSCanto II: sub-G1, G0/G1, S, G2/M, debris and aggregates with
 * PI-A/PI-H/PI-W pulse data, plus the exact class of every event.
 * @throws RangeError naming the offending parameter.
 */
export function simulateCellCycleSample(params: CellCycleParams, seed: number, acquisition: Partial<AcquisitionInfo> = {}): SimulatedSample<CellCycleTruth> {
  const shape = validateCellCycleParams(params);
  const rng = createRng(seed);
  const { eventCount } = params;
  const debrisCount = Math.round(params.debrisFraction * eventCount);
  const doubletCount = Math.round(params.doubletFraction * eventCount);
  if (debrisCount + doubletCount > eventCount) {
    throw new RangeError('simulateCellCycleSample: debrisFraction + doubletFraction must not exceed 1');
  }
  const singleCount = eventCount - debrisCount - doubletCount;
  const subG1Count = Math.round(params.subG1Fraction * singleCount);
  const { g0g1, s, g2m } = params.phaseFractions;
  const phaseCounts = apportionCounts([g0g1, s, g2m], singleCount - subG1Count);
  const labels = shuffledLabels(rng, [...phaseCounts, subG1Count, debrisCount, doubletCount]);

  const columns: Float32Array[] = PARAMETERS.map(() => new Float32Array(eventCount));
  const [fscA, fscH, sscA, piA, piH, piW] = columns;
  const widthRatios = new Float32Array(eventCount);
  const event = new Float64Array(FIELD_COUNT);
  const partner = new Float64Array(FIELD_COUNT);
  for (let e = 0; e < eventCount; e++) {
    const label = labels[e];
    if (label === CellCycleClass.debris) sampleDebris(rng, shape, event);
    else if (label === CellCycleClass.subG1) sampleSubG1(rng, shape, event);
    else if (label === CellCycleClass.doublet) sampleAggregate(rng, shape, event, partner);
    else sampleCyclingCell(rng, shape, label, event);
    fscA[e] = event[Field.Fsc];
    sscA[e] = event[Field.Ssc];
    piA[e] = event[Field.Pi];
    widthRatios[e] = event[Field.WidthRatio];
  }

  measurePulseInPlace(rng, fscA, widthRatios, FSC_PULSE, fscH, null);
  measureColumnInPlace(rng, sscA, SCATTER_NOISE);
  measurePulseInPlace(rng, piA, widthRatios, PI_PULSE, piH, piW);
  const times = acquisitionTimes(rng, eventCount, typicalEventsPerSecond(eventCount));
  columns[columns.length - 1] = times.ticks;

  const info = completeAcquisitionInfo(acquisition, 'PI-DNA_simulated.fcs');
  const keywords = cantoKeywords(PARAMETERS, info, times.durationSeconds, false);
  keywords.$COM = `Simulated by FlowFate (PI DNA content, seed ${seed}); not measured data`;
  return {
    input: { channels: PARAMETERS.map((p) => p.spec), columns, keywords, spillover: null },
    truth: summariseCellCycleTruth(params, seed, labels),
    labels,
  };
}

function validateCellCycleParams(params: CellCycleParams): CycleShape {
  const where = 'simulateCellCycleSample';
  assertEventCount(params.eventCount, where);
  assertFractionsSumToOne({ ...params.phaseFractions }, 'phaseFractions', where);
  assertInRange(params.subG1Fraction, 0, 0.95, 'subG1Fraction', where);
  assertInRange(params.debrisFraction, 0, 0.9, 'debrisFraction', where);
  assertInRange(params.doubletFraction, 0, 0.5, 'doubletFraction', where);
  // Keeps G2/M + G2/M aggregates (2 × 2.1 × 60,000 = 252,000) on the 262,144 scale.
  assertInRange(params.g1MeanPiA, 5000, 60_000, 'g1MeanPiA', where);
  assertInRange(params.g1Cv, 0.005, 0.2, 'g1Cv', where);
  assertInRange(params.g2g1Ratio, 1.5, 2.1, 'g2g1Ratio', where);
  const density = params.sPhaseDensity;
  const extremes = quadraticDensityExtremes(density);
  if (!(extremes.min > 0) || ![density.start, density.middle, density.end].every(Number.isFinite)) {
    throw new RangeError(`${where}: sPhaseDensity must stay positive across S phase, got ${JSON.stringify(density)}`);
  }
  return {
    g1Mean: params.g1MeanPiA,
    cv: params.g1Cv,
    g2g1Ratio: params.g2g1Ratio,
    sCoefficients: quadraticCoefficients(density),
    sMaxDensity: extremes.max,
    phaseCumulative: cumulativeProbabilities([params.phaseFractions.g0g1, params.phaseFractions.s, params.phaseFractions.g2m]),
  };
}

/** DNA content relative to G0/G1 for a cycling phase: 1, a point of S drawn from the quadratic, or the G2 ratio. */
function sampleRelativeDnaContent(rng: Rng, shape: CycleShape, phase: number): number {
  if (phase === CellCycleClass.g0g1) return 1;
  if (phase === CellCycleClass.g2m) return shape.g2g1Ratio;
  return 1 + (shape.g2g1Ratio - 1) * sampleQuadratic(rng, shape.sCoefficients, shape.sMaxDensity);
}

/**
 * Writes a cell with the given DNA content (relative to G0/G1): PI-A broadened by the CV; scatter and pulse
 * width grow with `relativeVolume` (cross-section as volume^(2/3); the pulse lasts the beam height, about one
 * G1 diameter, plus the cell's diameter).
 */
function setCell(rng: Rng, shape: CycleShape, content: number, relativeVolume: number, scatterScale: number, out: Float64Array): void {
  out[Field.Pi] = shape.g1Mean * content * (1 + shape.cv * rng.standardNormal());
  const size = rng.standardNormal();
  out[Field.Fsc] = G1_FSC_MEDIAN * scatterScale * Math.pow(relativeVolume, 2 / 3) * Math.exp(0.12 * size);
  out[Field.Ssc] = G1_SSC_MEDIAN * scatterScale * Math.sqrt(relativeVolume) * Math.exp(0.2 * (0.6 * size + 0.8 * rng.standardNormal()));
  out[Field.WidthRatio] = ((1 + Math.cbrt(relativeVolume)) / 2) * Math.exp(0.035 * rng.standardNormal());
}

function sampleCyclingCell(rng: Rng, shape: CycleShape, phase: number, out: Float64Array): void {
  const content = sampleRelativeDnaContent(rng, shape, phase);
  setCell(rng, shape, content, content, 1, out);
}

function sampleSubG1(rng: Rng, shape: CycleShape, out: Float64Array): void {
  // Apoptotic cells that lost DNA fragments: a broad hump between ~0.1 and 0.8 of G1, in shrunken cells.
  setCell(rng, shape, 0.08 + 0.72 * sampleBeta(rng, 2.5, 2.5), 0.75, 0.8, out);
}

function sampleDebris(rng: Rng, shape: CycleShape, out: Float64Array): void {
  // Cut nuclei and fragments: PI falls off exponentially from the lowest channels, scatter from the threshold.
  const fsc = FSC_THRESHOLD + sampleExponential(rng, 6000);
  out[Field.Fsc] = fsc;
  out[Field.Ssc] = sampleLogNormal(rng, 7000 * Math.sqrt(fsc / 11_000), 0.6);
  out[Field.Pi] = sampleExponential(rng, 0.1 * shape.g1Mean);
  out[Field.WidthRatio] = 0.5 + 0.5 * Math.sqrt(fsc / G1_FSC_MEDIAN) * Math.exp(0.1 * rng.standardNormal());
}

function sampleAggregate(rng: Rng, shape: CycleShape, out: Float64Array, partner: Float64Array): void {
  sampleCyclingCell(rng, shape, sampleIndexFromCumulative(rng, shape.phaseCumulative), out);
  sampleCyclingCell(rng, shape, sampleIndexFromCumulative(rng, shape.phaseCumulative), partner);
  // Nuclei in tandem: areas add; the pulse lasts the first nucleus plus the unoverlapped part of the second.
  out[Field.WidthRatio] += (0.4 + 0.55 * rng.uniform()) * partner[Field.WidthRatio];
  out[Field.Fsc] += partner[Field.Fsc];
  out[Field.Ssc] += partner[Field.Ssc];
  out[Field.Pi] += partner[Field.Pi];
}

function summariseCellCycleTruth(params: CellCycleParams, seed: number, labels: Uint8Array): CellCycleTruth {
  const [g0g1, s, g2m, subG1, debris, doublet] = countLabels(labels, CELL_CYCLE_CLASS_NAMES.length);
  const cyclingCount = g0g1 + s + g2m;
  const singleCellCount = cyclingCount + subG1;
  const g2MeanPiA = params.g1MeanPiA * params.g2g1Ratio;
  const measuredCv = (mean: number): number => Math.hypot(params.g1Cv, PI_NOISE.electronicSd / mean);
  return {
    assay: 'cellCycle',
    seed,
    params,
    counts: { g0g1, s, g2m, subG1, debris, doublet },
    cyclingCount,
    singleCellCount,
    phaseFractions: { g0g1: fractionOf(g0g1, cyclingCount), s: fractionOf(s, cyclingCount), g2m: fractionOf(g2m, cyclingCount) },
    subG1FractionOfSingleCells: fractionOf(subG1, singleCellCount),
    debrisFraction: debris / labels.length,
    doubletFraction: doublet / labels.length,
    g1MeanPiA: params.g1MeanPiA,
    g2MeanPiA,
    g1CvMeasured: measuredCv(params.g1MeanPiA),
    g2CvMeasured: measuredCv(g2MeanPiA),
  };
}
