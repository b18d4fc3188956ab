/** What a simulated PI DNA-content tube holds, counted from its event labels: the known answers of the tests. */
import { CELL_CYCLE_CLASS_NAMES, type CellCycleClassName } from './cellCycleEvents.ts';
import type { CellCycleParams, PhaseFractions } from './cellCycleModel.ts';
import { countLabels } from './labels.ts';
import { fractionOf } from './simulatedSample.ts';

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
  /** Events in PI-A's top channel (the clumps), as % of all events: what an analysis should count as off-scale. */
  offScalePercent: number;
  secondPopulation: SecondPopulationTruth | null;
}

export interface SecondPopulationTruth {
  g1MeanPiA: number;
  dnaIndex: number;
  g1CvMeasured: number;
  /** Realised, of the population's own cells (sum 1). */
  phaseFractions: PhaseFractions;
  /** Of the cycling single cells of both populations. */
  fraction: number;
}

/** The truth of a tube from its labels; `electronicSd` is the PI detector's baseline noise, which widens every CV. */
export function summariseCellCycleTruth(params: CellCycleParams, seed: number, labels: Uint8Array, electronicSd: number): CellCycleTruth {
  const all = countLabels(labels, CELL_CYCLE_CLASS_NAMES.length);
  const counts = Object.fromEntries(CELL_CYCLE_CLASS_NAMES.map((name, k) => [name, all[k]])) as Record<CellCycleClassName, number>;
  const { g0g1, s, g2m, subG1 } = counts;
  const cyclingCount = g0g1 + s + g2m;
  const secondCount = counts.secondG0g1 + counts.secondS + counts.secondG2m;
  const singleCellCount = cyclingCount + secondCount + subG1;
  const g2MeanPiA = params.g1MeanPiA * params.g2g1Ratio;
  const measuredCv = (cv: number, mean: number): number => Math.hypot(cv, electronicSd / mean);
  const second = params.secondPopulation ?? null;
  return {
    assay: 'cellCycle',
    seed,
    params,
    counts,
    cyclingCount,
    singleCellCount,
    phaseFractions: { g0g1: fractionOf(g0g1, cyclingCount), s: fractionOf(s, cyclingCount), g2m: fractionOf(g2m, cyclingCount) },
    subG1FractionOfSingleCells: fractionOf(subG1, singleCellCount),
    debrisFraction: (counts.debris + counts.cutNucleus) / labels.length,
    doubletFraction: counts.doublet / labels.length,
    g1MeanPiA: params.g1MeanPiA,
    g2MeanPiA,
    g1CvMeasured: measuredCv(params.g1Cv, params.g1MeanPiA),
    g2CvMeasured: measuredCv(params.g1Cv, g2MeanPiA),
    offScalePercent: (100 * counts.clump) / labels.length,
    secondPopulation: second && {
      g1MeanPiA: second.dnaIndex * params.g1MeanPiA,
      dnaIndex: second.dnaIndex,
      g1CvMeasured: measuredCv(second.cv, second.dnaIndex * params.g1MeanPiA),
      phaseFractions: {
        g0g1: fractionOf(counts.secondG0g1, secondCount),
        s: fractionOf(counts.secondS, secondCount),
        g2m: fractionOf(counts.secondG2m, secondCount),
      },
      fraction: fractionOf(secondCount, cyclingCount + secondCount),
    },
  };
}
