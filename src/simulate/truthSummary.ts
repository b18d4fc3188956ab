import type { ApoptosisTruth } from './apoptosisModel.ts';
import type { CellCycleTruth } from './cellCycleTruth.ts';
import { assertNever } from './simulatedSample.ts';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function percent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)}%`;
}

/**
 * One line a person can check a result against, e.g.
 * "viable 90.0%, early apoptotic 4.5%, late apoptotic 3.5%, necrotic 2.0% of 17,600 single cells; 1,600 debris, 800 doublets".
 */
export function describeTruth(truth: ApoptosisTruth | CellCycleTruth): string {
  switch (truth.assay) {
    case 'apoptosis': {
      const f = truth.fractionsOfSingleCells;
      return `viable ${percent(f.viable)}, early apoptotic ${percent(f.earlyApoptotic)}, late apoptotic ${percent(f.lateApoptotic)}, `
        + `necrotic ${percent(f.necrotic)} of ${count(truth.singleCellCount)} single cells; `
        + `${count(truth.counts.debris)} debris, ${count(truth.counts.doublet)} doublets`;
    }
    case 'cellCycle': {
      const p = truth.phaseFractions;
      return `G0/G1 ${percent(p.g0g1)}, S ${percent(p.s)}, G2/M ${percent(p.g2m)} of ${count(truth.cyclingCount)} cycling cells; `
        + `sub-G1 ${percent(truth.subG1FractionOfSingleCells)} of single cells; G1 mean ${Math.round(truth.g1MeanPiA)}, `
        + `CV ${percent(truth.g1CvMeasured)}; ${count(truth.counts.debris)} debris, ${count(truth.counts.doublet)} doublets`;
    }
    default:
      return assertNever(truth, 'truth');
  }
}
