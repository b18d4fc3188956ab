import {
  acquisitionTimes, cantoKeywords, cantoParameter, completeAcquisitionInfo, measureColumnInPlace, measurePulseInPlace,
  SCATTER_NOISE, typicalEventsPerSecond, type AcquisitionInfo, type DetectorNoise, type PulseShape,
} from './instrument.ts';
import { apportionCounts, shuffledLabels } from './labels.ts';
import {
  CellCycleClass, FIELD_COUNT, Field, sampleAggregate, sampleClump, sampleCutNucleus, sampleCyclingCell, sampleDebris, sampleSubG1, type CycleShape,
} from './cellCycleEvents.ts';
import { summariseCellCycleTruth, type CellCycleTruth } from './cellCycleTruth.ts';
import { createRng, type Rng } from './rng.ts';
import { cumulativeProbabilities, quadraticCoefficients, quadraticDensityExtremes, type QuadraticDensity } from './samplers.ts';
import { assertEventCount, assertFractionsSumToOne, assertInRange, type SimulatedSample } from './simulatedSample.ts';

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
  /**
   * Share of the debris that is pieces of cut-up nuclei reaching up to their parent's content, under S phase and G2/M
   * (tall debris, as in plant-nuclei preparations); the rest are fragments near the lowest channels. Default 0.
   */
  cutNucleusFraction?: number;
  /** Clumps of three to six nuclei piled in PI-A's top channel (a PI voltage set too high), fraction of all events. Default 0. */
  clumpFraction?: number;
  /** A second G1-like population beside the cycling one; null or absent for one population. */
  secondPopulation?: SecondPopulationParams | null;
}

/**
 * An internal standard (chicken or trout erythrocytes, plant nuclei: phaseFractions all G0/G1) or an aneuploid clone
 * with its own cycle, at `dnaIndex` × the first population's G0/G1 content.
 */
export interface SecondPopulationParams {
  /** Of the cycling single cells of both populations. */
  fraction: number;
  dnaIndex: number;
  cv: number;
  phaseFractions: PhaseFractions;
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

const PARAMETERS = [
  cantoParameter('FSC-A', null, 300, 'LIN'),
  cantoParameter('FSC-H', null, 300, 'LIN'),
  cantoParameter('SSC-A', null, 400, 'LIN'),
  cantoParameter('PI-A', null, 390, 'LIN'),
  cantoParameter('PI-H', null, 390, 'LIN'),
  cantoParameter('PI-W', null, 390, 'LIN'),
  cantoParameter('Time', null, null, 'LIN'),
];


/**
 * Simulates one PI DNA-content tube on a FACSCanto II: sub-G1, G0/G1, S, G2/M, debris and aggregates with
 * PI-A/PI-H/PI-W pulse data, plus the exact class of every event; on request also the messier tubes real
 * instruments give: tall debris of cut nuclei, clumps piled in the top channel, a second G1-like population.
 * @throws RangeError naming the offending parameter.
 */
export function simulateCellCycleSample(params: CellCycleParams, seed: number, acquisition: Partial<AcquisitionInfo> = {}): SimulatedSample<CellCycleTruth> {
  const { first, second } = validateCellCycleParams(params);
  const rng = createRng(seed);
  const labels = shuffledLabels(rng, classCounts(params));

  const columns: Float32Array[] = PARAMETERS.map(() => new Float32Array(params.eventCount));
  const [fscA, fscH, sscA, piA, piH, piW] = columns;
  const widthRatios = new Float32Array(params.eventCount);
  const event = new Float64Array(FIELD_COUNT);
  const partner = new Float64Array(FIELD_COUNT);
  for (let e = 0; e < params.eventCount; e++) {
    sampleEvent(rng, labels[e], first, second, event, partner);
    fscA[e] = event[Field.Fsc];
    sscA[e] = event[Field.Ssc];
    piA[e] = event[Field.Pi];
    widthRatios[e] = event[Field.WidthRatio];
  }

  measurePulseInPlace(rng, fscA, widthRatios, FSC_PULSE, fscH, null);
  measureColumnInPlace(rng, sscA, SCATTER_NOISE);
  measurePulseInPlace(rng, piA, widthRatios, PI_PULSE, piH, piW);
  // A clump's pulse saturates the PI-A converter: it is recorded at the top of the range.
  for (let e = 0; e < params.eventCount; e++) if (labels[e] === CellCycleClass.clump) piA[e] = SATURATED_PI_A;
  const times = acquisitionTimes(rng, params.eventCount, typicalEventsPerSecond(params.eventCount));
  columns[columns.length - 1] = times.ticks;

  const info = completeAcquisitionInfo(acquisition, 'PI-DNA_simulated.fcs');
  const keywords = cantoKeywords(PARAMETERS, info, times.durationSeconds, false);
  keywords.$COM = `Simulated by FlowFate (PI DNA content, seed ${seed}); not measured data`;
  return {
    input: { channels: PARAMETERS.map((p) => p.spec), columns, keywords, spillover: null },
    truth: summariseCellCycleTruth(params, seed, labels, PI_NOISE.electronicSd),
    labels,
  };
}

/** The top of PI-A's 262,144-unit range, where the converter piles what it cannot measure. */
const SATURATED_PI_A = 262_143;

/** Events per class, in CellCycleClass order. */
function classCounts(params: CellCycleParams): number[] {
  const { eventCount } = params;
  const debrisCount = Math.round(params.debrisFraction * eventCount);
  const doubletCount = Math.round(params.doubletFraction * eventCount);
  const clumpCount = Math.round((params.clumpFraction ?? 0) * eventCount);
  if (debrisCount + doubletCount + clumpCount > eventCount) {
    throw new RangeError('simulateCellCycleSample: debrisFraction + doubletFraction + clumpFraction must not exceed 1');
  }
  const cutCount = Math.round((params.cutNucleusFraction ?? 0) * debrisCount);
  const singleCount = eventCount - debrisCount - doubletCount - clumpCount;
  const subG1Count = Math.round(params.subG1Fraction * singleCount);
  const second = params.secondPopulation ?? null;
  const secondCount = second ? Math.round(second.fraction * (singleCount - subG1Count)) : 0;
  const { g0g1, s, g2m } = params.phaseFractions;
  const phaseCounts = apportionCounts([g0g1, s, g2m], singleCount - subG1Count - secondCount);
  const secondCounts = second ? apportionCounts([second.phaseFractions.g0g1, second.phaseFractions.s, second.phaseFractions.g2m], secondCount) : [0, 0, 0];
  return [...phaseCounts, subG1Count, debrisCount - cutCount, doubletCount, ...secondCounts, cutCount, clumpCount];
}

function sampleEvent(rng: Rng, label: number, first: CycleShape, second: CycleShape | null, event: Float64Array, partner: Float64Array): void {
  switch (label) {
    case CellCycleClass.debris:
      return sampleDebris(rng, first, event);
    case CellCycleClass.cutNucleus:
      return sampleCutNucleus(rng, first, event);
    case CellCycleClass.subG1:
      return sampleSubG1(rng, first, event);
    case CellCycleClass.doublet:
      return sampleAggregate(rng, first, event, partner);
    case CellCycleClass.clump:
      return sampleClump(rng, first, event);
    case CellCycleClass.secondG0g1:
    case CellCycleClass.secondS:
    case CellCycleClass.secondG2m:
      if (!second) throw new RangeError('simulateCellCycleSample: a second-population event without a second population');
      return sampleCyclingCell(rng, second, label - CellCycleClass.secondG0g1, event, second.g1Mean / first.g1Mean);
    default:
      return sampleCyclingCell(rng, first, label, event);
  }
}

function validateCellCycleParams(params: CellCycleParams): { first: CycleShape; second: CycleShape | null } {
  const where = 'simulateCellCycleSample';
  assertEventCount(params.eventCount, where);
  assertFractionsSumToOne({ ...params.phaseFractions }, 'phaseFractions', where);
  assertInRange(params.subG1Fraction, 0, 0.95, 'subG1Fraction', where);
  assertInRange(params.debrisFraction, 0, 0.9, 'debrisFraction', where);
  assertInRange(params.doubletFraction, 0, 0.5, 'doubletFraction', where);
  assertInRange(params.cutNucleusFraction ?? 0, 0, 1, 'cutNucleusFraction', where);
  assertInRange(params.clumpFraction ?? 0, 0, 0.5, 'clumpFraction', where);
  // Keeps G2/M + G2/M aggregates (2 × 2.1 × 60,000 = 252,000) on the 262,144 scale.
  assertInRange(params.g1MeanPiA, 5000, 60_000, 'g1MeanPiA', where);
  assertInRange(params.g1Cv, 0.005, 0.2, 'g1Cv', where);
  assertInRange(params.g2g1Ratio, 1.5, 2.1, 'g2g1Ratio', where);
  const density = params.sPhaseDensity;
  const extremes = quadraticDensityExtremes(density);
  if (!(extremes.min > 0) || ![density.start, density.middle, density.end].every(Number.isFinite)) {
    throw new RangeError(`${where}: sPhaseDensity must stay positive across S phase, got ${JSON.stringify(density)}`);
  }
  const shape = (g1Mean: number, cv: number, phases: PhaseFractions): CycleShape => ({
    g1Mean,
    cv,
    g2g1Ratio: params.g2g1Ratio,
    sCoefficients: quadraticCoefficients(density),
    sMaxDensity: extremes.max,
    phaseCumulative: cumulativeProbabilities([phases.g0g1, phases.s, phases.g2m]),
  });
  const second = params.secondPopulation ?? null;
  if (second) {
    assertInRange(second.fraction, 0, 0.95, 'secondPopulation.fraction', where);
    assertInRange(second.dnaIndex, 0.25, 3, 'secondPopulation.dnaIndex', where);
    assertInRange(second.cv, 0.005, 0.2, 'secondPopulation.cv', where);
    assertFractionsSumToOne({ ...second.phaseFractions }, 'secondPopulation.phaseFractions', where);
  }
  return {
    first: shape(params.g1MeanPiA, params.g1Cv, params.phaseFractions),
    second: second && shape(second.dnaIndex * params.g1MeanPiA, second.cv, second.phaseFractions),
  };
}
